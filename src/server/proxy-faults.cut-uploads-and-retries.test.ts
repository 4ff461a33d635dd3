// The proxy under faults: uploads cut part-way, retries of HubSpot's busy answers, the shared rate budget
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import {
  REQUESTED_BY,
  SAMPLE_COLUMNS,
  generatedCsv,
  importForm,
  isCreate,
  startCountingRelay,
  startTestProxy,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

describe('uploads that fail part-way', () => {
  it('leaves no import when the browser disconnects mid-upload', async () => {
    // the proxy reaches the simulator through a relay that counts the bytes HubSpot received
    const relay = await startCountingRelay(servers.simulator.url)
    const relayed = await startTestProxy({ url: relay.url, token: servers.simulator.token })
    try {
      const boundary = 'browser-boundary-1'
      const request = http.request(`${relayed.api}/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
      request.on('error', () => {})
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
          `${JSON.stringify(contactsImportRequest('cut.csv', SAMPLE_COLUMNS))}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cut.csv"\r\n` +
          'Content-Type: text/csv\r\n\r\n',
      )
      request.write(generatedCsv(20_000))
      // disconnect once the create is well under way upstream, part of the file sent on
      await waitFor(() => relay.stats().bytesUp > 64 * 1024)
      request.destroy()
      await waitFor(() =>
        relayed.logs.some((line) => line.includes('upload abandoned by the browser')),
      )
      // the broken-off create reaches the simulator's log once its handler has given up: only
      // then is it sure no import can come of it (and nothing of it leaks into the next test)
      await waitFor(async () => (await servers.simulator.requests()).some(isCreate))
      // one create went out (the relay saw one request head) and the simulator logged that one
      expect(relay.stats().requestHeads).toBe(1)
      const creates = (await servers.simulator.requests()).filter(isCreate)
      expect(creates).toHaveLength(1)
      expect(creates[0]?.status).not.toBe(200)
      expect(await servers.simulator.imports()).toEqual([])
    } finally {
      await relayed.close()
      await relay.close()
    }
  })

  it('reports a reset by HubSpot mid-upload clearly and leaves no import', async () => {
    await servers.simulator.fault({
      drop: true,
      dropAfterBytes: 64 * 1024,
      method: 'POST',
      pathPrefix: '/crm/v3/imports',
    })
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(
        generatedCsv(100_000),
        'reset.csv',
        contactsImportRequest('reset.csv', SAMPLE_COLUMNS),
      ),
    })
    expect(response.status).toBe(502)
    const body = (await response.json()) as { category: string; message: string }
    expect(body.category).toBe('UPSTREAM_CONNECTION_RESET')
    expect(body.message).toMatch(/no import was created/)
    expect(await servers.simulator.imports()).toEqual([])
    // the simulator logs a dropped request once its handler has noticed, maybe after our answer
    await waitFor(async () => (await servers.simulator.requests()).some(isCreate))
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
  })

  it('refuses a file over the cap with 413 and never completes the upstream body', async () => {
    const relay = await startCountingRelay(servers.simulator.url)
    const small = await startTestProxy(
      { url: relay.url, token: servers.simulator.token },
      { maxFileBytes: 100_000 },
    )
    try {
      const response = await fetch(`${small.api}/crm/v3/imports`, {
        method: 'POST',
        headers: REQUESTED_BY,
        body: importForm(
          generatedCsv(20_000),
          'big.csv',
          contactsImportRequest('big.csv', SAMPLE_COLUMNS),
        ),
      })
      expect(response.status).toBe(413)
      expect(((await response.json()) as { category: string }).category).toBe('PAYLOAD_TOO_LARGE')
      // the proxy had opened the create; whether its head got out before the cap tripped depends
      // on timing. Once the proxy has let go of it, every create whose head reached the simulator
      // is logged as soon as its handler gives up (maybe just after our 413)
      await waitFor(() => relay.stats().open === 0)
      const heads = relay.stats().requestHeads
      await waitFor(
        async () => (await servers.simulator.requests()).filter(isCreate).length >= heads,
      )
      const creates = (await servers.simulator.requests()).filter(isCreate)
      expect(creates).toHaveLength(heads)
      expect(creates.filter((create) => create.status === 200)).toEqual([])
      expect(await servers.simulator.imports()).toEqual([])
    } finally {
      await small.close()
      await relay.close()
    }
  })
})

describe('retries', () => {
  it.each([
    [{ status: 429, retryAfter: '1' }],
    [{ status: 429 }],
    [{ status: 502 }],
    [{ status: 503 }],
    [{ status: 504 }],
    [{ drop: true }],
  ])('retries a GET after %j and succeeds', async (fault) => {
    await servers.simulator.fault({
      ...fault,
      count: 2,
      method: 'GET',
      pathPrefix: '/crm/v3/imports',
    })
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`)
    expect(response.status).toBe(200)
    const gets = (await servers.simulator.requests()).filter((r) => r.method === 'GET')
    expect(gets).toHaveLength(3)
  })

  it('honours Retry-After before retrying a 429', async () => {
    await servers.simulator.fault({ status: 429, retryAfter: '1', count: 1, method: 'GET' })
    const started = Date.now()
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`)
    expect(response.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('does not retry a DAILY 429 and reports it', async () => {
    await servers.simulator.fault({ status: 429, policyName: 'DAILY', count: 3, method: 'GET' })
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`)
    expect(response.status).toBe(429)
    const body = (await response.json()) as {
      policyName: string
      message: string
      correlationId: string
    }
    expect(body.policyName).toBe('DAILY')
    expect(body.message).toMatch(/daily limit/)
    expect(body.correlationId).toBeTruthy()
    expect((await servers.simulator.requests()).filter((r) => r.method === 'GET')).toHaveLength(1)
    await servers.simulator.configure({})
  })

  it('never sends a create twice, even when HubSpot answers 502', async () => {
    await servers.simulator.fault({ status: 502, count: 5, method: 'POST' })
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(),
    })
    expect(response.status).toBe(502)
    const body = (await response.json()) as { category: string; correlationId?: string }
    expect(body.category).toBe('OUTCOME_UNKNOWN')
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
  })

  it('creates one import for a double submit with one Idempotency-Key', async () => {
    const send = () =>
      fetch(`${servers.proxy.api}/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'Idempotency-Key': 'wizard-session-42' },
        body: importForm(),
      })
    const [first, second] = await Promise.all([send(), send()])
    const ids = await Promise.all(
      [first, second].map(async (r) => ((await r.json()) as { id: string }).id),
    )
    expect([first.status, second.status]).toEqual([200, 200])
    expect(ids[0]).toBe(ids[1])
    const third = await send()
    expect(third.headers.get('idempotent-replayed')).toBe('true')
    expect(((await third.json()) as { id: string }).id).toBe(ids[0])
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
    expect(await servers.simulator.imports()).toHaveLength(1)
  })
})

describe('the shared rate budget', () => {
  it('serves fifty pollers of one import with about one upstream call per interval', async () => {
    await servers.simulator.configure({ holdProcessing: true })
    const created = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(),
    })
    const { id } = (await created.json()) as { id: string }
    await servers.simulator.clearRequests()

    // every poller polls a fixed number of times, so the bound below holds however slow the machine
    const pollsEach = 20
    const started = Date.now()
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let i = 0; i < pollsEach; i++) {
          const response = await fetch(`${servers.proxy.api}/crm/v3/imports/${id}`)
          expect(response.status).toBe(200)
          await response.arrayBuffer()
          await sleep(100)
        }
      }),
    )
    const elapsed = Date.now() - started
    const upstream = (await servers.simulator.requests()).filter(
      (r) => r.path === `/crm/v3/imports/${id}`,
    )
    console.warn(
      `50 pollers × ${pollsEach} polls in ${elapsed} ms: ${upstream.length} upstream calls`,
    )
    // one call per 2 s sharing interval, the first one included
    expect(upstream.length).toBeLessThanOrEqual(Math.ceil(elapsed / 2_000))
    await servers.simulator.configure({ holdProcessing: false })
    // 1,000 requests through the proxy in this process: on a loaded machine, more than 30 s
  }, 60_000)

  it('queues requests beyond the budget instead of letting HubSpot answer 429', async () => {
    const tight = await startTestProxy(servers.simulator, { rateLimitPer10s: 10, statusCacheMs: 0 })
    try {
      const started = Date.now()
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => fetch(`${tight.api}/crm/v3/imports?limit=${i + 1}`)),
      )
      // 9 fit the 10 % margin at once; the rest wait for the window to roll, none fails
      expect(responses.every((r) => r.status === 200)).toBe(true)
      expect(Date.now() - started).toBeGreaterThan(9_000)
      expect((await servers.simulator.requests()).every((r) => r.status === 200)).toBe(true)
    } finally {
      await tight.close()
    }
  }, 40_000)
})
