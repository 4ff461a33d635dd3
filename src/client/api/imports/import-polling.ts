// How often to poll an import or the list: by state, age and consecutive failures; and when an import looks stuck
import {
  counter,
  isTerminalState,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'

const SECOND = 1_000
const MINUTE = 60 * SECOND

/** What the interval depends on: the import as last seen plus the query's fetch bookkeeping. */
export interface PollingInput {
  data: Pick<PublicImportResponse, 'state' | 'createdAt'> | undefined
  status: 'pending' | 'error' | 'success'
  dataUpdateCount: number
  dataUpdatedAt: number
  errorUpdateCount: number
  errorUpdatedAt: number
  /** HTTP status of the last error, if it was an HTTP error */
  errorStatus?: number | undefined
}

export const POLLING = {
  running: 2 * SECOND,
  deferred: 10 * SECOND,
  /** an import that has run this long is polled less often: it will not finish in the next seconds */
  slowAfter: [
    { age: 2 * MINUTE, interval: 5 * SECOND },
    { age: 10 * MINUTE, interval: 30 * SECOND },
    { age: 60 * MINUTE, interval: 60 * SECOND },
  ],
  deferredSlowAfter: { age: 30 * MINUTE, interval: 60 * SECOND },
  unknownState: 10 * SECOND,
  maxErrorBackoff: 2 * MINUTE,
} as const

// 401: the session expired; 403: not allowed; 404: no such import — polling cannot fix any of them
const FATAL_STATUSES = [401, 403, 404]

/** The polling interval while the import is healthy and not terminal. */
function baseInterval(data: PollingInput['data'], now: number): number {
  if (!data) return POLLING.running
  const started = Date.parse(data.createdAt)
  const age = Number.isFinite(started) ? Math.max(0, now - started) : 0
  if (data.state === 'DEFERRED') {
    return age >= POLLING.deferredSlowAfter.age
      ? POLLING.deferredSlowAfter.interval
      : POLLING.deferred
  }
  if (data.state !== 'STARTED' && data.state !== 'PROCESSING') return POLLING.unknownState
  let interval: number = POLLING.running
  for (const step of POLLING.slowAfter) if (age >= step.age) interval = step.interval
  return interval
}

/**
 * Exponential back-off while the latest outcome is an error. TanStack resets fetchFailureCount at
 * every fetch, so "consecutive errors" is read from the state instead of a counter we would have to
 * mutate: with no data yet every error is consecutive (errorUpdateCount); after a success, waiting
 * as long as the outage has lasted doubles the wait at every failed poll.
 */
function errorBackoff(input: PollingInput, base: number): number {
  const lastWasError = input.status === 'error' && input.errorUpdatedAt >= input.dataUpdatedAt
  if (!lastWasError) return base
  const backoff =
    input.dataUpdateCount === 0
      ? base * 2 ** Math.max(1, input.errorUpdateCount)
      : Math.max(2 * base, 2 * (input.errorUpdatedAt - input.dataUpdatedAt))
  return Math.min(POLLING.maxErrorBackoff, Math.max(base, backoff))
}

/** How long until the next status poll, or false to stop: pure, so TanStack may call it at will. */
export function importRefetchInterval(input: PollingInput, now: number): number | false {
  if (isTerminalState(input.data?.state)) return false
  if (input.status === 'error' && input.errorStatus && FATAL_STATUSES.includes(input.errorStatus)) {
    return false
  }
  return errorBackoff(input, baseInterval(input.data, now))
}

/** Adapts a TanStack query's state to the interval functions below. */
export function pollingInputFromQuery<T>(query: {
  state: {
    data: T | undefined
    status: PollingInput['status']
    dataUpdateCount: number
    dataUpdatedAt: number
    errorUpdateCount: number
    errorUpdatedAt: number
    error: unknown
  }
}): Omit<PollingInput, 'data'> & { data: T | undefined } {
  const { data, status, dataUpdateCount, dataUpdatedAt, errorUpdateCount, errorUpdatedAt, error } =
    query.state
  const errorStatus =
    error && typeof error === 'object' && 'status' in error && typeof error.status === 'number'
      ? error.status
      : undefined
  return {
    data,
    status,
    dataUpdateCount,
    dataUpdatedAt,
    errorUpdateCount,
    errorUpdatedAt,
    errorStatus,
  }
}

/** HubSpot's own pace is thousands of rows a minute; this floor leaves a wide margin before "stuck". */
const SLOWEST_EXPECTED_ROWS_PER_SECOND = 10
const STUCK_AFTER_AT_LEAST = 30 * MINUTE

/**
 * Whether a running import has taken far longer than its size suggests: three times the time its
 * rows would need at a slow pace, and never less than half an hour.
 */
export function isStuck(
  importResponse: Pick<PublicImportResponse, 'state' | 'createdAt' | 'metadata'>,
  now: number,
): boolean {
  if (importResponse.state !== 'STARTED' && importResponse.state !== 'PROCESSING') return false
  const started = Date.parse(importResponse.createdAt)
  if (!Number.isFinite(started)) return false
  const rows = Math.max(
    counter(importResponse, 'TOTAL_ROWS'),
    counter(importResponse, 'CREATED_OBJECTS') +
      counter(importResponse, 'UPDATED_OBJECTS') +
      counter(importResponse, 'ERRORS'),
  )
  const expected = (rows / SLOWEST_EXPECTED_ROWS_PER_SECOND) * SECOND
  return now - started > Math.max(STUCK_AFTER_AT_LEAST, 3 * expected)
}

/** The list polls at the pace of its most urgent visible import, and stops when all are terminal. */
export function importsListRefetchInterval(
  input: Omit<PollingInput, 'data'> & {
    data: { results: Pick<PublicImportResponse, 'state' | 'createdAt'>[] } | undefined
  },
  now: number,
): number | false {
  if (input.status === 'error' && input.errorStatus && FATAL_STATUSES.includes(input.errorStatus)) {
    return false
  }
  if (!input.data) return errorBackoff({ ...input, data: undefined }, POLLING.running)
  const running = input.data.results.filter((item) => !isTerminalState(item.state))
  if (running.length === 0) return false
  const base = Math.min(...running.map((item) => baseInterval(item, now)))
  return errorBackoff({ ...input, data: undefined }, base)
}
