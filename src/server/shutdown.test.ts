/**
 * SIGTERM while an upload is arriving (checklist H3): the browser gets a 503 that says nothing was
 * imported, HubSpot never gets the whole file, and the process exits within its grace period. The
 * proxy runs as `npm start` runs it, in its own process.
 */
import http from 'node:http'
import { expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { REQUESTED_BY, isCreate, useSimulatorAndProxyProcess } from './test-helpers.ts'

const servers = useSimulatorAndProxyProcess()

it('SIGTERM mid-upload: 503 to the browser, no import, and the process exits in time', async () => {
  const boundary = 'sigterm-boundary'
  const request = http.request(`${servers.proxy.url}/api/hubspot/crm/v3/imports`, {
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
    const exited = new Promise<number | null>((resolve) =>
      servers.proxy.child.once('exit', resolve),
    )
    const stoppedAt = Date.now()
    servers.proxy.child.kill('SIGTERM')

    const { status, body } = await answer
    expect(status).toBe(503)
    expect(body).toMatch(/restarting.*nothing was imported/)
    expect(await exited).toBe(0)
    expect(Date.now() - stoppedAt).toBeLessThan(5_000)
  } finally {
    clearInterval(pump)
    request.destroy()
  }
  expect(await servers.simulator.imports()).toEqual([])
  // HubSpot's side of the create broke off: never answered as a whole request
  expect((await servers.simulator.requests()).filter(isCreate).map((r) => r.status)).not.toContain(
    200,
  )
}, 30_000)
