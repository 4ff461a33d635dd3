/**
 * Reads retried inside one overall deadline, against the real proxy and simulator: rate limits,
 * HubSpot's 500s and connections HubSpot closed, and what the browser is told when time is up.
 */
import { describe, expect, it } from 'vitest'
import { useSimulatorAndProxy } from './test-helpers.ts'

const servers = useSimulatorAndProxy({
  // short waits and a short deadline keep the test fast; the policy is the same
  proxy: {
    retry: {
      baseDelayMs: 20,
      maxDelayMs: 100,
      rollingLimitDelayMs: 50,
      maxRetryAfterMs: 200,
      deadlineMs: 1_500,
    },
  },
})

const list = () => fetch(`${servers.proxy.api}/crm/v3/imports`)
const gets = async () => (await servers.simulator.requests()).filter((r) => r.method === 'GET')

describe('GET retries', () => {
  it('retries a connection HubSpot dropped after several 429s, and succeeds', async () => {
    await servers.simulator.fault({ status: 429, count: 3, method: 'GET' })
    await servers.simulator.fault({ drop: true, count: 1, method: 'GET' })
    const response = await list()
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await gets()).map((r) => r.status)).toEqual([429, 429, 429, 0, 200])
  })

  it('retries a 500', async () => {
    await servers.simulator.fault({ status: 500, count: 2, method: 'GET' })
    const response = await list()
    expect(response.status).toBe(200)
    expect((await gets()).map((r) => r.status)).toEqual([500, 500, 200])
  })

  it('gives up at the deadline with HubSpot’s own 429 and a Retry-After, not a connection error', async () => {
    await servers.simulator.fault({ status: 429, count: 3, method: 'GET' })
    await servers.simulator.fault({ drop: true, count: 1, method: 'GET' })
    await servers.simulator.fault({ status: 429, count: 100, method: 'GET' })
    const started = Date.now()
    const response = await list()
    const elapsed = Date.now() - started
    const body = (await response.json()) as { policyName?: string; correlationId?: string }
    expect(response.status).toBe(429)
    expect(body.policyName).toBe('TEN_SECONDLY_ROLLING')
    expect(body.correlationId).toBeTruthy()
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // within the deadline (plus one answer), and it did keep trying until then
    expect(elapsed).toBeLessThan(1_500 + 1_000)
    expect((await gets()).length).toBeGreaterThan(5)
  })

  it('gives up at the deadline with HubSpot’s own 503 and a Retry-After', async () => {
    await servers.simulator.fault({ status: 503, count: 100, method: 'GET' })
    const response = await list()
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await response.json()) as { correlationId?: string }).correlationId).toBeTruthy()
  })

  it('reports a HubSpot that never answers within the deadline as such', async () => {
    await servers.simulator.fault({ drop: true, count: 100, method: 'GET' })
    const started = Date.now()
    const response = await list()
    expect(response.status).toBe(502)
    expect(((await response.json()) as { category: string }).category).toBe(
      'UPSTREAM_CONNECTION_RESET',
    )
    expect(Date.now() - started).toBeLessThan(1_500 + 1_000)
  })
})
