/**
 * Two proxy processes (replicas) in front of one simulator, sharing a real redis-server: what
 * the shared store promises, measured where HubSpot would see it, in the simulator's request log.
 * Each load is also run through one replica alone, for comparison (printed, and held to the same
 * bounds). Needs `redis-server` on PATH (test-redis.ts says how to get it).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { busiestWindow } from './busiest-window.ts'
import { connectRedis, DEFAULT_REDIS_SETTINGS } from './redis-connection.ts'
import { runReplicaToExit, startReplica, type Replica } from './test-replicas.ts'
import { startTestRedis, type TestRedis } from './test-redis.ts'
import {
  importForm,
  isCreate,
  REQUESTED_BY,
  startSimulator,
  type TestSimulator,
  waitFor,
} from '../test-helpers.ts'

const LIMIT = 250
const WINDOW_MS = 10_000
const STATUS_INTERVAL_MS = 2_000

let simulator: TestSimulator
let redisServer: TestRedis
let redis: Redis
let a: Replica
let b: Replica

beforeAll(async () => {
  ;[simulator, redisServer] = await Promise.all([
    startSimulator(),
    startTestRedis({ persistent: true }),
  ])
  const env = {
    HUBSPOT_ACCESS_TOKEN: simulator.token,
    HUBSPOT_BASE_URL: simulator.url,
    HUBSPOT_RATE_LIMIT: String(LIMIT),
    IMPORT_STATUS_CACHE_MS: String(STATUS_INTERVAL_MS),
    REDIS_URL: redisServer.url,
    // generous: on a loaded test machine a short timeout would test the fallback instead
    REDIS_COMMAND_TIMEOUT_MS: '3000',
    PROXY_REPLICAS: '2',
  }
  ;[a, b] = await Promise.all([startReplica(env), startReplica(env)])
  redis = await connectRedis({ ...DEFAULT_REDIS_SETTINGS, url: redisServer.url })
  redis.on('error', () => {})
}, 60_000)
afterAll(async () => {
  redis?.disconnect()
  await Promise.all([a?.stop(), b?.stop()])
  await redisServer?.stop()
  simulator?.stop()
})
beforeEach(async () => {
  await simulator.reset()
  await simulator.configure({ rateLimit: LIMIT, rateLimitIntervalMs: WINDOW_MS })
  await redis.flushall()
})

const create = (replica: Replica, key?: string) =>
  fetch(`${replica.api}/crm/v3/imports`, {
    method: 'POST',
    headers: { ...REQUESTED_BY, ...(key ? { 'Idempotency-Key': key } : {}) },
    body: importForm(),
  })

describe('starting', () => {
  it('refuses to start, saying why, when REDIS_URL is set and Redis does not answer', async () => {
    const exited = await runReplicaToExit({
      HUBSPOT_ACCESS_TOKEN: simulator.token,
      HUBSPOT_BASE_URL: simulator.url,
      REDIS_URL: 'redis://:secret-password@127.0.0.1:9',
      REDIS_CONNECT_TIMEOUT_MS: '300',
    })
    expect(exited.code).toBe(1)
    const output = exited.lines.join('\n')
    expect(output).toContain('REDIS_URL is set but Redis cannot be used')
    expect(output).not.toContain('secret-password')
  })
})

describe('a double submit split over both replicas', () => {
  it('creates one import per Idempotency-Key, the same answer to both', async () => {
    for (let round = 0; round < 5; round++) {
      const [first, second] = await Promise.all([
        create(a, `double-${round}`),
        create(b, `double-${round}`),
      ])
      expect([first.status, second.status]).toEqual([200, 200])
      const ids = await Promise.all(
        [first, second].map(async (r) => (await r.json()) as { id: string }),
      )
      expect(ids[0]!.id).toBe(ids[1]!.id)
      const replays = [first, second].map((r) => r.headers.get('idempotent-replayed'))
      expect(replays.filter((value) => value === 'true')).toHaveLength(1)
    }
    expect((await simulator.requests()).filter(isCreate)).toHaveLength(5)
    expect(await simulator.imports()).toHaveLength(5)
  })
})

/** An import to read, made straight at HubSpot by another app, so the proxies' windows start empty. */
async function importByAnotherApp(): Promise<string> {
  await simulator.addToken('pat-other-app-of-the-portal', ['crm.import'])
  const created = await fetch(`${simulator.url}/crm/v3/imports`, {
    method: 'POST',
    headers: { authorization: 'Bearer pat-other-app-of-the-portal' },
    body: importForm(),
  })
  const { id } = (await created.json()) as { id: string }
  await simulator.clearRequests()
  return id
}

describe('300 GETs through the shared rate budget', () => {
  it.each([
    ['one replica', () => [a]],
    ['two replicas', () => [a, b]],
  ])(
    '%s: no rolling 10 s over the limit at HubSpot, none refused',
    async (label, replicas) => {
      const id = await importByAnotherApp()
      const targets = replicas()
      const started = Date.now()
      const statuses = await Promise.all(
        Array.from({ length: 300 }, async (_, page) => {
          const replica = targets[page % targets.length]!
          const response = await fetch(
            `${replica.api}/crm/v3/imports/${id}/errors?after=${page}&limit=1`,
          )
          await response.arrayBuffer()
          return response.status
        }),
      )
      const log = (await simulator.requests()).filter((r) => r.path.endsWith('/errors'))
      const busiest = busiestWindow(
        log.map((r) => Date.parse(r.time)),
        WINDOW_MS,
      )
      console.warn(
        `${label}: 300 GETs in ${Date.now() - started} ms, ${log.length} upstream, busiest rolling 10 s ${busiest} (limit ${LIMIT})`,
      )
      for (const replica of targets)
        console.warn(
          replica.lines
            .filter((line) => /Redis|fall/i.test(line))
            .slice(0, 5)
            .join('\n'),
        )
      expect(statuses.filter((status) => status !== 200)).toEqual([])
      expect(log.filter((r) => r.status === 429)).toEqual([])
      expect(log).toHaveLength(300)
      expect(busiest).toBeLessThanOrEqual(LIMIT)
    },
    60_000,
  )
})

describe('50 pollers of one import', () => {
  it.each([
    ['one replica', () => [a]],
    ['two replicas', () => [a, b]],
  ])(
    '%s: about one upstream status call per interval in total',
    async (label, replicas) => {
      await simulator.configure({ holdProcessing: true })
      const created = await create(a)
      const { id } = (await created.json()) as { id: string }
      await simulator.clearRequests()
      const targets = replicas()
      // a fixed number of polls each, so the bound holds however slow the machine is
      const pollsEach = 20
      const started = Date.now()
      await Promise.all(
        Array.from({ length: 50 }, async (_, poller) => {
          const replica = targets[poller % targets.length]!
          for (let i = 0; i < pollsEach; i++) {
            const response = await fetch(`${replica.api}/crm/v3/imports/${id}`)
            expect(response.status).toBe(200)
            await response.arrayBuffer()
            await sleep(100)
          }
        }),
      )
      const elapsed = Date.now() - started
      const upstream = (await simulator.requests()).filter(
        (r) => r.path === `/crm/v3/imports/${id}`,
      )
      const intervals = elapsed / STATUS_INTERVAL_MS
      console.warn(
        `${label}: 50 pollers × ${pollsEach} polls in ${elapsed} ms: ${upstream.length} upstream status calls, ${(upstream.length / intervals).toFixed(2)} per ${STATUS_INTERVAL_MS} ms interval`,
      )
      // one call per sharing interval, the first one included
      expect(upstream.length).toBeLessThanOrEqual(Math.ceil(intervals))
    },
    60_000,
  )
})

describe('Redis stopped mid-run', () => {
  it('a create in flight completes once; while Redis is down GETs work and keyed creates are refused unsent; afterwards the key replays', async () => {
    // HubSpot answers creates slowly, so Redis can die while one is in flight
    await simulator.configure({ responseDelayMs: 1_500 })
    const inFlight = create(a, 'mid-flight')
    await waitFor(async () => (await redis.keys('*idempotency*')).length === 1)
    await redisServer.kill()
    const first = await inFlight
    expect(first.status).toBe(200)
    const { id } = (await first.json()) as { id: string }
    await simulator.configure({ responseDelayMs: 0 })

    // the same key on the other replica, and a new key: 503, nothing sent
    for (const [replica, key] of [
      [b, 'mid-flight'],
      [a, 'after-redis-died'],
    ] as const) {
      const refused = await create(replica, key)
      expect(refused.status).toBe(503)
      expect(((await refused.json()) as { message: string }).message).toMatch(/Nothing was sent/)
    }
    // GETs keep working through both
    for (const replica of [a, b]) {
      expect((await fetch(`${replica.api}/crm/v3/imports/${id}`)).status).toBe(200)
      expect((await fetch(`${replica.api}/crm/v3/imports?limit=10`)).status).toBe(200)
      expect((await fetch(`${replica.url}/readyz`)).status).toBe(503)
      expect((await fetch(`${replica.url}/healthz`)).status).toBe(200)
    }
    expect((await simulator.requests()).filter(isCreate)).toHaveLength(1)

    // Redis back with its data: replica a writes the outcome it kept, the key replays it
    await redisServer.restart()
    let replay: Response | undefined
    await waitFor(async () => {
      // until b sees Redis again it refuses before reading the body and closes, which undici may
      // report as EPIPE instead of the 503: that is one more turn of the wait, not a failure
      replay = await create(b, 'mid-flight').catch(() => undefined)
      return replay?.status === 200
    }, 20_000)
    expect(replay!.headers.get('idempotent-replayed')).toBe('true')
    expect(((await replay!.json()) as { id: string }).id).toBe(id)
    expect((await simulator.requests()).filter(isCreate)).toHaveLength(1)
    expect(await simulator.imports()).toHaveLength(1)
    for (const replica of [a, b]) expect((await fetch(`${replica.url}/readyz`)).status).toBe(200)
  }, 60_000)
})
