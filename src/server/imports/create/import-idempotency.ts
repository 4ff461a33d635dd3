/**
 * Idempotency-Key for creates: a repeat under the same key (per user) with the same importRequest
 * and the same file bytes gets the first import back instead of starting a second one; other bytes
 * get a 409. The bytes are only known once the file has streamed, so a repeat reads its file (into
 * a hash, nothing kept) before it is answered; a repeat of an attempt whose outcome is unknown
 * first looks for that import in HubSpot (reconcile-import.ts).
 */
import { createHash } from 'node:crypto'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { ProxyError } from '../../errors.ts'
import type { IdempotencyRecords, PinnedAttempt, StoredResult } from './idempotency.ts'

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

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

export function otherContent(): ProxyError {
  return new ProxyError(
    409,
    'CONFLICT',
    'This Idempotency-Key was already used to send a file with different content, so this file was not imported. The first import stands; start a new import to send the changed file.',
  )
}

/** The create's hold on its key, settled once: with its answer, with a pin, or released. */
export interface KeyHold {
  finish(result: StoredResult, contentHash: string): Promise<void>
  pin(attempt: PinnedAttempt): Promise<void>
  /** nothing was created: the key is free again (or back to an earlier pin) */
  release(): Promise<void>
}

export type IdempotentStart =
  | { kind: 'no-key' }
  | { kind: 'done'; result: StoredResult; contentHash: string }
  | { kind: 'held'; hold: KeyHold; pinned?: PinnedAttempt }

/**
 * Claims the key for this create, waiting (abortably) while another create holds it. `done`: the
 * key already has its import, to be replayed if this file is the same.
 */
export async function startIdempotentCreate(
  records: IdempotencyRecords,
  key: string | undefined,
  user: string | undefined,
  importRequest: ImportRequest,
  signal: AbortSignal,
): Promise<IdempotentStart> {
  if (key === undefined) return { kind: 'no-key' }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      'Idempotency-Key must be 1–255 printable ASCII characters.',
    )
  }
  const scoped = idempotencyScope(user, key)
  const fingerprint = requestFingerprint(importRequest)
  for (;;) {
    if (signal.aborted) throw signal.reason
    const claim = await records.claim(scoped, fingerprint, importRequest)
    switch (claim.kind) {
      case 'conflict':
        throw new ProxyError(
          409,
          'CONFLICT',
          'This Idempotency-Key was already used for a different import request.',
        )
      case 'busy':
        await records.changed(scoped, signal)
        continue
      case 'done':
        return claim
      case 'claimed': {
        const hold = holdOf(records, scoped)
        if (signal.aborted) {
          await hold.release()
          throw signal.reason
        }
        return { kind: 'held', hold, ...(claim.pinned ? { pinned: claim.pinned } : {}) }
      }
    }
  }
}

function holdOf(records: IdempotencyRecords, key: string): KeyHold {
  let settled = false
  const once =
    <A extends unknown[]>(settle: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      if (settled) return
      settled = true
      await settle(...args)
    }
  return {
    finish: once((result: StoredResult, contentHash: string) =>
      records.finish(key, { result, contentHash }),
    ),
    pin: once((attempt: PinnedAttempt) => records.pin(key, attempt)),
    release: once(() => records.finish(key, undefined)),
  }
}
