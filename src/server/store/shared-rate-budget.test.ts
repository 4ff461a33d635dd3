/**
 * The shared rate budget against a real redis-server: two budgets with their own connections
 * stand for two replicas. The window is scaled down (9 places per 600 ms) to keep it short.
 */
import type { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { waitFor } from '../test-helpers.ts'
import { createLogger } from '../logger.ts'
import type { RateBudget } from '../rate-budget.ts'
import { busiestWindow } from './busiest-window.ts'
import { connectRedis, DEFAULT_REDIS_SETTINGS, tokenNamespace } from './redis-connection.ts'
import { createRedisRateWindow } from './redis-rate-window.ts'
import { createSharedRateBudget } from './shared-rate-budget.ts'
import { startTestRedis, type TestRedis } from './test-redis.ts'

const LIMIT = 10
const CAPACITY = 9
const INTERVAL_MS = 600

let redisServer: TestRedis
const connections: Redis[] = []
const budgets: RateBudget[] = []

beforeAll(async () => {
  redisServer = await startTestRedis()
})
afterEach(async () => {
  for (const budget of budgets.splice(0)) budget.close()
  for (const redis of connections.splice(0)) redis.disconnect()
  if (redisServer) await redisServer.restart()
})
afterAll(async () => {
  await redisServer?.stop()
})

/**
 * A budget on its own connection. Unless a test is about Redis failing, its timeouts are long:
 * on a loaded machine a short one would make the budget fall back and test the wrong thing.
 */
async function replica(
  token = 'pat-na1-shared',
  logs: string[] = [],
  { degradeAfterMs = 60_000, commandTimeoutMs = 5_000 } = {},
) {
  const redis = await connectRedis({
    ...DEFAULT_REDIS_SETTINGS,
    url: redisServer.url,
    commandTimeoutMs,
  })
  redis.on('error', () => {})
  connections.push(redis)
  const budget = createSharedRateBudget({
    window: createRedisRateWindow({
      redis,
      namespace: tokenNamespace('test', token),
      capacity: CAPACITY,
      intervalMs: INTERVAL_MS,
    }),
    limit: LIMIT,
    intervalMs: INTERVAL_MS,
    fallbackLimit: LIMIT / 2,
    degradeAfterMs,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
  })
  budgets.push(budget)
  return budget
}

/**
 * Acquires `count` places, each sent as soon as granted; resolves with the send times. Each time
 * is read before `sent()`: Redis dates the send when its command runs, which may be before this
 * process reads the clock again, and a time read late would crowd two windows' sends into one.
 */
function sendMany(budget: RateBudget, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const slot = await budget.acquire()
      const at = Date.now()
      slot.sent()
      return at
    }),
  )
}

describe('two replicas on one token', () => {
  it('never grant more than the capacity within any rolling interval, together', async () => {
    const [a, b] = [await replica(), await replica()]
    const started = Date.now()
    const times = (await Promise.all([sendMany(a, 20), sendMany(b, 20)])).flat()
    // 40 places at 9 per interval: four intervals must pass
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * INTERVAL_MS - 50)
    expect(busiestWindow(times, INTERVAL_MS)).toBeLessThanOrEqual(CAPACITY)
  })

  it('do not share with another token', async () => {
    const [a, b] = [await replica('pat-na1-one'), await replica('pat-na1-two')]
    const started = Date.now()
    await Promise.all([sendMany(a, CAPACITY), sendMany(b, CAPACITY)])
    expect(Date.now() - started).toBeLessThan(INTERVAL_MS)
  })

  it('a place granted and never sent goes back, to either replica', async () => {
    const [a, b] = [await replica(), await replica()]
    const held = await Promise.all(Array.from({ length: CAPACITY }, () => a.acquire()))
    const waiting = b.acquire()
    let granted = false
    void waiting.then(() => (granted = true))
    // b has asked Redis and been told the window is full
    await waitFor(() => b.stats().inWindow === CAPACITY)
    expect(granted).toBe(false)
    held[0]!.unused()
    const started = Date.now()
    await waiting
    expect(Date.now() - started).toBeLessThan(INTERVAL_MS / 2)
  })

  it('a pause seen by one replica holds the other back', async () => {
    const [a, b] = [await replica(), await replica()]
    const started = Date.now()
    a.pauseFor(400)
    // pauseFor is fire-and-forget: wait until it has reached Redis
    await waitFor(async () => (await connections[0]!.keys('*rate:paused')).length === 1)
    ;(await b.acquire()).sent()
    expect(Date.now() - started).toBeGreaterThanOrEqual(390)
  })
})

describe('when Redis fails', () => {
  it('grants from this replica’s share at once once Redis is gone, and says so', async () => {
    const logs: string[] = []
    const budget = await replica('pat-na1-shared', logs, { commandTimeoutMs: 200 })
    await redisServer.kill()
    const started = Date.now()
    const times = await sendMany(budget, LIMIT / 2 - 1)
    expect(Date.now() - started).toBeLessThan(INTERVAL_MS / 2)
    // the share is half the limit: a sixth place waits for the window
    expect(busiestWindow(times, INTERVAL_MS)).toBeLessThanOrEqual(LIMIT / 2 - 1)
    expect(logs.some((line) => line.includes('falls back to this replica'))).toBe(true)
  })

  it('a stalled Redis delays grants by degradeAfterMs at most, then the share serves', async () => {
    const logs: string[] = []
    const budget = await replica('pat-na1-shared', logs, {
      degradeAfterMs: 400,
      commandTimeoutMs: 200,
    })
    redisServer.freeze()
    try {
      const started = Date.now()
      ;(await budget.acquire()).sent()
      const waited = Date.now() - started
      expect(waited).toBeGreaterThanOrEqual(400)
      expect(waited).toBeLessThan(1_500)
      expect(logs.some((line) => line.includes('falls back to this replica'))).toBe(true)
    } finally {
      redisServer.thaw()
    }
  })

  it('a hiccup shorter than degradeAfterMs only delays: the grant is still the shared window’s', async () => {
    const logs: string[] = []
    const budget = await replica('pat-na1-shared', logs, {
      degradeAfterMs: 2_000,
      commandTimeoutMs: 200,
    })
    redisServer.freeze()
    const slot = budget.acquire()
    // the hiccup: at least one take has timed out, well before degradeAfterMs
    await waitFor(() => logs.some((line) => line.includes('rate take')))
    redisServer.thaw()
    ;(await slot).sent()
    await waitFor(
      async () =>
        (await connections[0]!.zcard(`${tokenNamespace('test', 'pat-na1-shared')}rate:sent`)) === 1,
    )
    expect(logs.some((line) => line.includes('falls back'))).toBe(false)
  })

  it('places granted locally while Redis was gone count in the shared window once it is back', async () => {
    const budget = await replica()
    await redisServer.kill()
    await sendMany(budget, 4)
    await redisServer.restart()
    await waitFor(async () => {
      try {
        return (await connections[0]!.ping()) === 'PONG'
      } catch {
        return false
      }
    })
    const started = Date.now()
    // 4 carried + 9 = 13 > 9: the last four wait for the carried ones to leave the window
    const times = await sendMany(budget, CAPACITY)
    expect(Math.max(...times) - started).toBeGreaterThanOrEqual(INTERVAL_MS - 100)
  })

  it('shares again once Redis is back', async () => {
    const [a, b] = [await replica(), await replica()]
    await redisServer.restart()
    // the connections come back by themselves; then the window is shared again
    await waitFor(async () => {
      try {
        return (
          (await connections[0]!.ping()) === 'PONG' && (await connections[1]!.ping()) === 'PONG'
        )
      } catch {
        return false
      }
    })
    const times = (await Promise.all([sendMany(a, 10), sendMany(b, 10)])).flat()
    expect(busiestWindow(times, INTERVAL_MS)).toBeLessThanOrEqual(CAPACITY)
  })
})
