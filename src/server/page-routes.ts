// The page: the built client (@hono/node-server's serveStatic) with its headers, or a pointer to Vite in dev mode
import { readFile } from 'node:fs/promises'
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

export interface PageOptions {
  /** the built client; undefined = API only (dev mode, Vite serves the page) */
  clientDir: string | undefined
  frameAncestors: readonly string[]
  /** BASE_PATH normalized ('' or `/tools/import`): stripped before looking up a file */
  basePath: string
}

/**
 * index.html with `<base href>` set to the base path: the build's relative asset URLs then
 * resolve under it from any client route, and the client reads its base from the same tag.
 */
async function indexWithBase(root: string, basePath: string): Promise<Response | undefined> {
  const html = await readFile(path.join(root, 'index.html'), 'utf8').catch(() => undefined)
  if (html === undefined) return undefined
  const base = `<base href="${basePath}/" />`
  const withBase = /<head[^>]*>/i.test(html)
    ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`)
    : `${base}${html}`
  return new Response(withBase, {
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
  })
}

/**
 * `clientDir` undefined: API only (dev mode, Vite serves the page). Otherwise the built client:
 * hashed files under /assets are immutable, everything else is revalidated; an unknown path
 * without an extension is a client route and gets index.html. Source maps are never served.
 */
export function pageRoutes({ clientDir, frameAncestors, basePath }: PageOptions): Hono<ProxyEnv> {
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
  // the route is mounted at the base path; files are looked up below it
  const inApp = (requestPath: string) => requestPath.slice(basePath.length) || '/'
  const file = serveStatic({
    root,
    rewriteRequestPath: inApp,
    onFound: (_file, c) =>
      c.header('cache-control', inApp(c.req.path).startsWith('/assets/') ? IMMUTABLE : 'no-cache'),
  })
  const none = async () => {}

  const page = async (c: Context<ProxyEnv>): Promise<Response> => {
    const requestPath = inApp(c.req.path)
    // source maps would publish the readable source: not built for production, and never served
    if (/\.map$/i.test(requestPath)) return text('Not found\n', 404)
    // index.html always gets its <base href>, whether asked for by name or as a client route
    if (requestPath !== '/' && requestPath !== '/index.html') {
      const found = await file(c, none)
      if (found) return found
      if (path.extname(requestPath)) return text('Not found\n', 404)
    }
    return (
      (await indexWithBase(root, basePath)) ??
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
