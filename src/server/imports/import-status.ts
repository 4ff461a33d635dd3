/**
 * One import's status for every poller: from the shared store while fresh, otherwise fetched
 * once. Within a process, pollers of one import join one read; across replicas, the one that
 * claims the fetch calls HubSpot and the others wait for its answer in the store, so N replicas
 * cost about one upstream call per sharing interval, like one.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { isTerminalState } from '#shared/hubspot/public-import-response.ts'
import { parseJson, type UpstreamResponse } from '../errors.ts'
import type { StatusStore } from '../store/status-store.ts'

export interface ImportStatusOptions {
  store: StatusStore
  fetch: (url: URL, requestId: string) => Promise<UpstreamResponse>
  /** how long a replica waits for another's fetch before it fetches for itself */
  maxWaitMs: number
  /** how often a waiting replica looks for the other's answer */
  pollMs?: number
}

export function createImportStatusReader({
  store,
  fetch,
  maxWaitMs,
  pollMs = 20,
}: ImportStatusOptions) {
  const reading = new Map<string, Promise<UpstreamResponse>>()

  async function fetchAndShare(url: URL, importId: string, requestId: string) {
    // before any wait for the budget: the answer can only be fresher than this
    const sentAt = Date.now()
    const response = await fetch(url, requestId)
    if (response.status === 200) {
      const state = (parseJson(response.body) as { state?: string } | undefined)?.state
      await store.set(url.href, importId, response, sentAt, isTerminalState(state))
    }
    return response
  }

  async function readShared(url: URL, importId: string, requestId: string) {
    const key = url.href
    const giveUpAt = Date.now() + maxWaitMs
    for (;;) {
      const claim = await store.claimFetch(key)
      if (claim) {
        try {
          // another replica may have shared its answer since this one looked
          const shared = await store.get(key)
          if (shared) return shared
          return await fetchAndShare(url, importId, requestId)
        } finally {
          claim.release()
        }
      }
      // another replica is fetching: its answer lands in the store, or its claim ends
      await sleep(pollMs)
      const shared = await store.get(key)
      if (shared) return shared
      if (Date.now() >= giveUpAt) return fetchAndShare(url, importId, requestId)
    }
  }

  return {
    async read(url: URL, importId: string, requestId: string): Promise<UpstreamResponse> {
      const key = url.href
      const cached = await store.get(key)
      if (cached) return cached
      const pending = reading.get(key)
      if (pending) return pending
      const read = readShared(url, importId, requestId).finally(() => reading.delete(key))
      reading.set(key, read)
      return read
    },
    forgetImport: (importId: string) => store.forgetImport(importId),
  }
}

export type ImportStatusReader = ReturnType<typeof createImportStatusReader>
