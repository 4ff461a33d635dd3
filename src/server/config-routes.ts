// /api/config (what the page needs to know about this proxy) and /api/health
import { Hono } from 'hono'
import type { ProxyEnv } from './http.ts'
import type { ProxyState } from './proxy-state.ts'

/** Mounted at /api. */
export function configRoutes({ options, baseUrl }: ProxyState): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })
  app.get('/config', (c) =>
    c.json({
      mode: options.mode,
      rateLimitPer10s: options.rateLimitPer10s,
      // the simulator's loopback URL helps a developer; a real portal's base URL is not the page's business
      ...(options.mode === 'simulator' ? { hubspotBaseUrl: baseUrl.origin } : {}),
    }),
  )
  app.get('/health', (c) => c.json({ status: 'ok' }))
  return app
}
