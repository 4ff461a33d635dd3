// A 500 MB upload through a proxy in its own process keeps its memory (RSS) flat
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { REQUESTED_BY, useSimulatorAndProxyProcess } from './test-helpers.ts'

// 500 MB through a proxy in its own process (so its RSS is its own), on to the simulator.
// Takes ~10–20 s; UPLOAD_MEMORY_MB lowers the size for a quick run.
const MEGABYTES = Number(process.env.UPLOAD_MEMORY_MB ?? 500)
const RSS_BOUND_MB = 200

const servers = useSimulatorAndProxyProcess()

/** Peak and current resident memory of a process, from procfs (Linux). */
function memoryOf(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { peakMb: Math.round(kb('VmHWM') / 1024), rssMb: Math.round(kb('VmRSS') / 1024) }
}

it.runIf(process.platform === 'linux')(
  `streams a ${MEGABYTES} MB upload with flat proxy memory`,
  async () => {
    const idle = memoryOf(servers.proxy.child.pid!)
    const boundary = 'memory-test-boundary'
    const fileName = 'big.csv'
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
      `${JSON.stringify(contactsImportRequest(fileName, ['email', 'firstname', 'lastname']))}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
      'Content-Type: text/csv\r\n\r\nemail,firstname,lastname\n'
    // ~64 KB of rows, repeated: generated on the fly, nothing on disk; rows of ~640 bytes keep
    // 500 MB under HubSpot's 1,048,576-row limit
    const row = `someone@example.com,${'A'.repeat(300)},${'B'.repeat(300)}\n`
    const chunk = Buffer.from(row.repeat(Math.floor((64 * 1024) / row.length)))
    const chunks = Math.floor((MEGABYTES * 1024 * 1024) / chunk.length)

    let peakSampled = 0
    const sampler = setInterval(() => {
      peakSampled = Math.max(peakSampled, memoryOf(servers.proxy.child.pid!).rssMb)
    }, 100)
    const started = Date.now()
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${servers.proxy.url}/api/hubspot/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
      request.on('error', reject)
      request.on('response', (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (text: string) => (body += text))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      })
      request.write(head)
      let sent = 0
      const pump = () => {
        while (sent < chunks) {
          sent++
          if (!request.write(chunk)) return void request.once('drain', pump)
        }
        request.end(`\r\n--${boundary}--\r\n`)
      }
      pump()
    })
    clearInterval(sampler)
    const seconds = (Date.now() - started) / 1000
    const { peakMb } = memoryOf(servers.proxy.child.pid!)
    console.warn(
      `${MEGABYTES} MB upload: ${result.status} in ${seconds.toFixed(1)} s; proxy RSS idle ${idle.rssMb} MB, ` +
        `peak ${Math.max(peakMb, peakSampled)} MB (VmHWM ${peakMb} MB)`,
    )
    expect(result.status, result.body).toBe(200)
    expect(peakMb).toBeLessThan(RSS_BOUND_MB)
  },
  180_000,
)
