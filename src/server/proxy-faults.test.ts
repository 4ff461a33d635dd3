// The proxy under faults: uploads cut part-way, slow or oversized uploads, retries, rate budget
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import {
  REQUESTED_BY,
  importForm,
  isCreate,
  startCountingRelay,
  startTestProxy,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

const columns = ['email', 'firstname', 'lastname']
function bigCsv(rows: number): string {
  const lines = ['email,firstname,lastname']
  for (let i = 0; i < rows; i++) lines.push(`person${i}@example.com,First${i},Last${i}`)
  return `${lines.join('\n')}\n`
}

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
          `${JSON.stringify(contactsImportRequest('cut.csv', columns))}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="cut.csv"\r\n` +
          'Content-Type: text/csv\r\n\r\n',
      )
      request.write(bigCsv(20_000))
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
      body: importForm(bigCsv(100_000), 'reset.csv', contactsImportRequest('reset.csv', columns)),
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
        body: importForm(bigCsv(20_000), 'big.csv', contactsImportRequest('big.csv', columns)),
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

describe('slow and oversized uploads', () => {
  const boundary = 'trickle-boundary'
  const preamble = (fileName: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
    `${JSON.stringify(contactsImportRequest(fileName, columns))}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
    'Content-Type: text/csv\r\n\r\n'

  /** A raw upload to `api`: `send` writes the body, the promise settles with the answer. */
  function rawUpload(
    api: string,
    send: (request: http.ClientRequest) => Promise<void>,
    headers: http.OutgoingHttpHeaders = {},
  ) {
    const request = http.request(`${api}/crm/v3/imports`, {
      method: 'POST',
      headers: {
        ...REQUESTED_BY,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...headers,
      },
    })
    const answer = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
      request.on('error', reject)
      request.on('response', (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (text: string) => (body += text))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, at: Date.now() }),
        )
      })
    })
    answer.catch(() => {})
    const sent = send(request).catch(() => {})
    return { request, answer, sent }
  }

  const trickle = async (
    request: http.ClientRequest,
    text: string,
    pieces: number,
    gapMs: number,
  ) => {
    const size = Math.ceil(text.length / pieces)
    let lastWrite = Date.now()
    for (let i = 0; i < text.length && !request.destroyed; i += size) {
      request.write(text.slice(i, i + size))
      lastWrite = Date.now()
      await sleep(gapMs)
    }
    return lastWrite
  }

  // the idle timeout is six trickle gaps long: on a loaded machine a 250 ms gap can stretch to
  // several hundred, and a gap past the timeout would end the upload before its stall
  const IDLE_TIMEOUT_MS = 1_500

  it('answers 408 when a trickling upload stalls past the idle timeout, and leaves no import', async () => {
    const impatient = await startTestProxy(servers.simulator, {
      uploadIdleTimeoutMs: IDLE_TIMEOUT_MS,
    })
    try {
      let stalledAt = 0
      const { request, answer } = rawUpload(impatient.api, async (request) => {
        request.write(`${preamble('stall.csv')}${bigCsv(2_000)}`)
        // rows keep coming, each well inside the timeout, for longer than the timeout in total
        stalledAt = await trickle(request, bigCsv(40).split('\n').slice(1).join('\n'), 8, 250)
        // then nothing, and the request is never ended
      })
      const { status, body, at } = await answer
      request.destroy()
      expect(status, body).toBe(408)
      expect(JSON.parse(body)).toMatchObject({
        status: 'error',
        category: 'REQUEST_TIMEOUT',
        message: 'The upload stalled: no data arrived for too long.',
      })
      expect(stalledAt).toBeGreaterThan(0)
      expect(at - stalledAt).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 50)
      expect(at - stalledAt).toBeLessThan(IDLE_TIMEOUT_MS + 2_500)
      // the upstream create had started; it was broken off, never completed (the simulator logs
      // a request once its handler ends, which may be just after our 408)
      await waitFor(async () => (await servers.simulator.requests()).some(isCreate))
      const creates = (await servers.simulator.requests()).filter(isCreate)
      expect(creates).toHaveLength(1)
      expect(creates[0]?.status).not.toBe(200)
      expect(await servers.simulator.imports()).toEqual([])
    } finally {
      await impatient.close()
    }
  })

  it('does not time out an importRequest that trickles in slower than the idle timeout in total', async () => {
    const impatient = await startTestProxy(servers.simulator, {
      uploadIdleTimeoutMs: IDLE_TIMEOUT_MS,
    })
    try {
      const { answer } = rawUpload(impatient.api, async (request) => {
        await trickle(request, preamble('slow.csv'), 10, 200)
        request.end(`${bigCsv(10)}\r\n--${boundary}--\r\n`)
      })
      const { status, body } = await answer
      expect(status, body).toBe(200)
      expect(await servers.simulator.imports()).toHaveLength(1)
    } finally {
      await impatient.close()
    }
  })

  it('does not count a wait for the shared rate budget as a stalled upload', async () => {
    // one slot per 1.5 s: a GET takes it, so the create waits well past the idle timeout
    const queued = await startTestProxy(servers.simulator, {
      uploadIdleTimeoutMs: 400,
      rateLimitPer10s: 2,
      budget: { intervalMs: 1_500 },
      statusCacheMs: 0,
    })
    try {
      expect((await fetch(`${queued.api}/crm/v3/imports`)).status).toBe(200)
      const started = Date.now()
      const response = await fetch(`${queued.api}/crm/v3/imports`, {
        method: 'POST',
        headers: REQUESTED_BY,
        body: importForm(),
      })
      const body = await response.text()
      expect(response.status, body).toBe(200)
      // it did wait for the budget, longer than the idle timeout
      expect(Date.now() - started).toBeGreaterThanOrEqual(800)
      expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
      expect(await servers.simulator.imports()).toHaveLength(1)
    } finally {
      await queued.close()
    }
  })

  it('does not count a wait for an earlier create with the same Idempotency-Key as a stall', async () => {
    const impatient = await startTestProxy(servers.simulator, { uploadIdleTimeoutMs: 400 })
    try {
      // HubSpot holds the first create's answer well past the idle timeout
      await servers.simulator.fault({
        delayMs: 1_500,
        count: 1,
        method: 'POST',
        pathPrefix: '/crm/v3/imports',
      })
      const send = () =>
        fetch(`${impatient.api}/crm/v3/imports`, {
          method: 'POST',
          headers: { ...REQUESTED_BY, 'Idempotency-Key': 'held-first-create' },
          body: importForm(),
        })
      const first = send()
      // the first holds the key once it has its budget slot (the simulator logs a request only
      // after answering it)
      await waitFor(() => impatient.proxy.stats().budget.inWindow > 0)
      const second = await send()
      const secondBody = await second.text()
      expect(second.status, secondBody).toBe(200)
      expect(second.headers.get('idempotent-replayed')).toBe('true')
      const firstResponse = await first
      expect(firstResponse.status).toBe(200)
      expect(JSON.parse(secondBody)).toMatchObject({
        id: ((await firstResponse.json()) as { id: string }).id,
      })
      expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
      expect(await servers.simulator.imports()).toHaveLength(1)
    } finally {
      await impatient.close()
    }
  })

  it('refuses a Content-Length over two 512 MB files plus the form overhead before any body byte', async () => {
    const declared = 2 * IMPORT_LIMITS.maxFileBytes + 1024 * 1024 + 64 * 1024 + 1
    let wrote = 0
    const { request, answer } = rawUpload(
      servers.proxy.api,
      (request) => {
        // headers only: the answer must not need the body
        request.flushHeaders()
        return Promise.resolve()
      },
      { 'content-length': declared },
    )
    request.on('response', () => (wrote = request.socket?.bytesWritten ?? -1))
    const started = Date.now()
    const { status, body } = await answer
    request.destroy()
    expect(status, body).toBe(413)
    expect(JSON.parse(body)).toMatchObject({ category: 'PAYLOAD_TOO_LARGE', message: /512 MB/ })
    expect(Date.now() - started).toBeLessThan(2_000)
    // only the request line and headers went out
    expect(wrote).toBeGreaterThan(0)
    expect(wrote).toBeLessThan(1024)
    expect(await servers.simulator.requests()).toEqual([])
  })

  it('still takes the largest Content-Length that may fit (it reads on)', async () => {
    const declared = 2 * IMPORT_LIMITS.maxFileBytes + 1024 * 1024 + 64 * 1024
    const { request, answer } = rawUpload(
      servers.proxy.api,
      (request) => {
        request.write(`${preamble('fits.csv')}email,firstname\n`)
        return Promise.resolve()
      },
      { 'content-length': declared },
    )
    // the column check answers once the header line is in: not the size check
    const { status, body } = await answer
    request.destroy()
    expect(status, body).toBe(400)
    expect(JSON.parse(body)).toMatchObject({ message: /2 columns but importRequest maps 3/ })
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
