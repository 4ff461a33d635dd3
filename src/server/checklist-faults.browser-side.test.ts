// Checklist cases (see reliability-checklist.ts) no other suite covers, on the browser's side:
// A21, B2, C4, C6, C8, C12, G11, G12, against the real proxy and the simulator over loopback
import http from 'node:http'
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { CHECKLIST_FAULTS_SERVERS } from './checklist-faults-support.ts'
import {
  REQUESTED_BY,
  generatedCsv,
  importForm,
  isCreate,
  startTestProxy,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy(CHECKLIST_FAULTS_SERVERS)

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
    const body = multipartBody(boundary, generatedCsv(10), true)
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
    const body = multipartBody(boundary, generatedCsv(10), false)
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
    // the proxy has no sign-in of its own: it listens on loopback (HOST 127.0.0.1, env.defaults-and-values.test.ts)
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
