/**
 * Probes for a load balancer, outside /api so they need no CSRF header, and answered before the
 * Host check: a balancer probes by the replica's address, not the public host name. Neither
 * says anything about the portal beyond up or down.
 *
 * - /healthz: the process is up and serving (liveness; no dependency is asked).
 * - /readyz: this replica can do its work now: Redis answers (when configured) and a TCP
 *   connection to HubSpot (or the simulator) opens. Only a connection: an API call would spend
 *   the portal's rate limit on every probe.
 */
import { connect } from 'node:net'
import { Hono } from 'hono'

export interface ReadinessChecks {
  /** resolves when the shared store is usable; undefined with the in-memory store */
  store?: () => Promise<void>
  upstream: URL
  timeoutMs?: number
}

export function healthRoutes({ store, upstream, timeoutMs = 2_000 }: ReadinessChecks) {
  const app = new Hono({ strict: true })
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    const checks: Record<string, Promise<void>> = {
      hubspot: canConnect(upstream, timeoutMs),
      ...(store ? { redis: withTimeout(store(), timeoutMs) } : {}),
    }
    const results = Object.fromEntries(
      await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          try {
            await check
            return [name, 'ok'] as const
          } catch {
            // no detail: the probe is unauthenticated, and addresses are nobody's business there
            return [name, 'unreachable'] as const
          }
        }),
      ),
    )
    const ready = Object.values(results).every((result) => result === 'ok')
    return c.json({ status: ready ? 'ready' : 'not ready', checks: results }, ready ? 200 : 503)
  })
  return app
}

function canConnect(url: URL, timeoutMs: number): Promise<void> {
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port })
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timed out')))
    socket.once('connect', () => {
      socket.destroy()
      resolve()
    })
    socket.once('error', reject)
  })
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}
