// The bench's statistics: median, nearest-rank percentile, blocking time and frame summaries
import { describe, expect, it } from 'vitest'
import { blockingSummary, frameSummary, median, percentile } from './stats.ts'

describe('median', () => {
  it.each([
    { values: [], expected: Number.NaN },
    { values: [7], expected: 7 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [5, Number.NaN, 1, 3], expected: 3 },
    { values: [Number.NaN], expected: Number.NaN },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected)
  })

  it('leaves its input in order', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('percentile (nearest rank)', () => {
  it.each([
    { values: [], p: 95, expected: Number.NaN },
    { values: [10, 20, 30, 40], p: 0, expected: 10 },
    { values: [10, 20, 30, 40], p: 50, expected: 20 },
    { values: [10, 20, 30, 40], p: 75, expected: 30 },
    { values: [10, 20, 30, 40], p: 100, expected: 40 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 95, expected: 95 },
  ])('p$p of $values.length values is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected)
  })
})

describe('blockingSummary', () => {
  it.each([
    { durations: [], longestMs: 0, totalBlockingMs: 0 },
    { durations: [50], longestMs: 50, totalBlockingMs: 0 },
    { durations: [51, 120, 60], longestMs: 120, totalBlockingMs: 1 + 70 + 10 },
  ])('$durations → longest $longestMs, blocking $totalBlockingMs', ({ durations, ...expected }) => {
    expect(blockingSummary(durations)).toEqual(expected)
  })
})

describe('frameSummary', () => {
  it('a steady 60 Hz loop is 60 fps with no slow frame', () => {
    const stamps = Array.from({ length: 61 }, (_, i) => i * (1000 / 60))
    const summary = frameSummary(stamps)
    expect(summary.fps).toBeCloseTo(60, 6)
    expect(summary.medianFrameMs).toBeCloseTo(16.667, 2)
    expect(summary.slowFrames).toBe(0)
  })

  it('one long frame lowers the rate and is counted', () => {
    // 10 frames of 16 ms, then one of 100 ms: 11 frames in 260 ms
    const stamps = [...Array.from({ length: 11 }, (_, i) => i * 16), 260]
    expect(frameSummary(stamps)).toEqual({
      fps: (11 * 1000) / 260,
      medianFrameMs: 16,
      p95FrameMs: 100,
      longestFrameMs: 100,
      slowFrames: 1,
    })
  })

  it('one timestamp is no frame', () => {
    expect(frameSummary([5]).fps).toBeNaN()
  })
})
