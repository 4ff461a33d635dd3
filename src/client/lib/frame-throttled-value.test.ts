// The frame-throttled value: many sets between two frames tell readers once, with the last value
import { describe, expect, it } from 'vitest'
import { createFrameThrottledValue } from './frame-throttled-value.ts'

/** A fake frame clock: `frame()` runs what was scheduled for the next frame. */
function frames() {
  let queued: (() => void)[] = []
  return {
    schedule: (run: () => void) => void queued.push(run),
    frame() {
      const due = queued
      queued = []
      due.forEach((run) => run())
    },
    get pending() {
      return queued.length
    },
  }
}

describe('createFrameThrottledValue', () => {
  it.each([
    { name: 'one set', sets: [[1]], told: [1], notified: 1 },
    { name: 'many sets in one frame', sets: [[1, 2, 3]], told: [3], notified: 1 },
    { name: 'sets over two frames', sets: [[1, 2], [3]], told: [2, 3], notified: 2 },
    { name: 'the same value again', sets: [[1], [1]], told: [1, 1], notified: 1 },
    { name: 'back to undefined', sets: [[1], [undefined]], told: [1, undefined], notified: 2 },
    { name: 'no set', sets: [[]], told: [undefined], notified: 0 },
  ])('$name', ({ sets, told, notified }) => {
    const clock = frames()
    const value = createFrameThrottledValue<number>(clock.schedule)
    let calls = 0
    value.subscribe(() => calls++)
    const seen: (number | undefined)[] = []
    for (const frame of sets) {
      for (const next of frame) value.set(next)
      // readers see nothing new before the frame
      if (frame.length > 0 && seen.length > 0) expect(value.get()).toBe(seen.at(-1))
      clock.frame()
      seen.push(value.get())
    }
    expect(seen).toEqual(told)
    expect(calls).toBe(notified)
    expect(clock.pending).toBe(0)
  })

  it('stops telling a reader that unsubscribed', () => {
    const clock = frames()
    const value = createFrameThrottledValue<number>(clock.schedule)
    let calls = 0
    const unsubscribe = value.subscribe(() => calls++)
    value.set(1)
    unsubscribe()
    clock.frame()
    expect(calls).toBe(0)
    expect(value.get()).toBe(1)
  })
})
