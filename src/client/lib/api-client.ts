// The fetch wrapper for the proxy: one error type, responses parsed with the shared schemas
import * as z from 'zod'
import { hubSpotErrorBodySchema, type HubSpotErrorBody } from '#shared/hubspot/error-body.ts'
import { withBase } from './base-path.ts'

/**
 * Every HubSpot call goes through the proxy, which adds the token; the browser never holds it.
 * Paths are the app's own: the calls below add the base path (base-path.ts).
 */
export const HUBSPOT_BASE = '/api/hubspot'

/** The header the proxy requires on state-changing requests (a CSRF guard for the embedded tool). */
export const REQUESTED_BY_HEADER = { 'X-Requested-By': 'hubspot-import-tool' } as const

/** One error type for every failed call: status, HubSpot's (or the proxy's) body and its correlationId. */
export class ApiError extends Error {
  readonly status: number
  readonly body: HubSpotErrorBody | undefined
  /** the proxy's Retry-After: when trying again makes sense (rate limits, HubSpot outages) */
  readonly retryAfterSeconds: number | undefined
  constructor(
    status: number,
    message: string,
    body?: HubSpotErrorBody,
    retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.body = body
    this.retryAfterSeconds = retryAfterSeconds
  }
  get correlationId(): string | undefined {
    return this.body?.correlationId
  }
  get isRateLimited(): boolean {
    return this.status === 429
  }
}

export function getErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const id = error.correlationId ? ` (correlation id ${error.correlationId})` : ''
    return `${error.message}${retryHint(error)}${id}`
  }
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : 'Something went wrong.'
}

/** "HubSpot is busy: try again in 10 s." for a short rate limit; the daily one says its reset. */
function retryHint(error: ApiError): string {
  const seconds = error.retryAfterSeconds
  if (seconds === undefined || error.body?.policyName === 'DAILY') return ''
  const wait = seconds >= 90 ? `${Math.round(seconds / 60)} min` : `${seconds} s`
  if (error.status === 429) return ` HubSpot is busy: try again in ${wait}.`
  if (error.status >= 500) return ` Try again in ${wait}.`
  return ''
}

/** Turns a non-2xx response into an ApiError with the most specific message available. */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  let body: HubSpotErrorBody | undefined
  try {
    const parsed = hubSpotErrorBodySchema.safeParse(JSON.parse(text))
    if (parsed.success) body = parsed.data
  } catch {
    // not JSON: fall through to the status text
  }
  const message =
    body?.message ?? `The server answered ${response.status} ${response.statusText || ''}`.trim()
  const retryAfter = response.headers.get('retry-after')
  const seconds = retryAfter && /^\d{1,7}$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined
  return new ApiError(response.status, message, body, seconds)
}

/** Fetches JSON from the proxy and parses it with a shared schema, so a shape drift fails loudly. */
export async function apiJson<T extends z.ZodType>(
  path: string,
  schema: T,
  init: RequestInit = {},
): Promise<z.infer<T>> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json')
  if (method !== 'GET' && method !== 'HEAD') {
    for (const [key, value] of Object.entries(REQUESTED_BY_HEADER)) headers.set(key, value)
  }
  const response = await fetch(withBase(path), { ...init, headers, credentials: 'same-origin' })
  if (!response.ok) throw await toApiError(response)
  const json: unknown = await response.json()
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      `Unexpected response from ${path}: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data
}

/** Builds a query string from defined values only. */
export function withQuery(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}
