// The rolling-window rate budget: capacity margin, window, send-time dating, refusals, aborts
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProxyError } from './errors.ts'
import { createRateBudget, type RateBudget, type RateBudgetOptions } from './rate-budget.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

const budgets: RateBudget[] = []
afterEach(() => {
  for (const budget of budgets.splice(0)) budget.close()
})

function budget(options: RateBudgetOptions): RateBudget {
  const created = createRateBudget({ now: () => Date.now(), ...options })
  budgets.push(created)
  return created
}

/** Starts `count` acquires and records, in order, when each was granted or how it failed. */
function acquireMany(rate: RateBudget, count: number, signal?: AbortSignal) {
  const start = Date.now()
  const events: string[] = []
  const settled = Array.from({ length: count }, (_, i) =>
    rate.acquire(signal).then(
      // sent as soon as granted
      (slot) => {
        slot.sent()
        events.push(`${i}@${Date.now() - start}`)
      },
      (error: unknown) =>
        void events.push(
          `${i}:${error instanceof ProxyError ? `${error.status} ${error.category}` : String(error)}@${Date.now() - start}`,
        ),
    ),
  )
  return { events, settled }
}

describe('capacity: a margin below the plan limit', () => {
  it.each([
    [1, 1],
    [2, 1],
    [10, 9],
    [11, 9],
    [100, 90],
    [110, 99],
    [190, 171],
    [250, 225],
    [10_000, 9_000],
  ])('limit %i → %i per interval', (limit, capacity) => {
    const rate = budget({ limit })
    expect(rate.capacity).toBe(capacity)
  })

  it.each([
    [10, 9],
    [100, 90],
  ])('limit %i grants %i at once and queues the rest', async (limit, capacity) => {
    const rate = budget({ limit })
    const { events } = acquireMany(rate, capacity + 3)
    await vi.advanceTimersByTimeAsync(0)
    expect(events).toHaveLength(capacity)
    expect(rate.stats()).toEqual({ inWindow: capacity, queued: 3, unsent: 0 })
  })
})

describe('the rolling window', () => {
  it.each([
    // limit 3 → capacity 2, interval 1 s: two per second, in arrival order
    [3, 1_000, 5, ['0@0', '1@0', '2@1000', '3@1000', '4@2000']],
    [
      10,
      10_000,
      11,
      ['0@0', '1@0', '2@0', '3@0', '4@0', '5@0', '6@0', '7@0', '8@0', '9@10000', '10@10000'],
    ],
    [1, 500, 3, ['0@0', '1@500', '2@1000']],
  ])(
    'limit %i, interval %i ms, %i requests → granted %j',
    async (limit, intervalMs, count, expected) => {
      const rate = budget({ limit, intervalMs })
      const { events, settled } = acquireMany(rate, count)
      await vi.advanceTimersByTimeAsync(intervalMs * count)
      await Promise.all(settled)
      expect(events).toEqual(expected)
    },
  )

  it('frees each slot one interval after it was used, not all at once', async () => {
    const rate = budget({ limit: 3, intervalMs: 1_000 })
    const first = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(400)
    const later = acquireMany(rate, 3)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(first.events).toEqual(['0@0'])
    // slot 1 at 400 ms; slot 0 frees at 1000 ms (600 ms later), slot 1 at 1400 ms (1000 ms later)
    expect(later.events).toEqual(['0@0', '1@600', '2@1000'])
  })

  it('does not grant early: one millisecond before the window rolls, the request still waits', async () => {
    const rate = budget({ limit: 2, intervalMs: 1_000 })
    const { events } = acquireMany(rate, 2)
    await vi.advanceTimersByTimeAsync(999)
    expect(events).toEqual(['0@0'])
    await vi.advanceTimersByTimeAsync(1)
    expect(events).toEqual(['0@0', '1@1000'])
  })

  it('stats forgets grants older than the interval', async () => {
    const rate = budget({ limit: 10, intervalMs: 1_000 })
    acquireMany(rate, 4)
    await vi.advanceTimersByTimeAsync(0)
    expect(rate.stats()).toEqual({ inWindow: 4, queued: 0, unsent: 0 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(rate.stats()).toEqual({ inWindow: 0, queued: 0, unsent: 0 })
  })
})

describe('counted when sent, not when granted', () => {
  it('a granted slot holds its place until it is sent, and the window runs from the send', async () => {
    // limit 3 → capacity 2 per second
    const rate = budget({ limit: 3, intervalMs: 1_000 })
    const first = await rate.acquire()
    const second = await rate.acquire()
    const third = acquireMany(rate, 1)
    // the agent holds both requests for 5 s: nothing was sent, the places stay taken
    await vi.advanceTimersByTimeAsync(5_000)
    expect(third.events).toEqual([])
    expect(rate.stats()).toEqual({ inWindow: 2, queued: 1, unsent: 2 })
    first.sent()
    second.sent()
    // a full window after the sends, not after the grants
    await vi.advanceTimersByTimeAsync(999)
    expect(third.events).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(third.events).toEqual(['0@6000'])
  })

  it('a slot never sent (connection refused) frees its place at once', async () => {
    const rate = budget({ limit: 3, intervalMs: 1_000 })
    const refused = await rate.acquire()
    ;(await rate.acquire()).sent()
    const waiting = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(100)
    expect(waiting.events).toEqual([])
    refused.unused()
    await vi.advanceTimersByTimeAsync(0)
    expect(waiting.events).toEqual(['0@100'])
    // dating or returning it again changes nothing
    refused.sent()
    refused.unused()
    expect(rate.stats()).toEqual({ inWindow: 2, queued: 0, unsent: 0 })
  })

  it.each([1, 2, 3])(
    'never more sends than capacity in any window, whatever the delays (seed %i)',
    async (seed) => {
      let state = seed
      const random = () => {
        state = (state * 48_271) % 2_147_483_647
        return state / 2_147_483_647
      }
      const rate = budget({ limit: 11, intervalMs: 1_000, queueTimeoutMs: 600_000 })
      const sends: number[] = []
      const all = Array.from({ length: 120 }, async () => {
        const slot = await rate.acquire()
        // each waits a while for a socket before it leaves
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 2_500)))
        sends.push(Date.now())
        slot.sent()
      })
      await vi.advanceTimersByTimeAsync(120_000)
      await Promise.all(all)
      expect(sends).toHaveLength(120)
      let busiest = 0
      for (const end of sends) {
        busiest = Math.max(busiest, sends.filter((t) => t > end - 1_000 && t <= end).length)
      }
      expect(busiest).toBeLessThanOrEqual(rate.capacity)
      // and the budget is used, not starved
      expect(busiest).toBeGreaterThan(rate.capacity / 2)
    },
  )
})

describe('pauseFor', () => {
  it.each([
    ['an empty queue, then requests', 'before', ['0@1500', '1@1500']],
    ['requests already waiting', 'after', ['0@0', '1@1500']],
  ])('holds back %s until the pause ends', async (_case, when, expected) => {
    const rate = budget({ limit: 100 })
    if (when === 'before') rate.pauseFor(1_500)
    const first = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(0)
    if (when === 'after') rate.pauseFor(1_500)
    const second = rate.acquire().then(() => void first.events.push(`1@${Date.now() - 1_000_000}`))
    await vi.advanceTimersByTimeAsync(3_000)
    await second
    expect(first.events).toEqual(expected)
  })

  it('a shorter pause does not cut a longer one short', async () => {
    const rate = budget({ limit: 100 })
    rate.pauseFor(2_000)
    rate.pauseFor(500)
    const { events } = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(events).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(events).toEqual(['0@2000'])
  })
})

describe('refusals: 503 PROXY_BUSY with Retry-After', () => {
  it.each([
    [
      'the queue is full',
      { maxQueue: 2, queueTimeoutMs: 60_000 },
      5,
      0,
      ['0@0', '3:503 PROXY_BUSY@0', '4:503 PROXY_BUSY@0'],
    ],
    [
      'a request waited too long',
      { maxQueue: 10, queueTimeoutMs: 300 },
      3,
      400,
      ['0@0', '1:503 PROXY_BUSY@300', '2:503 PROXY_BUSY@300'],
    ],
  ])('when %s', async (_case, options, count, advance, expected) => {
    // limit 2 → capacity 1 per 10 s: everything after the first waits
    const rate = budget({ limit: 2, ...options })
    const { events } = acquireMany(rate, count)
    await vi.advanceTimersByTimeAsync(advance)
    expect(events).toEqual(expected)
  })

  it.each([
    [
      'queue full',
      { maxQueue: 0 },
      'Too many requests are waiting for the HubSpot rate limit. Try again shortly.',
      '10',
    ],
    [
      'timeout',
      { queueTimeoutMs: 50, intervalMs: 2_500 },
      'Timed out waiting for the HubSpot rate limit. Try again shortly.',
      '3',
    ],
  ])('%s: says why and when to retry', async (_case, options, message, retryAfter) => {
    const rate = budget({ limit: 2, ...options })
    if (!('maxQueue' in options)) (await rate.acquire()).sent()
    const waiting = rate.acquire()
    const caught = waiting.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(100)
    const error = (await caught) as ProxyError
    expect(error).toBeInstanceOf(ProxyError)
    expect(error.toResponse()).toEqual({
      status: 503,
      body: { status: 'error', category: 'PROXY_BUSY', message },
      headers: { 'Retry-After': retryAfter },
    })
  })

  it('a timed-out request leaves the queue, and the next slot goes to the one behind it', async () => {
    const rate = budget({ limit: 2, intervalMs: 1_000, queueTimeoutMs: 700 })
    ;(await rate.acquire()).sent()
    const early = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(500)
    const late = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(200)
    expect(early.events).toEqual(['0:503 PROXY_BUSY@700'])
    expect(rate.stats().queued).toBe(1)
    await vi.advanceTimersByTimeAsync(300)
    expect(late.events).toEqual(['0@500'])
    expect(rate.stats()).toEqual({ inWindow: 1, queued: 0, unsent: 0 })
  })
})

describe('aborts and close', () => {
  it('an aborted signal is refused at once, with its reason', async () => {
    const rate = budget({ limit: 100 })
    const reason = new Error('browser gone')
    await expect(rate.acquire(AbortSignal.abort(reason))).rejects.toBe(reason)
    expect(rate.stats()).toEqual({ inWindow: 0, queued: 0, unsent: 0 })
  })

  it('aborting a waiting request removes it without taking a slot from the others', async () => {
    const rate = budget({ limit: 2, intervalMs: 1_000 })
    ;(await rate.acquire()).sent()
    const abort = new AbortController()
    const aborted = acquireMany(rate, 1, abort.signal)
    const other = acquireMany(rate, 1)
    await vi.advanceTimersByTimeAsync(100)
    abort.abort(new Error('gone'))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(aborted.events).toEqual(['0:Error: gone@100'])
    expect(other.events).toEqual(['0@1000'])
  })

  it('close refuses everyone waiting with 503 and stops its timer', async () => {
    const rate = budget({ limit: 2 })
    const { events, settled } = acquireMany(rate, 3)
    await vi.advanceTimersByTimeAsync(0)
    rate.close()
    await Promise.all(settled)
    expect(events).toEqual(['0@0', '1:503 PROXY_BUSY@0', '2:503 PROXY_BUSY@0'])
    expect(vi.getTimerCount()).toBe(0)
  })
})
