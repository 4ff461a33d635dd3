// A two-file upload streams its second file on to HubSpot before the browser has sent all of it
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { CONTACTS_CSV, twoFileRequest } from './two-file-upload-fixtures.ts'
import { REQUESTED_BY, startTestProxy } from './test-helpers.ts'

describe('streaming the second file', () => {
  it('sends its first bytes on to HubSpot before the browser has sent the rest', async () => {
    // a stand-in HubSpot that says when a marker in the second file has reached it
    let markerSeen: () => void = () => {}
    const seen = new Promise<void>((resolve) => (markerSeen = resolve))
    const upstream = http.createServer((request, response) => {
      let text = ''
      request.setEncoding('latin1')
      request.on('data', (chunk: string) => {
        text += chunk
        if (text.includes('SECOND-FILE-MARKER')) markerSeen()
      })
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ id: '1', state: 'STARTED' }))
      })
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const port = (upstream.address() as AddressInfo).port
    const streamingProxy = await startTestProxy({ url: `http://127.0.0.1:${port}`, token: 'pat-x' })
    try {
      const boundary = 'two-file-streaming'
      const part = (name: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`
      const request = http.request(`${streamingProxy.api}/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
      const answer = new Promise<number>((resolve, reject) => {
        request.on('error', reject)
        request.on('response', (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
      })
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n${JSON.stringify(twoFileRequest())}\r\n` +
          `${part('contacts.csv')}${CONTACTS_CSV}\r\n` +
          `${part('companies.csv')}Company,Domain,Email\nSECOND-FILE-MARKER,acme.com,ann@example.com\n`,
      )
      // the rest of the second file only once its first bytes are upstream: a proxy that held
      // the part (or the form) back would never get there
      const raced = await Promise.race([
        seen.then(() => 'streamed'),
        answer.then((status) => `answered ${status} first`),
        new Promise((resolve) => setTimeout(resolve, 10_000, 'not streamed within 10 s')),
      ])
      expect(raced).toBe('streamed')
      request.end(`Beta,beta.com,bea@example.com\n\r\n--${boundary}--\r\n`)
      expect(await answer).toBe(200)
    } finally {
      await streamingProxy.close()
      await new Promise((resolve) => upstream.close(resolve))
    }
  })
})
