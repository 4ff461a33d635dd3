/**
 * Idempotency-Key for creates: a repeat of the same importRequest under the same key (per user)
 * gets the first answer back instead of starting a second import.
 */
import { createHash } from 'node:crypto'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { ProxyError } from './errors.ts'
import {
  IDEMPOTENCY_KEY,
  type IdempotencyStore,
  type Lease,
  type StoredResult,
} from './idempotency.ts'

/** Keys are per user, so one user's key never replays another's import. */
export function idempotencyScope(user: string | undefined, key: string): string {
  return `${user ?? ''}\n${key}`
}

/** Which import a key was used for: a reused key with another request is a conflict. */
export function requestFingerprint(importRequest: ImportRequest): string {
  return createHash('sha256').update(JSON.stringify(importRequest)).digest('hex')
}

/** The first answer again, marked so the browser knows no new import was started. */
export function replayed(result: StoredResult): StoredResult {
  return { ...result, headers: { ...result.headers, 'idempotent-replayed': 'true' } }
}

/**
 * Without a key, undefined. Otherwise the stored answer to replay, or the lease under which this
 * create runs; waits (abortably) while the same key's first create is still running.
 */
export async function beginIdempotentCreate(
  store: IdempotencyStore,
  key: string | undefined,
  user: string | undefined,
  importRequest: ImportRequest,
  signal: AbortSignal,
): Promise<{ replay: StoredResult } | { lease: Lease } | undefined> {
  if (key === undefined) return undefined
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      'Idempotency-Key must be 1–255 printable ASCII characters.',
    )
  }
  const beginning = store.begin(idempotencyScope(user, key), requestFingerprint(importRequest))
  // a repeat that gives up while waiting must not keep the key it is handed afterwards
  beginning.then(
    (result) => {
      if (signal.aborted && 'lease' in result) result.lease.finish(undefined)
    },
    () => {},
  )
  return abortable(beginning, signal)
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      },
    )
  })
}
