/**
 * Idempotency records for creates, behind a small async interface so a shared store (Redis) can
 * take the in-memory one's place. One record per Idempotency-Key (already scoped per user):
 *
 * - `pending`: one create holds the key (it is uploading, or reconciling an earlier attempt);
 * - `pinned`: an attempt's outcome is unknown (the whole file reached HubSpot, its answer did not),
 *   so the key stays taken with what a retry needs to look for that import in HubSpot's list;
 * - `done`: the create's answer, replayed to a repeat that sends the same file.
 *
 * Holding, pinning and finishing go through the holder's claim; a shared store would add an
 * expiry to `pending` so a crashed holder does not keep the key forever (memory dies with it).
 */
import type { ImportRequest } from '#shared/hubspot/import-request.ts'

export interface StoredResult {
  status: number
  body: Buffer
  headers: Record<string, string>
}

/** An attempt whose outcome is unknown: what a retry needs to find its import in HubSpot's list. */
export interface PinnedAttempt {
  /** when the attempt started sending to HubSpot (ms since the epoch): HubSpot's createdAt is later */
  sentAt: number
  /** the importRequest exactly as sent, which HubSpot echoes as importRequestJson */
  importRequest: ImportRequest
  /**
   * hash of the file bytes sent (content-hash.ts); unknown when the attempt's holder vanished
   * before settling it (a replica that died mid-create: store/redis-idempotency.ts)
   */
  contentHash?: string
}

export type IdempotencyRecord =
  | { state: 'pending'; fingerprint: string; pinned?: PinnedAttempt }
  | { state: 'pinned'; fingerprint: string; pinned: PinnedAttempt; expires: number }
  | {
      state: 'done'
      fingerprint: string
      contentHash: string
      result: StoredResult
      expires: number
    }

export type Claim =
  /** the caller holds the key; `pinned`: an earlier attempt may have created the import */
  | { kind: 'claimed'; pinned?: PinnedAttempt }
  /** another create holds the key: wait for `changed`, then claim again */
  | { kind: 'busy' }
  | { kind: 'done'; contentHash: string; result: StoredResult }
  /** the key was used for another importRequest */
  | { kind: 'conflict' }

export interface IdempotencyRecords {
  /**
   * `importRequest`: what the claim is for, kept by a shared store so that, should this holder
   * vanish, the next claim can look for its import
   */
  claim(key: string, fingerprint: string, importRequest?: ImportRequest): Promise<Claim>
  /** the holder's attempt has an unknown outcome: keep the key for reconciliation */
  pin(key: string, attempt: PinnedAttempt): Promise<void>
  /**
   * The holder is done: with a result (and the content it was for) the key replays it; without
   * one nothing was created, and the key is free again, or back to its pin if it had one.
   */
  finish(
    key: string,
    done: { result: StoredResult; contentHash: string } | undefined,
  ): Promise<void>
  lookup(key: string): Promise<IdempotencyRecord | undefined>
  /** resolves when the record for `key` may have changed (a shared store may poll) */
  changed(key: string, signal: AbortSignal): Promise<void>
}

/** In-process records: bounded, expiring after `ttlMs`, waiters woken at once. */
export function createMemoryIdempotencyRecords({
  ttlMs = 24 * 60 * 60 * 1000,
  maxEntries = 1000,
  now = Date.now,
} = {}): IdempotencyRecords & { size(): number } {
  const records = new Map<string, IdempotencyRecord>()
  const waiters = new Map<string, Set<() => void>>()

  const wake = (key: string) => {
    for (const resolve of waiters.get(key) ?? []) resolve()
    waiters.delete(key)
  }
  const expired = (record: IdempotencyRecord) =>
    record.state !== 'pending' && record.expires <= now()
  const evict = () => {
    for (const [key, record] of records) if (expired(record)) records.delete(key)
    // oldest first (a Map iterates in insertion order); a held key is never dropped
    for (const [key, record] of records) {
      if (records.size <= maxEntries) break
      if (record.state !== 'pending') records.delete(key)
    }
  }
  const set = (key: string, record: IdempotencyRecord | undefined) => {
    records.delete(key)
    if (record) records.set(key, record)
    evict()
    wake(key)
  }

  return {
    async claim(key, fingerprint) {
      const record = records.get(key)
      if (!record || expired(record)) {
        records.set(key, { state: 'pending', fingerprint })
        return { kind: 'claimed' }
      }
      if (record.fingerprint !== fingerprint) return { kind: 'conflict' }
      switch (record.state) {
        case 'pending':
          return { kind: 'busy' }
        case 'done':
          return { kind: 'done', contentHash: record.contentHash, result: record.result }
        case 'pinned':
          records.set(key, { state: 'pending', fingerprint, pinned: record.pinned })
          return { kind: 'claimed', pinned: record.pinned }
      }
    },
    async pin(key, attempt) {
      const record = records.get(key)
      if (record?.state !== 'pending') return
      // the earliest attempt bounds the search: a later one cannot have made an older import
      const pinned = record.pinned ? { ...attempt, sentAt: record.pinned.sentAt } : attempt
      set(key, { state: 'pinned', fingerprint: record.fingerprint, pinned, expires: now() + ttlMs })
    },
    async finish(key, done) {
      const record = records.get(key)
      if (record?.state !== 'pending') return
      const { fingerprint } = record
      if (done) set(key, { state: 'done', fingerprint, ...done, expires: now() + ttlMs })
      else if (record.pinned)
        set(key, { state: 'pinned', fingerprint, pinned: record.pinned, expires: now() + ttlMs })
      else set(key, undefined)
    },
    async lookup(key) {
      const record = records.get(key)
      return record && !expired(record) ? record : undefined
    },
    changed(key, signal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted || records.get(key)?.state !== 'pending') return resolve()
        const done = () => {
          signal.removeEventListener('abort', done)
          waiters.get(key)?.delete(done)
          resolve()
        }
        signal.addEventListener('abort', done, { once: true })
        const set = waiters.get(key) ?? new Set()
        set.add(done)
        waiters.set(key, set)
      })
    },
    size: () => records.size,
  }
}
