// The proxy under slow and oversized uploads: stalls, trickles, waits that are not stalls, Content-Length caps
import http from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import {
  REQUESTED_BY,
  SAMPLE_COLUMNS,
  generatedCsv,
  importForm,
  isCreate,
  startTestProxy,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

describe('slow and oversized uploads', () => {
  const boundary = 'trickle-boundary'
  const preamble = (fileName: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
    `${JSON.stringify(contactsImportRequest(fileName, SAMPLE_COLUMNS))}\r\n` +
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
        request.write(`${preamble('stall.csv')}${generatedCsv(2_000)}`)
        // rows keep coming, each well inside the timeout, for longer than the timeout in total
        stalledAt = await trickle(request, generatedCsv(40).split('\n').slice(1).join('\n'), 8, 250)
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
        request.end(`${generatedCsv(10)}\r\n--${boundary}--\r\n`)
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
