/** The load balancer's probes, against the real simulator and a real redis-server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'
import { openSharedStore, type SharedStore } from './store/shared-store.ts'
import { startTestRedis, type TestRedis } from './store/test-redis.ts'
import { startSimulator, startTestProxy, type TestSimulator } from './test-helpers.ts'

let simulator: TestSimulator
let redis: TestRedis
let store: SharedStore

beforeAll(async () => {
  ;[simulator, redis] = await Promise.all([startSimulator(), startTestRedis()])
  store = await openSharedStore(
    { redisUrl: redis.url, commandTimeoutMs: 200 },
    simulator.token,
    createLogger({ level: 'silent' }),
  )
})
afterAll(async () => {
  await store?.close()
  await redis?.stop()
  simulator?.stop()
})

const probe = async (url: string, host?: string) => {
  const response = await fetch(url, host ? { headers: { host } } : {})
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('/healthz and /readyz', () => {
  it('answer a probe by address, whatever the Host, with no CSRF header', async () => {
    const proxy = await startTestProxy(simulator)
    try {
      expect(await probe(`${proxy.url}/healthz`, '10.0.3.7:3000')).toEqual({
        status: 200,
        body: { status: 'ok' },
      })
      expect(await probe(`${proxy.url}/readyz`, '10.0.3.7:3000')).toEqual({
        status: 200,
        body: { status: 'ready', checks: { hubspot: 'ok' } },
      })
    } finally {
      await proxy.close()
    }
  })

  it('not ready while HubSpot cannot be reached; still alive', async () => {
    const proxy = await startTestProxy({ url: 'http://127.0.0.1:9', token: simulator.token })
    try {
      const ready = await probe(`${proxy.url}/readyz`)
      expect(ready.status).toBe(503)
      expect(ready.body).toMatchObject({
        status: 'not ready',
        checks: { hubspot: 'unreachable' },
      })
      expect((await probe(`${proxy.url}/healthz`)).status).toBe(200)
    } finally {
      await proxy.close()
    }
  })

  it('with Redis configured: ready while it answers, not ready while it is stalled or gone', async () => {
    const proxy = await startTestProxy(simulator, { store })
    try {
      // a probe's Redis ping has a short deadline, which a loaded machine can miss: wait for ready
      await expect
        .poll(() => probe(`${proxy.url}/readyz`), { timeout: 15_000 })
        .toEqual({
          status: 200,
          body: { status: 'ready', checks: { hubspot: 'ok', redis: 'ok' } },
        })
      redis.freeze()
      const stalled = await probe(`${proxy.url}/readyz`)
      redis.thaw()
      expect(stalled).toMatchObject({ status: 503, body: { checks: { hubspot: 'ok' } } })
      expect(stalled.body.checks).toHaveProperty('redis', 'unreachable')
      await redis.kill()
      const gone = await probe(`${proxy.url}/readyz`)
      expect(gone).toEqual({
        status: 503,
        body: { status: 'not ready', checks: { hubspot: 'ok', redis: 'unreachable' } },
      })
      expect((await probe(`${proxy.url}/healthz`)).status).toBe(200)
    } finally {
      await proxy.close()
    }
  })
})
