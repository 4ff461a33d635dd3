// The page: the built client (@hono/node-server's serveStatic) with its headers, or a pointer to Vite in dev mode
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import type { ProxyEnv } from './http.ts'
import { pageSecurityHeaders } from './security.ts'

const IMMUTABLE = 'public, max-age=31536000, immutable'

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  })

/**
 * `clientDir` undefined: API only (dev mode, Vite serves the page). Otherwise the built client:
 * hashed files under /assets are immutable, everything else is revalidated; an unknown path
 * without an extension is a client route and gets index.html. Source maps are never served.
 */
export function pageRoutes(
  clientDir: string | undefined,
  frameAncestors: readonly string[],
): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })
  if (!clientDir) {
    app.get('/', (c) =>
      c.text(
        'API only (dev mode): open the Vite dev server for the page, e.g. http://127.0.0.1:5173',
      ),
    )
    return app
  }
  const root = path.resolve(clientDir)
  // serveStatic refuses `..`, backslashes and encoded paths itself (they fall through to index.html)
  const file = serveStatic({
    root,
    onFound: (_file, c) =>
      c.header('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache'),
  })
  const index = serveStatic({
    root,
    path: 'index.html',
    onFound: (_file, c) => c.header('cache-control', 'no-cache'),
  })
  const none = async () => {}

  const page = async (c: Context<ProxyEnv>): Promise<Response> => {
    // source maps would publish the readable source: not built for production, and never served
    if (/\.map$/i.test(c.req.path)) return text('Not found\n', 404)
    const found = await file(c, none)
    if (found) return found
    if (path.extname(c.req.path)) return text('Not found\n', 404)
    return (
      (await index(c, none)) ??
      text('The client is not built yet: run `npm run build` (npm start does it).\n', 503, {
        'cache-control': 'no-store',
      })
    )
  }

  app.on(['GET', 'HEAD'], '*', async (c) => {
    const response = await page(c)
    pageSecurityHeaders(response.headers, frameAncestors)
    return response
  })
  return app
}
