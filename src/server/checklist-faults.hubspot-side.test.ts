// Checklist cases (see reliability-checklist.ts) no other suite covers, on HubSpot's side:
// D4, D7, D10, D13, D17, D18, D19, against the simulator or a stand-in HubSpot over loopback
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CHECKLIST_FAULTS_SERVERS } from './checklist-faults-support.ts'
import {
  REQUESTED_BY,
  generatedCsv,
  importForm,
  isCreate,
  startTestProxy,
  useSimulatorAndProxy,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy(CHECKLIST_FAULTS_SERVERS)

describe('D. HubSpot faults', () => {
  it('D4: a 429 on create: 429 with Retry-After and no import; the browser’s resend makes one', async () => {
    await servers.simulator.fault({ status: 429, retryAfter: '3', method: 'POST' })
    const send = () =>
      fetch(`${servers.proxy.api}/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'Idempotency-Key': 'd4' },
        body: importForm(),
      })
    const first = await send()
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('3')
    expect(await servers.simulator.imports()).toHaveLength(0)
    expect((await send()).status).toBe(200)
    expect(await servers.simulator.imports()).toHaveLength(1)
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(2)
  })

  it('D10: HubSpot refuses while a large file still streams: the proxy stops at once, nothing is imported, the resend makes one', async () => {
    const csv = generatedCsv(150_000)
    // the resend's 5 MB takes HubSpot over this suite's 1 s response timeout on a busy machine:
    // a proxy of its own, with the default timeout, as the timeout is not what D10 is about
    const patient = await startTestProxy(servers.simulator)
    try {
      await servers.simulator.fault({ status: 429, retryAfter: '3', method: 'POST' })
      const send = () =>
        fetch(`${patient.api}/crm/v3/imports`, {
          method: 'POST',
          headers: { ...REQUESTED_BY, 'Idempotency-Key': 'd10' },
          body: importForm(csv),
        })
      const first = await send()
      // HubSpot's 429 when it is read before HubSpot closes the connection; when the close wins, a
      // reset that says nothing was created (TCP drops the unread answer). Either way no import.
      expect([429, 502]).toContain(first.status)
      if (first.status === 502) {
        expect(((await first.json()) as { category: string }).category).toBe(
          'UPSTREAM_CONNECTION_RESET',
        )
      }
      expect(await servers.simulator.imports()).toHaveLength(0)
      expect((await send()).status).toBe(200)
      expect(await servers.simulator.imports()).toHaveLength(1)
    } finally {
      await patient.close()
    }
  })

  it('D7: HubSpot silent on a create: 504 OUTCOME_UNKNOWN, and the retry finds the import instead of making another', async () => {
    await servers.simulator.fault({ delayMs: 2_000, method: 'POST' })
    const send = () =>
      fetch(`${servers.proxy.api}/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'Idempotency-Key': 'd7' },
        body: importForm(),
      })
    const first = await send()
    expect(first.status).toBe(504)
    expect(((await first.json()) as { category: string }).category).toBe('OUTCOME_UNKNOWN')
    // whether HubSpot made it (the answer was late) or not (the body was dropped), one import
    const retry = await send()
    expect(retry.status).toBe(200)
    expect(await servers.simulator.imports()).toHaveLength(1)
  })

  it('D7: HubSpot silent on a GET: retried, then 504 within the deadline', async () => {
    await servers.simulator.fault({ delayMs: 1_500, method: 'GET', count: 20 })
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`)
    expect(response.status).toBe(504)
    expect((await servers.simulator.requests()).length).toBeGreaterThan(1)
  })

  it('D13: an answer cut off mid-body is not passed on: the GET is retried and succeeds', async () => {
    await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(),
    })
    await servers.simulator.clearRequests()
    // past the headers, inside the import's JSON
    await servers.simulator.fault({ dropAnswerAfterBytes: 300, method: 'GET' })
    // a query of its own: a GET an earlier test left waiting on its delay fault is logged when
    // it ends, which can be after the clear (and the create above too)
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports?limit=13`)
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty('results')
    const gets = (await servers.simulator.requests()).filter(
      (r) => r.method === 'GET' && r.query.limit === '13',
    )
    // the cut answer first, then whole ones: more than one when a loaded machine makes a retry
    // outlast this suite's 1 s response timeout
    expect(gets[0]?.status).toBe(0)
    expect(gets.length).toBeGreaterThan(1)
    expect(gets.slice(1).every((r) => r.status === 200)).toBe(true)
  })
})

describe('D. a stand-in HubSpot for what the simulator never does', () => {
  async function standIn(handler: http.RequestListener) {
    const server = http.createServer(handler)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
  }

  it('D17: a redirect to another host is not followed: 502, and the other host sees nothing', async () => {
    const seen: string[] = []
    const elsewhere = await standIn((req, res) => {
      seen.push(req.headers.authorization ?? '')
      res.end('{}')
    })
    const hubspot = await standIn((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/crm/v3/imports` }).end()
    })
    const redirected = await startTestProxy({ url: hubspot.url, token: 'pat-stand-in' })
    try {
      const response = await fetch(`${redirected.api}/crm/v3/imports`)
      expect(response.status).toBe(502)
      expect(response.headers.get('location')).toBeNull()
      expect(seen).toEqual([])
    } finally {
      await redirected.close()
      hubspot.server.close()
      elsewhere.server.close()
    }
  })

  it('D18: an answer that trickles is cut at the response timeout, retried, and ends in a 504 within the deadline', async () => {
    let requests = 0
    const hubspot = await standIn((_req, res) => {
      requests++
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"results":[')
      // a byte now and then, each before the idle timer would fire
      const trickle = setInterval(() => res.write(' '), 100)
      res.on('close', () => clearInterval(trickle))
    })
    const slow = await startTestProxy(
      { url: hubspot.url, token: 'pat-stand-in' },
      {
        responseTimeoutMs: 500,
        retry: { baseDelayMs: 20, maxDelayMs: 50, maxRetryAfterMs: 100, deadlineMs: 2_000 },
      },
    )
    try {
      const started = Date.now()
      const response = await fetch(`${slow.api}/crm/v3/imports`)
      expect(response.status).toBe(504)
      expect(Date.now() - started).toBeLessThan(2_000 + 1_000)
      expect(requests).toBeGreaterThan(1)
    } finally {
      await slow.close()
      hubspot.server.closeAllConnections()
      hubspot.server.close()
    }
  })

  it('D19: an endless answer is cut at the proxy’s cap: 502, not passed on', async () => {
    const hubspot = await standIn((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump)
      }
      res.on('close', () => {})
      pump()
    })
    const capped = await startTestProxy({ url: hubspot.url, token: 'pat-stand-in' })
    try {
      const response = await fetch(`${capped.api}/crm/v3/imports`)
      expect(response.status).toBe(502)
      expect(((await response.json()) as { category: string }).category).toBe(
        'UPSTREAM_BAD_RESPONSE',
      )
    } finally {
      await capped.close()
      hubspot.server.closeAllConnections()
      hubspot.server.close()
    }
  })
})
