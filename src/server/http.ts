// The proxy's Hono environment, a HubSpot answer passed back to the browser, and the audit log line
import type { HttpBindings } from '@hono/node-server'
import type { Context } from 'hono'
import {
  headerValue,
  upstreamErrorResponse,
  type RateLimitContext,
  type UpstreamResponse,
} from './errors.ts'
import type { Logger } from './logger.ts'
import type { ProxyState } from './proxy-state.ts'
import { upstreamUrl } from './route-params.ts'

export type ProxyEnv = {
  Bindings: HttpBindings
  Variables: { requestId: string; user: string | undefined }
}

export type ProxyContext = Context<ProxyEnv>

const PASSED_HEADERS =
  /^(content-type|retry-after|x-hubspot-ratelimit-.*|x-hubspot-correlation-id)$/i

/** An upstream answer for the browser: allow-listed headers only, errors in the one shape. */
export function upstreamAnswer(upstream: UpstreamResponse, limits: RateLimitContext): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(upstream.headers)) {
    const one = headerValue(value)
    if (one !== undefined && PASSED_HEADERS.test(name)) headers.set(name, one)
  }
  const mapped = upstreamErrorResponse(upstream, limits)
  if (mapped) {
    for (const [name, value] of Object.entries(mapped.headers ?? {})) headers.set(name, value)
    headers.set('content-type', 'application/json')
    return new Response(JSON.stringify(mapped.body), { status: mapped.status, headers })
  }
  const empty = upstream.status === 204 || upstream.body.length === 0
  return new Response(empty ? null : new Uint8Array(upstream.body), {
    status: upstream.status,
    headers,
  })
}

/** One `audit` line for a write the browser asked for: who, what, and HubSpot's status. */
export function auditLog(
  c: ProxyContext,
  logger: Logger,
  action: string,
  fields: Record<string, unknown>,
): void {
  logger.info('audit', {
    action,
    requestId: c.get('requestId'),
    user: c.get('user') ?? null,
    ...fields,
  })
}

/** A GET passed on to HubSpot: the path (built from validated parts) and the validated query. */
export async function forwardGet(
  state: Pick<ProxyState, 'baseUrl' | 'client' | 'limits'>,
  c: ProxyContext,
  path: string,
  query?: URLSearchParams,
): Promise<Response> {
  const response = await state.client.get(
    upstreamUrl(state.baseUrl, path, query),
    c.get('requestId'),
  )
  return upstreamAnswer(response, state.limits)
}
