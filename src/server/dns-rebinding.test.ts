/**
 * DNS rebinding and foreign origins, against the real proxy and simulator: a page whose name
 * resolves to 127.0.0.1 sends its own Host and a matching Origin, so only an allow-list of host
 * names and an exact Origin (scheme, host and port) keep it out, on every route, reads included.
 */
import http from 'node:http'
import net from 'node:net'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { API_VERSIONS, importsPath, propertiesPath } from '#shared/api-paths.ts'
import { REQUESTED_BY, importForm, startTestProxy, useSimulatorAndProxy } from './test-helpers.ts'

const servers = useSimulatorAndProxy()
let port: string
let importId: string

beforeAll(() => {
  port = new URL(servers.proxy.url).port
})
beforeEach(async () => {
  const created = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
    method: 'POST',
    headers: REQUESTED_BY,
    body: importForm(),
  })
  importId = ((await created.json()) as { id: string }).id
  await servers.simulator.clearRequests()
})

interface Answer {
  status: number
  body: string
}

/** A request with any Host header (fetch would not let us choose it). */
async function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: FormData,
): Promise<Answer> {
  const encoded = body ? new Response(body) : undefined
  const bytes = encoded ? Buffer.from(await encoded.arrayBuffer()) : undefined
  return new Promise((resolve, reject) => {
    const request = http.request(`${servers.proxy.url}${path}`, {
      method,
      headers: {
        ...headers,
        ...(encoded ? { 'content-type': encoded.headers.get('content-type') ?? '' } : {}),
        ...(bytes ? { 'content-length': bytes.length } : {}),
      },
    })
    request.on('error', reject)
    request.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
    })
    request.end(bytes)
  })
}

/** Every route the proxy serves, each as the page would call it. */
function routes(): [string, string, FormData | undefined][] {
  const all: [string, string, FormData | undefined][] = [
    ['GET', '/', undefined],
    ['GET', '/api/config', undefined],
    ['GET', '/api/health', undefined],
  ]
  for (const version of API_VERSIONS) {
    const base = `/api/hubspot${importsPath(version)}`
    all.push(
      ['GET', base, undefined],
      ['GET', `${base}/${importId}`, undefined],
      ['GET', `${base}/${importId}/errors?includeRowData=true`, undefined],
      ['GET', `/api/hubspot${propertiesPath(version, 'contacts')}`, undefined],
      ['POST', base, importForm()],
      ['POST', `${base}/${importId}/cancel`, undefined],
    )
  }
  return all
}

describe('a rebound host name', () => {
  it('gets 403 on every route, reads included, with a matching Origin, and nothing reaches HubSpot', async () => {
    for (const [method, path, body] of routes()) {
      const answer = await send(
        method,
        path,
        {
          host: `evil.example:${port}`,
          origin: `http://evil.example:${port}`,
          'sec-fetch-site': 'same-origin',
          ...REQUESTED_BY,
        },
        body,
      )
      expect(answer.status, `${method} ${path}: ${answer.body}`).toBe(403)
      expect(JSON.parse(answer.body)).toMatchObject({
        category: 'FORBIDDEN',
        message: expect.stringMatching(/evil\.example.*ALLOWED_HOSTS/),
      })
    }
    expect(await servers.simulator.requests()).toEqual([])
  })

  it.each([
    ['no port', 'evil.example'],
    ['a loopback name as a suffix', 'localhost.evil.example'],
    ['a loopback address as a prefix', '127.0.0.1.evil.example'],
  ])('refuses %s', async (_case, host) => {
    const answer = await send('GET', '/api/hubspot/crm/v3/imports', { host })
    expect(answer.status, answer.body).toBe(403)
    expect(await servers.simulator.requests()).toEqual([])
  })

  it.each([
    ['an empty Host', 'Host: \r\n'],
    ['no Host', ''],
  ])('refuses %s', async (_case, hostLine) => {
    const socket = net.connect(Number(port), '127.0.0.1')
    socket.end(`GET /api/hubspot/crm/v3/imports HTTP/1.1\r\n${hostLine}Connection: close\r\n\r\n`)
    let text = ''
    for await (const chunk of socket) text += String(chunk)
    expect(text).toMatch(/^HTTP\/1\.1 (400|403) /)
    expect(await servers.simulator.requests()).toEqual([])
  })
})

describe('the Origin must be exactly ours', () => {
  it.each([
    ['another scheme', (p: string) => `https://127.0.0.1:${p}`],
    ['another port', (p: string) => `http://127.0.0.1:${Number(p) + 1}`],
    ['no port', () => 'http://127.0.0.1'],
    ['another loopback name', (p: string) => `http://localhost:${p}`],
    ['null', () => 'null'],
  ])('refuses %s on reads and writes alike', async (_case, origin) => {
    for (const [method, path, body] of routes().filter(([, path]) => path.startsWith('/api'))) {
      const answer = await send(
        method,
        path,
        { host: `127.0.0.1:${port}`, origin: origin(port), ...REQUESTED_BY },
        body,
      )
      expect(answer.status, `${method} ${path}: ${answer.body}`).toBe(403)
    }
    expect(await servers.simulator.requests()).toEqual([])
  })

  it('accepts our own origin on every loopback name, and no Origin at all on reads', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const read = await send('GET', '/api/hubspot/crm/v3/imports', {
        host,
        origin: `http://${host}`,
      })
      expect(read.status, read.body).toBe(200)
      const create = await send(
        'POST',
        '/api/hubspot/crm/v3/imports',
        { host, origin: `http://${host}`, ...REQUESTED_BY },
        importForm(),
      )
      expect(create.status, create.body).toBe(200)
    }
    const plain = await send('GET', '/api/hubspot/crm/v3/imports', { host: `[::1]:${port}` })
    expect(plain.status, plain.body).toBe(200)
  })
})

describe('behind a TLS gateway (PUBLIC_ORIGIN)', () => {
  it('accepts the public origin on its host name and refuses it over plain http', async () => {
    const gated = await startTestProxy(servers.simulator, {
      publicOrigin: 'https://imports.corp.example',
    })
    try {
      const at = (origin: string, host = 'imports.corp.example') =>
        fetchRaw(gated.url, host, origin)
      expect((await at('https://imports.corp.example')).status).toBe(200)
      // a gateway that rewrites Host to the loopback address still carries the public Origin
      expect((await at('https://imports.corp.example', '127.0.0.1')).status).toBe(200)
      expect((await at('http://imports.corp.example')).status).toBe(403)
      expect((await at('https://imports.corp.example:8443')).status).toBe(403)
      expect((await at('https://evil.example', 'evil.example')).status).toBe(403)
    } finally {
      await gated.close()
    }
  })

  it('takes further host names from ALLOWED_HOSTS, with or without a port', async () => {
    const listed = await startTestProxy(servers.simulator, {
      allowedHosts: ['tool.internal', `box.internal:${port}`],
    })
    const listedPort = new URL(listed.url).port
    try {
      const status = async (host: string) => {
        const answer = await fetchRaw(listed.url, host)
        return `${answer.status} ${answer.status === 200 ? '' : answer.body}`.trim()
      }
      expect(await status('tool.internal')).toBe('200')
      expect(await status(`tool.internal:${listedPort}`)).toBe('200')
      expect(await status(`box.internal:${port}`)).toBe('200')
      expect(await status(`box.internal:${listedPort}`)).toMatch(/^403 /)
      // an explicit list replaces the loopback defaults
      expect(await status(`127.0.0.1:${listedPort}`)).toMatch(/^403 /)
    } finally {
      await listed.close()
    }
  })
})

/** A read of the imports list on `base` with the given Host and, optionally, Origin. */
function fetchRaw(base: string, host: string, origin?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/api/hubspot/crm/v3/imports`, {
      headers: { host, ...(origin ? { origin } : {}) },
    })
    request.on('error', reject)
    request.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
    })
    request.end()
  })
}
