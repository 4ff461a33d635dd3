/**
 * SIGTERM while an upload is arriving (checklist H3): the browser gets a 503 that says nothing was
 * imported, HubSpot never gets the whole file, and the process exits within its grace period. The
 * proxy runs as `npm start` runs it, in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  REQUESTED_BY,
  contactsImportRequest,
  isCreate,
  startSimulator,
  type TestSimulator,
} from './test-helpers.ts'

let simulator: TestSimulator
let proxy: ChildProcess
let proxyUrl: string

beforeAll(async () => {
  simulator = await startSimulator()
  proxy = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HUBSPOT_ACCESS_TOKEN: simulator.token,
      HUBSPOT_BASE_URL: simulator.url,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  proxyUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proxy.stdout! }).on('line', (line) => {
      const match = /ready at (http:\/\/\S+)/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    proxy.once('exit', (code) => reject(new Error(`proxy exited ${code}`)))
  })
}, 60_000)

afterAll(() => {
  if (proxy?.exitCode === null) proxy.kill('SIGKILL')
  simulator?.stop()
})

it('SIGTERM mid-upload: 503 to the browser, no import, and the process exits in time', async () => {
  const boundary = 'sigterm-boundary'
  const request = http.request(`${proxyUrl}/api/hubspot/crm/v3/imports`, {
    method: 'POST',
    headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
  request.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
      `${JSON.stringify(contactsImportRequest('big.csv', ['email', 'firstname', 'lastname']))}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\nemail,firstname,lastname\n',
  )
  // rows keep arriving (the upload is live) until the proxy answers
  const rows = Buffer.from('someone@example.com,Some,One\n'.repeat(2_000))
  let written = 0
  const pump = setInterval(() => {
    if (!request.destroyed) request.write(rows, () => (written += rows.length))
  }, 20)
  try {
    // HubSpot is receiving the file: rows have gone through the proxy
    while (written < 1_000_000) await new Promise((resolve) => setTimeout(resolve, 20))
    const exited = new Promise<number | null>((resolve) => proxy.once('exit', resolve))
    const stoppedAt = Date.now()
    proxy.kill('SIGTERM')

    const { status, body } = await answer
    expect(status).toBe(503)
    expect(body).toMatch(/restarting.*nothing was imported/)
    expect(await exited).toBe(0)
    expect(Date.now() - stoppedAt).toBeLessThan(5_000)
  } finally {
    clearInterval(pump)
    request.destroy()
  }
  expect(await simulator.imports()).toEqual([])
  // HubSpot's side of the create broke off: never answered as a whole request
  expect((await simulator.requests()).filter(isCreate).map((r) => r.status)).not.toContain(200)
}, 30_000)
