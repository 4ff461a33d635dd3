/**
 * Upload slots under attack and under load, against the real proxy and simulator: uploads that
 * trickle or drag on lose their slot, and creates beyond the slots wait in a short queue (bounded
 * in length and time) instead of failing at once. Limits are small so the tests stay short.
 */
import http from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import {
  REQUESTED_BY,
  importForm,
  isCreate,
  startSimulator,
  startTestProxy,
  type TestSimulator,
  waitFor,
} from './test-helpers.ts'

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startSimulator()
})
afterAll(() => {
  simulator?.stop()
})
beforeEach(async () => {
  await simulator.reset()
})

const columns = ['email', 'firstname', 'lastname']
const boundary = 'slot-test-boundary'
const preamble = (fileName: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
  `${JSON.stringify(contactsImportRequest(fileName, columns))}\r\n` +
  `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
  'Content-Type: text/csv\r\n\r\nemail,firstname,lastname\n'

interface RawUpload {
  request: http.ClientRequest
  answer: Promise<{ status: number; body: string }>
  /** stops writing (the request stays open until destroyed) */
  stop(): void
}

/** A raw upload that sends the preamble, then `chunk` every `everyMs` until stopped. */
function trickle(api: string, fileName: string, chunk: string, everyMs: number): RawUpload {
  const request = http.request(`${api}/crm/v3/imports`, {
    method: 'POST',
    headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject)
    request.on('response', (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => (body += text))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
  })
  answer.catch(() => {})
  request.write(preamble(fileName))
  const timer = setInterval(() => {
    if (!request.destroyed) request.write(chunk)
  }, everyMs)
  return {
    request,
    answer,
    stop: () => clearInterval(timer),
  }
}

const create = (api: string, key?: string) =>
  fetch(`${api}/crm/v3/imports`, {
    method: 'POST',
    headers: { ...REQUESTED_BY, ...(key ? { 'Idempotency-Key': key } : {}) },
    body: importForm(),
  })

describe('trickling uploads', () => {
  it('lose their slots to the minimum rate, so a normal upload gets through while they are open', async () => {
    const proxy = await startTestProxy(simulator, {
      maxConcurrentUploads: 3,
      uploadMinBytesPerSecond: 500,
      uploadRateWindowMs: 600,
      uploadQueueTimeoutMs: 10_000,
    })
    const tricklers = ['a', 'b', 'c'].map((name) =>
      // one row every 250 ms: alive for an idle timer, far below 500 bytes a second
      trickle(proxy.api, `${name}.csv`, 'x@example.com,X,Y\n', 250),
    )
    try {
      await waitFor(() => proxy.proxy.stats().uploads === 3)
      const started = Date.now()
      const normal = await create(proxy.api)
      const body = await normal.text()
      expect(normal.status, body).toBe(200)
      // it waited for a slot (at most about one rate window), it was not turned away
      expect(Date.now() - started).toBeLessThan(5_000)
      for (const { answer } of tricklers) {
        const { status, body } = await answer
        expect(status, body).toBe(408)
        expect(JSON.parse(body)).toMatchObject({
          category: 'REQUEST_TIMEOUT',
          message: expect.stringMatching(/too slow.*500 bytes a second/),
        })
      }
      await waitFor(async () => (await simulator.requests()).filter(isCreate).length === 4)
      const imports = await simulator.imports()
      expect(imports).toHaveLength(1)
      expect(JSON.parse(body)).toMatchObject({ id: imports[0]?.id })
    } finally {
      for (const t of tricklers) {
        t.stop()
        t.request.destroy()
      }
      await proxy.close()
    }
  })

  it('an upload fast enough but longer than the overall deadline is cut, and leaves no import', async () => {
    const proxy = await startTestProxy(simulator, {
      uploadMinBytesPerSecond: 100,
      uploadRateWindowMs: 400,
      uploadDeadlineMs: 1_200,
    })
    const slow = trickle(proxy.api, 'long.csv', 'steady@example.com,Steady,Pace\n'.repeat(20), 50)
    try {
      const started = Date.now()
      const { status, body } = await slow.answer
      expect(status, body).toBe(408)
      expect(JSON.parse(body)).toMatchObject({
        category: 'REQUEST_TIMEOUT',
        message: expect.stringMatching(/longer than the 1 s allowed/),
      })
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_100)
      expect(Date.now() - started).toBeLessThan(4_000)
      await waitFor(async () => (await simulator.requests()).some(isCreate))
      expect(await simulator.imports()).toEqual([])
    } finally {
      slow.stop()
      slow.request.destroy()
      await proxy.close()
    }
  })
})

describe('the queue for a slot', () => {
  it('50 concurrent creates all wait their turn and each creates its import', async () => {
    const proxy = await startTestProxy(simulator)
    try {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => create(proxy.api, `fifty-${i}`)),
      )
      const statuses = await Promise.all(
        responses.map(async (r) => `${r.status} ${r.status === 200 ? '' : await r.text()}`.trim()),
      )
      expect(statuses).toEqual(Array.from({ length: 50 }, () => '200'))
      expect(await simulator.imports()).toHaveLength(50)
    } finally {
      await proxy.close()
    }
  })

  it('is bounded in length and in time: 503 with Retry-After, and nothing sent', async () => {
    const proxy = await startTestProxy(simulator, {
      maxConcurrentUploads: 1,
      uploadQueueLength: 1,
      uploadQueueTimeoutMs: 400,
    })
    // HubSpot holds the first create's answer, so its slot stays taken
    await simulator.fault({ delayMs: 2_000, count: 1, method: 'POST' })
    try {
      const first = create(proxy.api)
      await waitFor(() => proxy.proxy.stats().uploads === 1)
      const queued = create(proxy.api)
      await waitFor(() => proxy.proxy.stats().uploadQueue === 1)
      const refused = await create(proxy.api)
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(((await refused.json()) as { message: string }).message).toMatch(
        /Too many uploads are waiting/,
      )
      const timedOut = await queued
      expect(timedOut.status).toBe(503)
      expect(((await timedOut.json()) as { message: string }).message).toMatch(
        /waited too long for an upload slot/,
      )
      expect((await first).status).toBe(200)
      expect((await simulator.requests()).filter(isCreate)).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })
})
