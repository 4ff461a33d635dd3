/**
 * The shared rate budget as HubSpot measures it: the simulator's request log, not the proxy's own
 * bookkeeping. The window is scaled down (100 per 2 s instead of 100 per 10 s) to keep the test
 * short; the arithmetic is the same, and 2 s keeps the two processes' scheduling jitter small
 * next to the window, as it is next to HubSpot's 10 s.
 */
import { describe, expect, it } from 'vitest'
import { busiestWindow } from './store/busiest-window.ts'
import { importForm, useSimulatorAndProxy, waitFor } from './test-helpers.ts'

const LIMIT = 100
const INTERVAL_MS = 2_000

const servers = useSimulatorAndProxy({
  proxy: {
    rateLimitPer10s: LIMIT,
    budget: { intervalMs: INTERVAL_MS, queueTimeoutMs: 60_000, maxQueue: 1_000 },
    statusCacheMs: 0,
  },
  resetBeforeEach: false,
})

describe('busiestWindow', () => {
  it.each([
    [[], 0],
    [[0, 999], 2],
    [[0, 1000], 1],
    [[0, 500, 1000, 1499], 3],
    [[5, 1, 3], 3],
  ])('%j → %i', (times, expected) => {
    expect(busiestWindow(times, 1_000)).toBe(expected)
  })
})

describe('250 concurrent GETs through the budget', () => {
  it('reach HubSpot at no more than the configured rate in any rolling window, with no 429', async () => {
    await servers.simulator.configure({ rateLimit: LIMIT, rateLimitIntervalMs: INTERVAL_MS })
    // created by another app straight at HubSpot: the proxy's app starts with an empty window
    await servers.simulator.addToken('pat-rate-test-other-app', ['crm.import'])
    const created = await fetch(`${servers.simulator.url}/crm/v3/imports`, {
      method: 'POST',
      headers: { authorization: 'Bearer pat-rate-test-other-app' },
      body: importForm(),
    })
    const { id } = (await created.json()) as { id: string }
    await servers.simulator.clearRequests()
    // HubSpot is slow at first: requests that got a budget slot queue for a socket of the agent;
    // when it speeds up, that backlog leaves at once, on top of whatever is granted then
    await servers.simulator.configure({ responseDelayMs: 700 })
    const speedUp = waitFor(
      async () => (await servers.simulator.requests()).length >= 32,
      20_000,
    ).then(() => servers.simulator.configure({ responseDelayMs: 0 }))

    const statuses = await Promise.all(
      Array.from({ length: 250 }, async (_, page) => {
        const response = await fetch(
          `${servers.proxy.api}/crm/v3/imports/${id}/errors?after=${page}&limit=1`,
        )
        await response.arrayBuffer()
        return response.status
      }),
    )

    await speedUp
    const log = (await servers.simulator.requests()).filter((r) => r.path.endsWith('/errors'))
    const busiest = busiestWindow(
      log.map((r) => Date.parse(r.time)),
      INTERVAL_MS,
    )
    console.warn(
      `250 concurrent GETs: ${log.length} upstream, busiest ${INTERVAL_MS} ms window ${busiest} (limit ${LIMIT})`,
    )
    expect(log.filter((r) => r.status === 429)).toEqual([])
    expect(busiest).toBeLessThanOrEqual(LIMIT)
    expect(log).toHaveLength(250)
    expect(statuses.every((status) => status === 200)).toBe(true)
  }, 60_000)
})
