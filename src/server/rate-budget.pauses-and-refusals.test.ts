// The rolling-window rate budget: pauses, refusals (503 PROXY_BUSY), aborts and close
import { describe, expect, it, vi } from 'vitest'
import { ProxyError } from './errors.ts'
import { acquireMany, useFakeClockBudgets } from './test-rate-budgets.ts'

const budget = useFakeClockBudgets()

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
