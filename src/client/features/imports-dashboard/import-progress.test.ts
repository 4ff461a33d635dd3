// An import's progress: rows processed of the file's rows, in plain words
import { describe, expect, it } from 'vitest'
import {
  addSample,
  formatTimeLeft,
  importProgress,
  RATE_WINDOW_MS,
  type ProgressSample,
} from './import-progress.ts'

describe('importProgress', () => {
  const rising: ProgressSample[] = [
    { at: 0, processed: 100 },
    { at: 10_000, processed: 300 },
  ]

  it.each([
    {
      name: 'a running import of a known total: share done and time left at 20 rows/s',
      state: 'PROCESSING',
      rows: 300,
      total: 2_000,
      samples: rising,
      expected: { processed: 300, total: 2_000, percent: 15, secondsLeft: 85 },
    },
    {
      name: 'started elsewhere: no total, no share, no estimate',
      state: 'PROCESSING',
      rows: 300,
      total: undefined,
      samples: rising,
      expected: { processed: 300, total: undefined, percent: undefined, secondsLeft: undefined },
    },
    {
      name: 'one poll so far: no rate yet',
      state: 'PROCESSING',
      rows: 100,
      total: 2_000,
      samples: rising.slice(0, 1),
      expected: { percent: 5, secondsLeft: undefined },
    },
    {
      name: 'waiting for a slot: no estimate',
      state: 'DEFERRED',
      rows: 0,
      total: 2_000,
      samples: rising,
      expected: { percent: 0, secondsLeft: undefined },
    },
    {
      name: 'rows stood still between polls: no estimate',
      state: 'PROCESSING',
      rows: 100,
      total: 2_000,
      samples: [
        { at: 0, processed: 100 },
        { at: 2_000, processed: 100 },
      ],
      expected: { secondsLeft: undefined },
    },
    {
      name: 'done: complete, HubSpot’s count is the total',
      state: 'DONE',
      rows: 1_990,
      total: 2_000,
      samples: rising,
      expected: { processed: 1_990, total: 1_990, percent: 100 },
    },
    {
      name: 'cancelled part way: the share reached',
      state: 'CANCELED',
      rows: 500,
      total: 2_000,
      samples: rising,
      expected: { percent: 25, secondsLeft: undefined },
    },
    {
      name: 'an empty file',
      state: 'PROCESSING',
      rows: 0,
      total: 0,
      samples: [],
      expected: { percent: 100 },
    },
  ])('$name', ({ state, rows, total, samples, expected }) => {
    expect(importProgress(state, { TOTAL_ROWS: rows }, total, samples)).toMatchObject(expected)
  })
})

describe('addSample', () => {
  it('ignores a second answer of the same poll', () => {
    const samples = [{ at: 5, processed: 1 }]
    expect(addSample(samples, { at: 5, processed: 1 })).toBe(samples)
  })

  it('keeps the last minute, and at least two samples', () => {
    let samples: ProgressSample[] = []
    for (let at = 0; at <= 120_000; at += 2_000) samples = addSample(samples, { at, processed: at })
    expect(samples[0]!.at).toBe(120_000 - RATE_WINDOW_MS)
    expect(addSample([{ at: 0, processed: 0 }], { at: 600_000, processed: 9 })).toHaveLength(2)
  })

  it('starts again when the count goes back', () => {
    expect(addSample([{ at: 0, processed: 50 }], { at: 2, processed: 3 })).toEqual([
      { at: 2, processed: 3 },
    ])
  })
})

describe('formatTimeLeft', () => {
  it.each([
    [3, 'a few seconds'],
    [44, 'about 40 seconds'],
    [85, 'about 1 minute'],
    [600, 'about 10 minutes'],
    [3 * 3600, 'about 3 hours'],
  ])('%i s → %s', (seconds, words) => {
    expect(formatTimeLeft(seconds)).toBe(words)
  })
})
