// Middleware: the Host allow-list, the methods each area answers, CSRF/Origin, the API's headers
import type { MiddlewareHandler } from 'hono'
import { ProxyError } from '../errors.ts'
import type { ProxyEnv } from '../http.ts'
import { apiSecurityHeaders, checkCsrf, checkHost, type OriginPolicy } from '../security.ts'

const API_METHODS = ['GET', 'POST']
const PAGE_METHODS = ['GET', 'HEAD']

/**
 * A Host the proxy does not answer to is refused (DNS rebinding). The API reads with GET and
 * writes with POST; HEAD would turn into an upstream GET, TRACE and the rest mean nothing here:
 * 405 before any other check, so the answer names the method.
 */
export function hostAndMethod(origins: OriginPolicy, basePath = ''): MiddlewareHandler<ProxyEnv> {
  const api = `${basePath}/api`
  return async (c, next) => {
    checkHost(c.req.raw.headers, origins)
    const { path } = c.req
    const isApi = path === api || path.startsWith(`${api}/`)
    const allowed = isApi ? API_METHODS : PAGE_METHODS
    if (!allowed.includes(c.req.method)) {
      throw new ProxyError(
        405,
        'METHOD_NOT_ALLOWED',
        `${c.req.method.slice(0, 16)} is not allowed here.`,
        {},
        { Allow: allowed.join(', ') },
      )
    }
    await next()
  }
}

/** A write must carry the tool's header and come from the page's own origin. */
export function csrf(origins: OriginPolicy): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    checkCsrf(c.req.method, c.req.raw.headers, origins)
    await next()
  }
}

/** The API's security headers (no caching, no sniffing, no framing) on every answer under /api. */
export const apiHeaders: MiddlewareHandler<ProxyEnv> = async (c, next) => {
  await next()
  apiSecurityHeaders(c.res.headers)
}

/** For a known path with another method: a 405, so a client learns it is the method, not the path. */
export function methodNotAllowed(): never {
  throw new ProxyError(405, 'METHOD_NOT_ALLOWED', 'This method is not allowed on this path.')
}
