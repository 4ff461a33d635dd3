// HubSpot's edge in front of the simulator's routes: the request log, injected faults, auth, rate limits
import { setTimeout as sleep } from 'node:timers/promises'
import type { MiddlewareHandler } from 'hono'
import { cutAnswer, htmlErrorPage, type FaultSpec } from './faults.ts'
import type { SimulatorEnv } from './http.ts'
import {
  HubSpotError,
  invalidAuthentication,
  newCorrelationId,
  rateLimited,
} from './hubspot-errors.ts'
import type { SimulatorState } from './simulator-state.ts'

export const CONTROL_BASE = '/__simulator'

export const isControlPath = (path: string) =>
  path === CONTROL_BASE || path.startsWith(`${CONTROL_BASE}/`)

/** Sets the correlation id and rate-limit headers and logs every HubSpot request (not control ones). */
export function requestLog(state: SimulatorState): MiddlewareHandler<SimulatorEnv> {
  return async (c, next) => {
    if (isControlPath(c.req.path)) return next()
    const started = Date.now()
    c.set('correlationId', newCorrelationId())
    c.set('dropped', false)
    await next()
    if (!c.get('dropped')) {
      c.res.headers.set('x-hubspot-correlation-id', c.get('correlationId'))
      for (const [name, value] of Object.entries(c.get('rateLimitHeaders') ?? {}))
        c.res.headers.set(name, value)
    }
    state.requestLog.record({
      method: c.req.method,
      // the path as sent: Hono's non-strict routing would drop a trailing slash
      path: new URL(c.req.url).pathname,
      query: c.req.query(),
      status: c.get('dropped') ? 0 : c.res.status,
      time: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    })
  }
}

/** HubSpot's edge: injected faults first, then authentication, then the rate limits. */
export function hubSpotEdge(state: SimulatorState): MiddlewareHandler<SimulatorEnv> {
  return async (c, next) => {
    if (isControlPath(c.req.path)) return next()
    const fault = state.faults.take(c.req.method, c.req.path)
    if (fault?.delayMs) await sleep(fault.delayMs)
    if (fault?.drop) {
      const incoming = c.env.incoming
      if (fault.dropAfterBytes === undefined) {
        c.set('dropped', true)
        incoming.socket.destroy()
        return new Response(null, { headers: { 'x-hono-already-sent': '1' } })
      }
      // a reset mid-upload: count on the socket (a listener on the request would start it
      // flowing before the handler reads it), and only for this request of a keep-alive socket
      let seen = 0
      const limit = fault.dropAfterBytes
      const socket = incoming.socket
      const count = (chunk: Buffer) => {
        seen += chunk.length
        if (seen >= limit && !socket.destroyed) {
          c.set('dropped', true)
          socket.destroy()
        }
      }
      socket.on('data', count)
      c.env.outgoing.once('close', () => socket.off('data', count))
    }
    if (fault?.status) {
      if (fault.html && fault.status >= 500) {
        return c.html(htmlErrorPage(fault.status), fault.status as 500)
      }
      throw faultError(fault)
    }

    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]
    const grant = token === undefined ? undefined : state.tokens.grantOf(token)
    if (token === undefined || grant === undefined) throw invalidAuthentication()
    c.set('token', token)
    c.set('scopes', grant.scopes)
    c.set('appId', grant.appId)

    // HubSpot: "per 10 seconds is per app"; the daily counter is the account's
    const decision = state.rateLimiter.take(grant.appId)
    c.set('rateLimitHeaders', decision.headers)
    if (decision.refusedBy) throw rateLimited(decision.refusedBy)
    if (state.settings.responseDelayMs > 0) await sleep(state.settings.responseDelayMs)
    await next()
    if (fault?.dropAnswerAfterBytes !== undefined) {
      // handled (a create has made its import), but the answer breaks off on the wire
      const partial = await cutAnswer(c.res, fault.dropAnswerAfterBytes)
      const socket = c.env.incoming.socket
      c.set('dropped', true)
      socket.write(partial, () => socket.destroy())
      c.res = new Response(null, { headers: { 'x-hono-already-sent': '1' } })
    }
  }
}

/** The body HubSpot sends with each injectable status (its error-handling page). */
function faultError(fault: FaultSpec): HubSpotError {
  const retryAfter: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter }
  switch (fault.status) {
    case 429:
      return rateLimited(fault.policyName ?? 'TEN_SECONDLY_ROLLING', retryAfter)
    case 423:
      return new HubSpotError(
        423,
        {
          message: 'The resource is locked by another request; wait at least 2 seconds.',
          category: 'LOCKED',
        },
        retryAfter,
      )
    case 477:
      return new HubSpotError(
        477,
        {
          message: 'This account is being migrated between data centers; try again later.',
          category: 'MIGRATION_IN_PROGRESS',
        },
        { 'Retry-After': fault.retryAfter ?? '60' },
      )
    default:
      return new HubSpotError(
        fault.status ?? 500,
        { message: 'internal error', category: 'INTERNAL_ERROR' },
        retryAfter,
      )
  }
}
