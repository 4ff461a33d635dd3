// Serves the built client: content types, caching of hashed assets, index.html for client routes
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/**
 * The built client: hashed files under /assets are immutable, everything else is revalidated;
 * an unknown path without an extension is a client route and gets index.html.
 */
export async function serveClient(root: string, urlPath: string, head: boolean): Promise<Response> {
  const rootDir = path.resolve(root)
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return notFound()
  }
  // source maps would publish the readable source: not built for production, and never served
  if (decoded.includes('\0') || /\.map$/i.test(decoded)) return notFound()
  const file = path.resolve(rootDir, `.${decoded}`)
  if (file !== rootDir && !file.startsWith(rootDir + path.sep)) return notFound()

  const found = await fileAt(file)
  if (found) return fileResponse(found, file, head, decoded.startsWith('/assets/'))
  if (path.extname(decoded)) return notFound()
  const index = path.join(rootDir, 'index.html')
  const indexFound = await fileAt(index)
  if (!indexFound) {
    return new Response('The client is not built yet: run `npm run build` (npm start does it).\n', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    })
  }
  return fileResponse(indexFound, index, head, false)
}

async function fileAt(file: string) {
  try {
    const info = await stat(file)
    return info.isFile() ? info : undefined
  } catch {
    return undefined
  }
}

function fileResponse(
  info: { size: number; mtime: Date },
  file: string,
  head: boolean,
  immutable: boolean,
) {
  const headers = new Headers({
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'last-modified': info.mtime.toUTCString(),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  if (head) return new Response(null, { headers })
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
  return new Response(body, { headers })
}

function notFound() {
  return new Response('Not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}
