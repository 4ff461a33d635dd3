/**
 * Small edges of HTTP, against the real proxy and simulator: a malformed multipart boundary, the
 * methods the proxy answers, source maps, and the hint a daily rate limit carries.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { REQUESTED_BY, SAMPLE_CSV, startTestProxy, useSimulatorAndProxy } from './test-helpers.ts'

let clientDir: string

const servers = useSimulatorAndProxy({
  // a built client of three files, for the page, its script and its source map
  proxy: async () => {
    clientDir = await mkdtemp(path.join(tmpdir(), 'proxy-client-'))
    await mkdir(path.join(clientDir, 'assets'))
    await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>t</title>')
    await writeFile(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)\n')
    await writeFile(path.join(clientDir, 'assets', 'app-1234.js.map'), '{"version":3}')
    return { clientDir }
  },
})
afterAll(async () => {
  await rm(clientDir, { recursive: true, force: true })
})

/** Any method, any headers (fetch refuses TRACE), answered as status, headers and text. */
function send(method: string, url: string, headers: http.OutgoingHttpHeaders = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = http.request(url, { method, headers })
      request.on('error', reject)
      request.on('response', (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
        )
      })
      request.end(body)
    },
  )
}

describe('multipart boundaries', () => {
  const form = (boundary: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
    `${JSON.stringify(contactsImportRequest('a.csv', ['email', 'firstname', 'lastname']))}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\n` +
    `${SAMPLE_CSV}\r\n--${boundary}--\r\n`

  it.each([
    ['an empty boundary', 'multipart/form-data; boundary='],
    ['an empty quoted boundary', 'multipart/form-data; boundary=""'],
    ['a boundary over 70 characters', `multipart/form-data; boundary=${'b'.repeat(71)}`],
    ['a boundary parameter without a value', 'multipart/form-data; boundary'],
  ])('%s is a 400 that names the boundary, and nothing is sent', async (_case, type) => {
    const answer = await send(
      'POST',
      `${servers.proxy.api}/crm/v3/imports`,
      { ...REQUESTED_BY, 'content-type': type },
      form('x'),
    )
    expect(answer.status, answer.body).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringMatching(/boundary/),
    })
    expect(await servers.simulator.requests()).toEqual([])
  })

  it('a quoted boundary of 70 characters is fine', async () => {
    const boundary = 'q'.repeat(70)
    const answer = await send(
      'POST',
      `${servers.proxy.api}/crm/v3/imports`,
      { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary="${boundary}"` },
      form(boundary),
    )
    expect(answer.status, answer.body).toBe(200)
  })
})

describe('methods', () => {
  it('answers HEAD on an API route itself, never as a GET to HubSpot', async () => {
    for (const path of ['/crm/v3/imports', '/crm/v3/imports/1', '/crm/v3/properties/contacts']) {
      const answer = await send('HEAD', `${servers.proxy.api}${path}`)
      expect(answer.status, path).toBe(405)
      expect(answer.headers.allow).toBe('GET, POST')
    }
    expect(await servers.simulator.requests()).toEqual([])
  })

  // (Node's own parser already refuses CONNECT without a handler, and unknown words like TRACK)
  it.each(['TRACE', 'PROPFIND', 'OPTIONS', 'DELETE', 'PUT', 'PATCH'])(
    '%s is 405 on the API and on the page, with or without the CSRF header',
    async (method) => {
      for (const url of [`${servers.proxy.api}/crm/v3/imports`, `${servers.proxy.url}/`]) {
        for (const headers of [{}, REQUESTED_BY]) {
          const answer = await send(method, url, headers)
          expect(answer.status, `${method} ${url}`).toBe(405)
          expect(answer.body).not.toMatch(/requested-by/i)
        }
      }
      expect(await servers.simulator.requests()).toEqual([])
    },
  )

  it('still serves the page to HEAD', async () => {
    const answer = await send('HEAD', `${servers.proxy.url}/`)
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('')
  })
})

describe('source maps', () => {
  it('are not served, while the script itself is', async () => {
    expect((await send('GET', `${servers.proxy.url}/assets/app-1234.js`)).status).toBe(200)
    const map = await send('GET', `${servers.proxy.url}/assets/app-1234.js.map`)
    expect(map.status).toBe(404)
    expect(map.body).not.toContain('version')
  })
})

describe('the daily rate limit', () => {
  it('says when it resets: Retry-After until midnight in HUBSPOT_TIME_ZONE, and the time', async () => {
    const zoned = await startTestProxy(servers.simulator, { hubspotTimeZone: 'Pacific/Auckland' })
    try {
      await servers.simulator.fault({ status: 429, policyName: 'DAILY', count: 1, method: 'GET' })
      const asked = Date.now()
      const response = await fetch(`${zoned.api}/crm/v3/imports`)
      expect(response.status).toBe(429)
      const body = (await response.json()) as {
        policyName: string
        message: string
        context: { resetsAt: string[] }
      }
      expect(body.policyName).toBe('DAILY')
      const resetsAt = Date.parse(body.context.resetsAt[0] ?? '')
      // midnight in Auckland: 00:00 local on the next day, within the next 24 h
      expect(resetsAt).toBeGreaterThan(asked)
      expect(resetsAt - asked).toBeLessThanOrEqual(24 * 3600_000)
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Pacific/Auckland',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(resetsAt)
      expect(local).toBe('00:00')
      const retryAfter = Number(response.headers.get('retry-after'))
      expect(Math.abs(retryAfter * 1000 - (resetsAt - asked))).toBeLessThan(5_000)
      expect(body.message).toMatch(/daily limit/)
      expect(body.message).toMatch(
        /resets the daily API limit at midnight \(Pacific\/Auckland\), in about (\d+ h )?\d+ min\./,
      )
      // no retry: the limit will not lift in seconds
      expect((await servers.simulator.requests()).filter((r) => r.method === 'GET')).toHaveLength(1)
    } finally {
      await zoned.close()
    }
  })
})
