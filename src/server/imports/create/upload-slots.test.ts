// Upload slots: free ones granted at once, the rest in arrival order; aborted waits refused
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProxyError } from '../../errors.ts'
import { createUploadSlots, type ReleaseSlot } from './upload-slots.ts'

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

/** Starts `count` acquires; `events` records in order who got a slot or why not, and when. */
function acquireMany(
  slots: ReturnType<typeof createUploadSlots>,
  count: number,
  signal?: AbortSignal,
) {
  const events: string[] = []
  const releases: ReleaseSlot[] = []
  for (let i = 0; i < count; i++) {
    slots.acquire(signal).then(
      (release) => {
        releases[i] = release
        events.push(`${i}@${Date.now()}`)
      },
      (error: unknown) =>
        events.push(
          `${i}:${error instanceof ProxyError ? `${error.status} ${error.headers['Retry-After']}` : String(error)}@${Date.now()}`,
        ),
    )
  }
  return { events, releases }
}

describe('upload slots', () => {
  it('grants free slots at once and the rest in arrival order as slots are released', async () => {
    const slots = createUploadSlots({ slots: 2, maxQueue: 10, queueTimeoutMs: 60_000 })
    const { events, releases } = acquireMany(slots, 4)
    await vi.advanceTimersByTimeAsync(0)
    expect(events).toEqual(['0@0', '1@0'])
    expect(slots.stats()).toEqual({ running: 2, queued: 2 })
    await vi.advanceTimersByTimeAsync(100)
    releases[1]?.()
    // releasing twice gives back one slot only
    releases[1]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(events).toEqual(['0@0', '1@0', '2@100'])
    releases[0]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(events).toEqual(['0@0', '1@0', '2@100', '3@100'])
    for (const release of releases) release?.()
    expect(slots.stats()).toEqual({ running: 0, queued: 0 })
  })

  it.each([
    // slots 1, queue 2, timeout 1.5 s: the fourth finds the queue full, two wait until the timeout
    [4, 2_000, ['0@0', '3:503 2@0', '1:503 2@1500', '2:503 2@1500']],
    [2, 1_000, ['0@0']],
  ])('%i creates, %i ms: %j', async (count, advance, expected) => {
    const slots = createUploadSlots({ slots: 1, maxQueue: 2, queueTimeoutMs: 1_500 })
    const { events } = acquireMany(slots, count)
    await vi.advanceTimersByTimeAsync(advance)
    expect(events).toEqual(expected)
  })

  it('a create that timed out or left is not granted later, and frees its place', async () => {
    const slots = createUploadSlots({ slots: 1, maxQueue: 5, queueTimeoutMs: 1_000 })
    const first = acquireMany(slots, 1)
    const leaving = new AbortController()
    const left = acquireMany(slots, 1, leaving.signal)
    await vi.advanceTimersByTimeAsync(500)
    const late = acquireMany(slots, 1)
    leaving.abort(new Error('gone'))
    await vi.advanceTimersByTimeAsync(0)
    expect(slots.stats()).toEqual({ running: 1, queued: 1 })
    first.releases[0]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(left.events).toEqual(['0:Error: gone@500'])
    expect(late.events).toEqual(['0@500'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('an already aborted signal is refused at once', async () => {
    const slots = createUploadSlots({ slots: 1, maxQueue: 5, queueTimeoutMs: 1_000 })
    await expect(slots.acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone')
    expect(slots.stats()).toEqual({ running: 0, queued: 0 })
  })
})
