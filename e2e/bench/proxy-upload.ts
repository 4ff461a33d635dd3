/**
 * A large upload through the real proxy next to a plain Node pass-through, both forwarding to the
 * same sink (`upload-servers.ts`). The client streams a multipart body generated in memory (no
 * disk in the way), as the page sends it: importRequest, then the file. Each server is a fresh
 * process per round, so its RSS growth is this upload's: VmHWM after minus VmRSS before.
 */
import http from 'node:http'
import { contactsImportRequest } from '../../src/shared/testing/contacts-import.ts'
import { cpuSecondsOf, memoryOf, startChild, startProxy, type Child } from './processes.ts'

export interface UploadMeasurement {
  mbPerSecond: number
  rssGrowthMb: number
  seconds: number
  /** CPU the forwarding process used for this upload: less noisy than MB/s on a busy machine */
  cpuSeconds: number
}

const COLUMNS = ['email', 'firstname', 'lastname']

/**
 * Streams `megabytes` (10^6 bytes) of CSV in a multipart form to `url`; resolves with the seconds
 * taken and the answer's body.
 */
export function uploadForm(
  url: string,
  megabytes: number,
): Promise<{ seconds: number; body: string }> {
  const boundary = 'bench-upload-boundary'
  const fileName = 'bench.csv'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n` +
      'Content-Type: application/json\r\n\r\n' +
      `${JSON.stringify(contactsImportRequest(fileName, COLUMNS, 'bench upload'))}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
      `Content-Type: text/csv\r\n\r\n${COLUMNS.join(',')}\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const row = `someone@example.com,${'A'.repeat(300)},${'B'.repeat(300)}\n`
  const chunk = Buffer.from(row.repeat(Math.floor((64 * 1024) / row.length)))
  const chunks = Math.ceil((megabytes * 1e6) / chunk.length)
  const length = head.length + chunks * chunk.length + tail.length

  return new Promise((resolve, reject) => {
    const started = performance.now()
    const request = http.request(url, {
      method: 'POST',
      agent: false,
      headers: {
        'x-requested-by': 'hubspot-import-tool',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': length,
      },
    })
    request.on('error', reject)
    request.on('response', (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (text: string) => (body += text))
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode} ${body}`))
        else resolve({ seconds: (performance.now() - started) / 1000, body })
      })
    })
    request.write(head)
    let sent = 0
    const pump = () => {
      while (sent < chunks) {
        sent++
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      request.end(tail)
    }
    pump()
  })
}

async function measureThrough(
  server: Child,
  path: string,
  megabytes: number,
): Promise<UploadMeasurement> {
  const before = memoryOf(server.pid).rssMb
  const cpuBefore = cpuSecondsOf(server.pid)
  const { seconds } = await uploadForm(`${server.url}${path}`, megabytes)
  return {
    seconds,
    mbPerSecond: megabytes / seconds,
    rssGrowthMb: memoryOf(server.pid).peakMb - before,
    cpuSeconds: cpuSecondsOf(server.pid) - cpuBefore,
  }
}

export function startSink(): Promise<Child> {
  return startChild('e2e/bench/upload-servers.ts', {}, /ready at (http:\/\/\S+)/, ['sink'])
}

export async function measurePassThrough(sinkUrl: string, megabytes: number) {
  const server = await startChild('e2e/bench/upload-servers.ts', {}, /ready at (http:\/\/\S+)/, [
    'pass-through',
    sinkUrl,
  ])
  try {
    return await measureThrough(server, '/crm/v3/imports', megabytes)
  } finally {
    await server.stop()
  }
}

export async function measureProxyUpload(sinkUrl: string, megabytes: number) {
  const server = await startProxy(sinkUrl)
  try {
    return await measureThrough(server, '/api/hubspot/crm/v3/imports', megabytes)
  } finally {
    await server.stop()
  }
}
