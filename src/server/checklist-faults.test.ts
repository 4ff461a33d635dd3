/**
 * Checklist cases (see reliability-checklist.ts) that no other suite covers: browser transport
 * faults (C6, C8, C12) and HubSpot faults (D4, D7, D10, D13, D17, D19), against the real proxy and
 * the simulator (or, where the simulator cannot misbehave that way, a stand-in HubSpot) over
 * loopback.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  REQUESTED_BY,
  importForm,
  isCreate,
  startTestProxy,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy({
  proxy: {
    responseTimeoutMs: 1_000,
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 500, deadlineMs: 3_000 },
  },
})

function csvOf(rows: number): string {
  const lines = ['email,firstname,lastname']
  for (let i = 0; i < rows; i++) lines.push(`person${i}@example.com,First${i},Last${i}`)
  return `${lines.join('\n')}\n`
}

/** Sends raw bytes to the proxy and returns what came back before the connection closed. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request))
    let answer = ''
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

const proxyPort = () => Number(new URL(servers.proxy.url).port)

function multipartBody(boundary: string, csv: string, closing: boolean): string {
  return (
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
    `${JSON.stringify({
      name: 'raw',
      files: [
        {
          fileName: 'contacts.csv',
          fileFormat: 'CSV',
          fileImportPage: {
            hasHeader: true,
            columnMappings: ['email', 'firstname', 'lastname'].map((c) => ({
              columnObjectTypeId: '0-1',
              columnName: c,
              propertyName: c,
            })),
          },
        },
      ],
    })}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="contacts.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${csv}` +
    (closing ? `\r\n--${boundary}--\r\n` : '')
  )
}

describe('C. browser → proxy transport', () => {
  it('C6: the browser leaves after the whole upload, before HubSpot answered: the import is made and its id logged', async () => {
    await servers.simulator.fault({ delayMs: 400, method: 'POST' })
    const boundary = 'c6-boundary'
    const body = multipartBody(boundary, csvOf(10), true)
    const request = http.request(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: {
        ...REQUESTED_BY,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': Buffer.byteLength(body),
      },
    })
    request.on('error', () => {})
    request.end(body)
    // the proxy has the whole body and HubSpot holds its answer: the browser goes
    await waitFor(
      async () =>
        (
          (await fetch(`${servers.simulator.url}/__simulator/faults`).then((r) => r.json())) as {
            faults: unknown[]
          }
        ).faults.length === 0,
    )
    request.destroy()
    await waitFor(async () =>
      servers.proxy.logs.some((line) => /"action":"import.create".*"importId":"\d+"/.test(line)),
    )
    expect(await servers.simulator.imports()).toHaveLength(1)
  })

  it('C8: a form without its closing boundary is refused, and HubSpot keeps no import', async () => {
    const boundary = 'c8-boundary'
    const body = multipartBody(boundary, csvOf(10), false)
    const answer = await rawExchange(
      proxyPort(),
      `POST /api/hubspot/crm/v3/imports HTTP/1.1\r\nHost: 127.0.0.1:${proxyPort()}\r\n` +
        `X-Requested-By: hubspot-import-tool\r\nConnection: close\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    )
    expect(answer, answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(await servers.simulator.imports()).toHaveLength(0)
  })

  it.each([
    ['Content-Length and Transfer-Encoding', 'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n'],
    ['two different Content-Lengths', 'Content-Length: 5\r\nContent-Length: 6\r\n'],
  ])('C12: %s → 400 from Node’s parser, nothing forwarded', async (_case, framing) => {
    const answer = await rawExchange(
      proxyPort(),
      `POST /api/hubspot/crm/v3/imports HTTP/1.1\r\nHost: 127.0.0.1:${proxyPort()}\r\n` +
        `X-Requested-By: hubspot-import-tool\r\n` +
        `Content-Type: multipart/form-data; boundary=x\r\n${framing}\r\n0\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(await servers.simulator.requests()).toEqual([])
  })
})

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
    const csv = csvOf(150_000)
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
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`)
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveProperty('results')
    // GETs only: the create above may reach the log after the clear (logged once its handler ends)
    const gets = (await servers.simulator.requests()).filter((r) => r.method === 'GET')
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

describe('more checklist cases over loopback', () => {
  it('A21: formula-looking cells are uploaded unchanged: HubSpot stores them as written', async () => {
    const csv = 'email,firstname,lastname\nf@example.com,=1+2,@SUM(A1)\n'
    const created = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(csv),
    })
    expect(created.status).toBe(200)
    await waitFor(async () => (await servers.simulator.imports())[0]?.state === 'DONE')
    const contacts = (await (
      await fetch(
        `${servers.simulator.url}/crm/v3/objects/contacts?properties=firstname,lastname`,
        {
          headers: { authorization: `Bearer ${servers.simulator.token}` },
        },
      )
    ).json()) as { results: { properties: Record<string, string> }[] }
    expect(contacts.results.map((c) => [c.properties.firstname, c.properties.lastname])).toEqual([
      ['=1+2', '@SUM(A1)'],
    ])
  })

  it('B2: an importRequest with __proto__ or unknown keys is refused with its path, nothing is sent, no prototype is polluted', async () => {
    const request = JSON.parse(
      JSON.stringify({
        name: 'x',
        files: [
          {
            fileName: 'contacts.csv',
            fileFormat: 'CSV',
            fileImportPage: { hasHeader: true, columnMappings: [] },
          },
        ],
      }).replace('{"name"', '{"__proto__":{"polluted":true},"name"'),
    ) as unknown
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(undefined, 'contacts.csv', request),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(
      /__proto__|unrecognized|key/i,
    )
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(0)
  })

  it('C4: Node’s own request timeout is off, so a slow 500 MB upload is limited only by the proxy’s upload rules', () => {
    // Node's default of 300 s would cut a 500 MB upload at 10 Mbit/s (about 400 s)
    expect(servers.proxy.server.requestTimeout).toBe(0)
  })

  it.each([
    ['a bad path', '/crm/v3/imports/..%2F..%2Fobjects'],
    ['HubSpot unreachable', '/crm/v3/imports'],
  ])(
    'G12: an error answer (%s) has no stack trace, no internal host name and no upstream URL',
    async (_case, path) => {
      const unreachable = await startTestProxy(
        { url: 'http://127.0.0.1:9', token: 'pat-x' },
        {
          retry: { deadlineMs: 200, baseDelayMs: 10, maxDelayMs: 20 },
        },
      )
      try {
        const response = await fetch(`${unreachable.api}${path}`)
        expect(response.status).toBeGreaterThanOrEqual(400)
        const text = await response.text()
        expect(text).not.toMatch(/\bat \w+ \(|node:|\.ts:\d|127\.0\.0\.1:9|ECONNREFUSED|hubapi/)
        expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(
          expect.arrayContaining(['category', 'message', 'requestId', 'status']),
        )
      } finally {
        await unreachable.close()
      }
    },
  )

  it('G11: a spoofed identity header is not trusted unless TRUST_IDENTITY_HEADER names it', async () => {
    // the proxy has no sign-in of its own: it listens on loopback (HOST 127.0.0.1, env.test.ts)
    // and an SSO gateway in front is what answers 401; a header sent straight to it proves nothing
    await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      headers: {
        'X-Forwarded-Email': 'ceo@example.com',
        'X-Forwarded-User': 'ceo',
        'x-request-id': 'g11',
      },
    })
    const line = servers.proxy.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'request' && l.requestId === 'g11')
    expect(line).toBeDefined()
    expect(line).not.toHaveProperty('user')
    expect(servers.proxy.logs.join('\n')).not.toContain('ceo@example.com')
  })
})
