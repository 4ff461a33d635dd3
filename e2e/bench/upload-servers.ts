/**
 * The two helper servers of the upload comparison, each run in its own process:
 * - `sink`: stands in for HubSpot's create endpoint; reads and counts the body, then answers like
 *   HubSpot (an import in STARTED), so the proxy's own work is all that differs between the runs;
 * - `pass-through <sinkUrl>`: the plainest Node proxy, `http.request` + `pipeline`, the reference
 *   the real proxy is held to.
 * Each prints `ready at <url>` once it listens.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline } from 'node:stream/promises'

function listen(server: http.Server) {
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo
    console.log(`ready at http://127.0.0.1:${port}`)
  })
}

function sink() {
  let nextId = 70_000_001
  const server = http.createServer((req, res) => {
    let bytes = 0
    req.on('data', (chunk: Buffer) => (bytes += chunk.length))
    req.on('end', () => {
      const now = new Date().toISOString()
      const body = JSON.stringify({
        id: String(nextId++),
        state: 'STARTED',
        createdAt: now,
        updatedAt: now,
        optOutImport: false,
        importRequestJson: {},
        importSource: 'API',
        metadata: { objectLists: [], counters: {}, fileIds: [] },
        mappedObjectTypeIds: ['0-1'],
        bytesReceived: bytes,
      })
      res.writeHead(200, { 'content-type': 'application/json' }).end(body)
    })
  })
  listen(server)
}

function passThrough(sinkUrl: string) {
  const server = http.createServer((req, res) => {
    const upstream = http.request(new URL(req.url ?? '/', sinkUrl), {
      method: req.method,
      agent: false,
      headers: {
        'content-type': req.headers['content-type'],
        ...(req.headers['content-length']
          ? { 'content-length': req.headers['content-length'] }
          : {}),
      },
    })
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      void pipeline(answer, res).catch(() => res.destroy())
    })
    upstream.on('error', () => res.destroy())
    void pipeline(req, upstream).catch(() => upstream.destroy())
  })
  listen(server)
}

const [mode, sinkUrl] = process.argv.slice(2)
if (mode === 'sink') sink()
else if (mode === 'pass-through' && sinkUrl) passThrough(sinkUrl)
else {
  console.error('usage: upload-servers.ts sink | pass-through <sinkUrl>')
  process.exit(2)
}
