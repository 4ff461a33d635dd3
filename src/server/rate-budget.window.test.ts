// The rolling-window rate budget: its capacity margin, the window, slots dated when sent
import { describe, expect, it, vi } from 'vitest'
import { acquireMany, useFakeClockBudgets } from './test-rate-budgets.ts'

const budget = useFakeClockBudgets()

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
