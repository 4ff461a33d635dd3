// The simulator's Hono environment and HubSpot-style JSON answers
import type { HttpBindings } from '@hono/node-server'
import type { Context, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HUBSPOT_JSON, missingScopes, validationError } from './hubspot-errors.ts'

export interface SimulatorVariables {
  correlationId: string
  /** the caller's token, scopes and app, once authenticated */
  token: string
  scopes: readonly string[]
  appId: number
  /** rate-limit headers for this response */
  rateLimitHeaders: Record<string, string>
  /** the connection was destroyed by a `drop` fault: nothing was answered */
  dropped: boolean
}

export type SimulatorEnv = { Bindings: HttpBindings; Variables: SimulatorVariables }
export type SimulatorContext = Context<SimulatorEnv>

/** A JSON answer with HubSpot's content type. */
export function hubspotJson(c: SimulatorContext, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'Content-Type': HUBSPOT_JSON,
  })
}

/** Throws HubSpot's 403 unless the token holds one of `needed` (HubSpot: "one or more of the following"). */
export function assertAnyScope(c: SimulatorContext, needed: string[]): void {
  const held = c.get('scopes') ?? []
  if (!needed.some((scope) => held.includes(scope))) throw missingScopes(needed)
}

export function requireAnyScope(needed: string[]): MiddlewareHandler<SimulatorEnv> {
  return async (c, next) => {
    assertAnyScope(c, needed)
    await next()
  }
}

/**
 * HubSpot's collection `limit`: SILENT for imports and errors, so every list here uses the
 * objects API's documented default of 10 and caps at 100 as it does (a larger value is clamped,
 * not refused); a non-number or a value below 1 is a 400.
 */
export const DEFAULT_PAGE_LIMIT = 10
export const MAX_PAGE_LIMIT = 100

export function pageLimit(c: SimulatorContext): number {
  const raw = c.req.query('limit')
  if (raw === undefined || raw === '') return DEFAULT_PAGE_LIMIT
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1) {
    throw validationError(`limit must be a positive integer, got "${raw}"`, {
      context: { limit: [raw] },
    })
  }
  return Math.min(limit, MAX_PAGE_LIMIT)
}

/** `true` only for the string "true" (any case), as HubSpot's boolean query parameters read. */
export function queryFlag(c: SimulatorContext, name: string): boolean {
  return c.req.query(name)?.toLowerCase() === 'true'
}

/** A comma-separated or repeated query parameter (`properties=a,b` or `properties=a&properties=b`). */
export function queryList(c: SimulatorContext, name: string): string[] | undefined {
  const values = c.req.queries(name)
  if (!values) return undefined
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
}

/** The absolute `link` of the next page: this request's URL with the new `after`, as the objects API does. */
export function nextLink(c: SimulatorContext, after: string): string {
  const url = new URL(c.req.url)
  url.searchParams.set('after', after)
  return url.toString()
}
