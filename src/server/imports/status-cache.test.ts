// The status cache: answers shared for ttlMs from when the call was sent, at the poll interval
import { describe, expect, it } from 'vitest'
import type { UpstreamResponse } from '../errors.ts'
import { createStatusCache, TERMINAL_STATUS_TTL_MS } from './status-cache.ts'

const answer = (state: string): UpstreamResponse => ({
  status: 200,
  headers: {},
  body: Buffer.from(JSON.stringify({ state })),
})

function cacheAt(ttlMs: number) {
  const clock = { now: 0 }
  const cache = createStatusCache({ ttlMs, now: () => clock.now })
  return { cache, clock }
}

describe('an answer is shared for ttlMs from when its call was sent', () => {
  it.each([
    // sent at 0, answered at 300: fresh until 2,000, not 2,300
    { ttlMs: 2_000, sentAt: 0, readAt: 1_999, shared: true },
    { ttlMs: 2_000, sentAt: 0, readAt: 2_000, shared: false },
    { ttlMs: 2_000, sentAt: 0, readAt: 2_299, shared: false },
    { ttlMs: 0, sentAt: 0, readAt: 300, shared: false },
  ])(
    'ttl $ttlMs, sent $sentAt, read at $readAt: shared $shared',
    ({ ttlMs, sentAt, readAt, shared }) => {
      const { cache, clock } = cacheAt(ttlMs)
      clock.now = 300
      const response = answer('PROCESSING')
      cache.set('k', '1', response, sentAt, false)
      clock.now = readAt
      expect(cache.get('k')).toBe(shared ? response : undefined)
    },
  )

  it('keeps a finished import at least 30 s, even with sharing off', () => {
    const { cache, clock } = cacheAt(0)
    const response = answer('DONE')
    cache.set('k', '1', response, 0, true)
    clock.now = TERMINAL_STATUS_TTL_MS - 1
    expect(cache.get('k')).toBe(response)
    clock.now = TERMINAL_STATUS_TTL_MS
    expect(cache.get('k')).toBeUndefined()
  })

  it('pollers that joined the same call do not stretch its life', () => {
    const { cache, clock } = cacheAt(2_000)
    const response = answer('PROCESSING')
    cache.set('k', '1', response, 0, false)
    // a poller that arrived at 250 and shared the call stores the same answer on its way out
    cache.set('k', '1', response, 250, false)
    clock.now = 2_100
    expect(cache.get('k')).toBeUndefined()
  })

  it('a cancel forgets every cached path of that import only', () => {
    const { cache } = cacheAt(2_000)
    cache.set('v3/1', '1', answer('PROCESSING'), 0, false)
    cache.set('2026-03/1', '1', answer('PROCESSING'), 0, false)
    const other = answer('PROCESSING')
    cache.set('v3/2', '2', other, 0, false)
    cache.forgetImport('1')
    expect([cache.get('v3/1'), cache.get('2026-03/1'), cache.get('v3/2')]).toEqual([
      undefined,
      undefined,
      other,
    ])
  })
})

describe('polling at the dashboard interval', () => {
  /**
   * Replays pollers against the cache: each polls every `interval` ms after its previous answer
   * (as TanStack's refetchInterval does), the first at its `offset`; an upstream call takes
   * `latency` ms and pollers arriving meanwhile share it. Returns the upstream call times.
   */
  function replay(offsets: number[], interval: number, latency: number, untilMs: number) {
    const { cache, clock } = cacheAt(interval)
    const calls: number[] = []
    let inFlight: { done: number; response: UpstreamResponse; sentAt: number } | undefined
    const next = offsets.map((offset) => offset)
    for (let t = 0; t < untilMs; t++) {
      clock.now = t
      if (inFlight && inFlight.done <= t) {
        cache.set('k', '1', inFlight.response, inFlight.sentAt, false)
        inFlight = undefined
      }
      next.forEach((due, poller) => {
        if (due !== t) return
        if (cache.get('k')) {
          next[poller] = t + interval
          return
        }
        if (!inFlight) {
          calls.push(t)
          inFlight = { done: t + latency, response: answer('PROCESSING'), sentAt: t }
        }
        next[poller] = inFlight.done + interval
      })
    }
    return calls
  }

  it('a lone dashboard gets a fresh answer at every poll', () => {
    const calls = replay([0], 2_000, 150, 10_000)
    expect(calls).toEqual([0, 2_150, 4_300, 6_450, 8_600])
  })

  it.each([
    { pollers: 50, latency: 20 },
    { pollers: 50, latency: 400 },
    { pollers: 5, latency: 100 },
  ])(
    '$pollers pollers, $latency ms upstream: at most one call per interval',
    ({ pollers, latency }) => {
      const offsets = Array.from({ length: pollers }, (_, i) => Math.floor((i * 2_000) / pollers))
      const calls = replay(offsets, 2_000, latency, 30_000)
      const gaps = calls.slice(1).map((t, i) => t - calls[i]!)
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_000)
      expect(calls.length).toBeLessThanOrEqual(15)
    },
  )
})
