// How often a running import and the imports list are polled, by state, age and failures
import { describe, expect, it } from 'vitest'
import {
  importRefetchInterval,
  importsListRefetchInterval,
  isStuck,
  pollingInputFromQuery,
  POLLING,
  type PollingInput,
} from './import-polling.ts'

const NOW = Date.parse('2026-05-01T12:00:00.000Z')
const ago = (ms: number) => new Date(NOW - ms).toISOString()
const SECOND = 1_000
const MINUTE = 60_000

const healthy = (state: string, createdAt = ago(10 * SECOND)): PollingInput => ({
  data: { state, createdAt },
  status: 'success',
  dataUpdateCount: 3,
  dataUpdatedAt: NOW - 1_000,
  errorUpdateCount: 0,
  errorUpdatedAt: 0,
})

describe('importRefetchInterval', () => {
  it.each([
    { description: 'stops once the import is DONE', input: healthy('DONE'), expected: false },
    { description: 'stops once FAILED', input: healthy('FAILED'), expected: false },
    { description: 'stops once CANCELED', input: healthy('CANCELED'), expected: false },
    { description: 'stops once REVERTED', input: healthy('REVERTED'), expected: false },
    { description: 'polls every 2 s while STARTED', input: healthy('STARTED'), expected: 2_000 },
    {
      description: 'polls every 2 s while PROCESSING',
      input: healthy('PROCESSING'),
      expected: 2_000,
    },
    {
      description: 'polls every 10 s while DEFERRED',
      input: healthy('DEFERRED'),
      expected: 10_000,
    },
    {
      description: 'slows to 60 s for an import DEFERRED for an hour',
      input: healthy('DEFERRED', ago(60 * MINUTE)),
      expected: 60_000,
    },
    {
      description: 'slows to 5 s after two minutes of processing',
      input: healthy('PROCESSING', ago(3 * MINUTE)),
      expected: 5_000,
    },
    {
      description: 'slows to 30 s after ten minutes',
      input: healthy('PROCESSING', ago(20 * MINUTE)),
      expected: 30_000,
    },
    {
      description: 'slows to 60 s after an hour',
      input: healthy('PROCESSING', ago(3 * 60 * MINUTE)),
      expected: 60_000,
    },
    {
      description: 'treats an unreadable createdAt as a young import',
      input: healthy('PROCESSING', 'not a date'),
      expected: 2_000,
    },
    {
      description: 'polls an unknown (newer) state at a moderate pace',
      input: healthy('QUEUED_SOMEWHERE'),
      expected: POLLING.unknownState,
    },
    {
      description: 'polls every 2 s before the first answer',
      input: {
        ...healthy('STARTED'),
        data: undefined,
        status: 'pending',
        dataUpdateCount: 0,
      } satisfies PollingInput,
      expected: 2_000,
    },
  ])('$description', ({ input, expected }) => {
    expect(importRefetchInterval(input, NOW)).toBe(expected)
  })

  const failing = (overrides: Partial<PollingInput>): PollingInput => ({
    ...healthy('PROCESSING'),
    status: 'error',
    ...overrides,
  })

  it.each([
    {
      description: 'backs off to 4 s after the first failure with no data yet',
      input: failing({
        data: undefined,
        dataUpdateCount: 0,
        dataUpdatedAt: 0,
        errorUpdateCount: 1,
        errorUpdatedAt: NOW,
      }),
      expected: 4_000,
    },
    {
      description: 'doubles with each further failure with no data',
      input: failing({
        data: undefined,
        dataUpdateCount: 0,
        dataUpdatedAt: 0,
        errorUpdateCount: 3,
        errorUpdatedAt: NOW,
      }),
      expected: 16_000,
    },
    {
      description: 'waits twice the outage after data was seen',
      input: failing({
        dataUpdatedAt: NOW - 10_000,
        errorUpdateCount: 4,
        errorUpdatedAt: NOW - 1_000,
      }),
      expected: 18_000,
    },
    {
      description: 'caps the back-off at two minutes',
      input: failing({
        dataUpdatedAt: NOW - 30 * MINUTE,
        errorUpdateCount: 9,
        errorUpdatedAt: NOW,
      }),
      expected: POLLING.maxErrorBackoff,
    },
    {
      description: 'returns to normal once a poll succeeds again',
      input: failing({
        status: 'success',
        dataUpdatedAt: NOW,
        errorUpdateCount: 4,
        errorUpdatedAt: NOW - 5_000,
      }),
      expected: 2_000,
    },
    {
      description: 'stops when the session expired (401)',
      input: failing({ errorStatus: 401, errorUpdatedAt: NOW }),
      expected: false,
    },
    {
      description: 'stops when the import does not exist (404)',
      input: failing({ errorStatus: 404, errorUpdatedAt: NOW }),
      expected: false,
    },
    {
      description: 'keeps trying through a 502 from the proxy',
      input: failing({
        errorStatus: 502,
        errorUpdateCount: 1,
        errorUpdatedAt: NOW,
        dataUpdatedAt: NOW - 2_000,
      }),
      expected: 4_000,
    },
  ])('$description', ({ input, expected }) => {
    expect(importRefetchInterval(input, NOW)).toBe(expected)
  })

  it('is pure: the same input gives the same interval however often it is asked', () => {
    const input = healthy('PROCESSING')
    const answers = Array.from({ length: 5 }, () => importRefetchInterval(input, NOW))
    expect(new Set(answers)).toEqual(new Set([2_000]))
  })
})

describe('importsListRefetchInterval', () => {
  const list = (...states: string[]) => ({
    ...healthy('DONE'),
    data: { results: states.map((state) => ({ state, createdAt: ago(10 * SECOND) })) },
  })

  it.each([
    {
      description: 'stops when every visible import is terminal',
      input: list('DONE', 'FAILED'),
      expected: false,
    },
    { description: 'stops for an empty page', input: list(), expected: false },
    {
      description: 'polls at the pace of a running import',
      input: list('DONE', 'PROCESSING'),
      expected: 2_000,
    },
    {
      description: 'polls slowly when only DEFERRED ones remain',
      input: list('DONE', 'DEFERRED'),
      expected: 10_000,
    },
  ])('$description', ({ input, expected }) => {
    expect(importsListRefetchInterval(input, NOW)).toBe(expected)
  })
})

describe('pollingInputFromQuery', () => {
  it('reads the HTTP status of the last error', () => {
    const input = pollingInputFromQuery({
      state: {
        data: undefined,
        status: 'error',
        dataUpdateCount: 0,
        dataUpdatedAt: 0,
        errorUpdateCount: 1,
        errorUpdatedAt: NOW,
        error: Object.assign(new Error('gone'), { status: 404 }),
      },
    })
    expect(input.errorStatus).toBe(404)
    expect(importRefetchInterval(input, NOW)).toBe(false)
  })
})

describe('isStuck', () => {
  const running = (state: string, createdAt: string, counters: Record<string, number> = {}) => ({
    state,
    createdAt,
    metadata: { counters, fileIds: [], objectLists: [] },
  })

  it.each([
    {
      description: 'a young import is not stuck',
      input: running('PROCESSING', ago(5 * MINUTE)),
      expected: false,
    },
    {
      description: 'a small import processing for two hours is stuck',
      input: running('PROCESSING', ago(120 * MINUTE), { TOTAL_ROWS: 100 }),
      expected: true,
    },
    {
      description: 'an import STARTED for two hours is stuck',
      input: running('STARTED', ago(120 * MINUTE)),
      expected: true,
    },
    {
      description: 'a million rows may take longer than two hours',
      input: running('PROCESSING', ago(120 * MINUTE), { TOTAL_ROWS: 1_000_000 }),
      expected: false,
    },
    {
      description: 'counters stand in for a missing TOTAL_ROWS',
      input: running('PROCESSING', ago(120 * MINUTE), { CREATED_OBJECTS: 600_000, ERRORS: 10 }),
      expected: false,
    },
    {
      description: 'a DEFERRED import is waiting, not stuck',
      input: running('DEFERRED', ago(600 * MINUTE)),
      expected: false,
    },
    {
      description: 'a finished import is not stuck',
      input: running('DONE', ago(600 * MINUTE)),
      expected: false,
    },
    {
      description: 'an unreadable date is not stuck',
      input: running('PROCESSING', 'yesterday'),
      expected: false,
    },
  ])('$description', ({ input, expected }) => {
    expect(isStuck(input, NOW)).toBe(expected)
  })
})
