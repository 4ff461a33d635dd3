import { ProxyError } from './errors.ts'

export interface StoredResult {
  status: number
  body: Buffer
  headers: Record<string, string>
}

type Entry =
  | { state: 'pending'; fingerprint: string; settled: Promise<void> }
  | { state: 'done'; fingerprint: string; result: StoredResult; expires: number }

export interface Lease {
  /** remembers a success; anything else frees the key so the user may try again */
  finish(result: StoredResult | undefined): void
}

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

/**
 * Remembers the answer to a create for 24 h per Idempotency-Key (bounded), so a double submit or a
 * retried request returns the first import instead of starting a second one. A repeat that
 * arrives while the first is still uploading waits for it; a key reused for a different
 * importRequest is a 409.
 */
export function createIdempotencyStore({
  ttlMs = 24 * 60 * 60 * 1000,
  maxEntries = 1000,
  now = Date.now,
} = {}) {
  const entries = new Map<string, Entry>()

  const evict = () => {
    const time = now()
    for (const [key, entry] of entries) {
      if (entry.state === 'done' && entry.expires <= time) entries.delete(key)
    }
    // oldest first: a Map iterates in insertion order
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries) break
      if (entry.state === 'done') entries.delete(key)
    }
  }

  async function begin(
    key: string,
    fingerprint: string,
  ): Promise<{ replay: StoredResult } | { lease: Lease }> {
    for (;;) {
      const entry = entries.get(key)
      if (entry && entry.fingerprint !== fingerprint) {
        throw new ProxyError(
          409,
          'CONFLICT',
          'This Idempotency-Key was already used for a different import request.',
        )
      }
      if (entry?.state === 'pending') {
        await entry.settled
        continue
      }
      if (entry?.state === 'done' && entry.expires > now()) return { replay: entry.result }
      let release = () => {}
      const settled = new Promise<void>((resolve) => (release = resolve))
      entries.set(key, { state: 'pending', fingerprint, settled })
      return {
        lease: {
          finish(result) {
            if (result)
              entries.set(key, { state: 'done', fingerprint, result, expires: now() + ttlMs })
            else entries.delete(key)
            evict()
            release()
          },
        },
      }
    }
  }

  return { begin, size: () => entries.size }
}

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>
