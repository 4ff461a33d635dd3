// The page: the built client with its security headers, or a pointer to Vite in dev mode
import { Hono } from 'hono'
import type { ProxyEnv } from './http.ts'
import { pageSecurityHeaders } from './security.ts'
import { serveClient } from './static-files.ts'

/** `clientDir` undefined: API only (dev mode, Vite serves the page). */
export function pageRoutes(
  clientDir: string | undefined,
  frameAncestors: readonly string[],
): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })
  if (clientDir) {
    app.on(['GET', 'HEAD'], '*', async (c) => {
      const response = await serveClient(clientDir, c.req.path, c.req.method === 'HEAD')
      pageSecurityHeaders(response.headers, frameAncestors)
      return response
    })
  } else {
    app.get('/', (c) =>
      c.text(
        'API only (dev mode): open the Vite dev server for the page, e.g. http://127.0.0.1:5173',
      ),
    )
  }
  return app
}
