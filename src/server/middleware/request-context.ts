// Middleware: each request's id and user (for logs), the id on the answer, one access log line
import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { ProxyEnv } from '../http.ts'
import type { Logger } from '../logger.ts'

const REQUEST_ID = /^[\w.:-]{1,128}$/

/**
 * The browser's `x-request-id` when well-formed (else a new one), and the user named by the SSO
 * gateway's header when one is trusted (logs only); then one `request` line per answer.
 */
export function requestContext(
  logger: Logger,
  trustIdentityHeader: string | undefined,
): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const started = performance.now()
    const inbound = c.req.header('x-request-id')
    const requestId = inbound && REQUEST_ID.test(inbound) ? inbound : randomUUID()
    c.set('requestId', requestId)
    const user = trustIdentityHeader ? c.req.header(trustIdentityHeader) : undefined
    c.set('user', user ? user.replace(/[^\x20-\x7e]/g, '').slice(0, 256) : undefined)
    await next()
    c.res.headers.set('x-request-id', requestId)
    // a load balancer probes every few seconds: not worth an info line each
    const level = c.req.path === '/healthz' || c.req.path === '/readyz' ? 'debug' : 'info'
    logger[level]('request', {
      requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 512),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(c.get('user') ? { user: c.get('user') } : {}),
    })
  }
}
