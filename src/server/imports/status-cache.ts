// A short-lived cache of one import's status, so many polling dashboards share one upstream call
import type { UpstreamResponse } from '../errors.ts'

/**
 * The dashboard polls a running import every 2 s (its POLLING.running), so by default an answer
 * is shared for exactly one poll interval.
 */
export const DEFAULT_STATUS_CACHE_MS = 2_000
/** A finished import never changes again, so its status is kept at least this long. */
export const TERMINAL_STATUS_TTL_MS = 30_000
const MAX_ENTRIES = 1_000

export interface StatusCacheOptions {
  /** how long one answer is shared, counted from when its upstream call was sent */
  ttlMs: number
  now?: () => number
}

/**
 * One import's status, shared by everyone polling it. An answer lives `ttlMs` from the moment its
 * upstream call was SENT, not from when it came back. With `ttlMs` equal to the dashboard's poll
 * interval, fifty dashboards polling one import share one upstream call per interval, and a lone
 * dashboard still gets a fresh status at every poll: it polls again one interval after its answer
 * arrived, always past the expiry of the call that produced it.
 */
export function createStatusCache({ ttlMs, now = Date.now }: StatusCacheOptions) {
  const entries = new Map<
    string,
    { importId: string; response: UpstreamResponse; expires: number }
  >()
  return {
    /** The shared answer for `key` while it is fresh. */
    get(key: string): UpstreamResponse | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expires > now()) return entry.response
      entries.delete(key)
      return undefined
    },
    /**
     * Shares `response`, whose upstream call was sent at `sentAt`. Pollers that joined that call
     * set the same response again with a later `sentAt`; the first one's expiry stands.
     */
    set(
      key: string,
      importId: string,
      response: UpstreamResponse,
      sentAt: number,
      terminal: boolean,
    ) {
      const ttl = terminal ? Math.max(ttlMs, TERMINAL_STATUS_TTL_MS) : ttlMs
      if (ttl <= 0 || entries.get(key)?.response === response) return
      entries.delete(key)
      entries.set(key, { importId, response, expires: sentAt + ttl })
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? '')
    },
    /** After a cancel the next poll must see the new state, not a cached STARTED. */
    forgetImport(importId: string) {
      for (const [key, entry] of entries) if (entry.importId === importId) entries.delete(key)
    },
  }
}

export type StatusCache = ReturnType<typeof createStatusCache>
