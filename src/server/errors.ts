// The proxy's one error shape (HubSpot's Error body plus requestId); upstream errors mapped to it
import type { IncomingHttpHeaders } from 'node:http'
import { hubSpotErrorBodySchema, type HubSpotErrorBody } from '#shared/hubspot/error-body.ts'
import {
  burstRetryAfterSeconds,
  dailyReset,
  serverErrorRetryAfterSeconds,
  rateLimitKind,
  SECONDLY_MESSAGE,
} from './rate-limit-advice.ts'

/**
 * The one error shape the proxy returns: HubSpot's own `Error` body (`status: "error"`, `message`,
 * `category`, `correlationId` when HubSpot gave one, `context`), plus `requestId` = the proxy's
 * x-request-id. HubSpot's own error bodies pass through unchanged, so a client parses one shape.
 * Categories the proxy itself produces are listed here.
 */
export const PROXY_CATEGORIES = [
  'VALIDATION_ERROR',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'REQUEST_TIMEOUT',
  'CONFLICT',
  'INTEGRATION_AUTH_FAILED',
  'INTEGRATION_FORBIDDEN',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_CONNECTION_RESET',
  'OUTCOME_UNKNOWN',
  'RATE_LIMIT',
  'PROXY_BUSY',
  'INTERNAL_ERROR',
] as const
export type ProxyCategory = (typeof PROXY_CATEGORIES)[number]

export interface ErrorResponse {
  status: number
  body: HubSpotErrorBody
  headers?: Record<string, string>
}

/** Thrown by routes and middleware; the app's error handler renders it. */
export class ProxyError extends Error {
  readonly status: number
  readonly category: ProxyCategory
  readonly extra: Partial<HubSpotErrorBody>
  readonly headers: Record<string, string>

  constructor(
    status: number,
    category: ProxyCategory,
    message: string,
    extra: Partial<HubSpotErrorBody> = {},
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.status = status
    this.category = category
    this.extra = extra
    this.headers = headers
  }

  toResponse(): ErrorResponse {
    return {
      status: this.status,
      body: { status: 'error', message: this.message, category: this.category, ...this.extra },
      headers: this.headers,
    }
  }
}

/** An upstream answer, read whole (imports and properties bodies are small; the size is capped). */
export interface UpstreamResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

export function isJsonContentType(headers: IncomingHttpHeaders): boolean {
  return /^application\/(.+\+)?json\b/i.test(headers['content-type'] ?? '')
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

/** Scopes named in a 403 body: `errors[].context.requiredScopes` or `context.missingScopes`. */
export function missingScopesOf(body: HubSpotErrorBody | undefined): string[] {
  if (!body) return []
  const scopes = [
    ...(body.context?.missingScopes ?? []),
    ...(body.context?.requiredScopes ?? []),
    ...(body.errors ?? []).flatMap((e) => [
      ...(e.context?.requiredScopes ?? []),
      ...(e.context?.missingScopes ?? []),
    ]),
  ]
  return [...new Set(scopes)]
}

export interface RateLimitContext {
  /** the HubSpot account's time zone, where its daily limit resets at midnight */
  hubspotTimeZone: string
  now?: number
}

/**
 * Maps a non-2xx upstream answer to what the browser sees. HubSpot's 401/403 become 502: in the
 * browser a 401 means "your session expired", and this is the integration's token, not the user's.
 * A rate-limit 429 keeps its status and body and always carries a Retry-After in seconds.
 */
export function upstreamErrorResponse(
  upstream: UpstreamResponse,
  limits: RateLimitContext = { hubspotTimeZone: 'UTC' },
): ErrorResponse | undefined {
  const json = isJsonContentType(upstream.headers) ? parseJson(upstream.body) : undefined
  const parsed = json === undefined ? undefined : hubSpotErrorBodySchema.safeParse(json)
  const body = parsed?.success ? parsed.data : undefined
  const correlationId =
    body?.correlationId ?? headerValue(upstream.headers['x-hubspot-correlation-id'])
  const withId = correlationId ? { correlationId } : {}

  if (upstream.status === 401) {
    return new ProxyError(
      502,
      'INTEGRATION_AUTH_FAILED',
      'The HubSpot token is missing, invalid or expired (HubSpot answered 401). An administrator must set a valid HUBSPOT_ACCESS_TOKEN for this tool.',
      { ...withId, ...(body?.category ? { subCategory: body.category } : {}) },
    ).toResponse()
  }
  if (upstream.status === 403) {
    const scopes = missingScopesOf(body)
    const which = scopes.length ? `: ${scopes.join(', ')}` : ''
    return new ProxyError(
      502,
      'INTEGRATION_FORBIDDEN',
      `The HubSpot token lacks a required scope${which} (HubSpot answered 403). An administrator must grant it to the private app.`,
      { ...withId, ...(scopes.length ? { context: { missingScopes: scopes } } : {}) },
    ).toResponse()
  }
  if (upstream.status >= 300 && upstream.status < 400) {
    return new ProxyError(
      502,
      'UPSTREAM_BAD_RESPONSE',
      `HubSpot answered with a redirect (${upstream.status}), which the proxy does not follow.`,
      withId,
    ).toResponse()
  }
  if (upstream.status === 429 && isRateLimit(body)) return rateLimited(upstream, body, limits)
  if (upstream.status === 204 && upstream.body.length === 0) return undefined
  if (json === undefined) {
    return new ProxyError(
      502,
      'UPSTREAM_BAD_RESPONSE',
      `HubSpot answered ${upstream.status} without a JSON body.`,
      withId,
    ).toResponse()
  }
  if (upstream.status >= 200 && upstream.status < 300) return undefined
  return {
    status: upstream.status,
    body: body ?? { status: 'error', message: `HubSpot answered ${upstream.status}.`, ...withId },
    // HubSpot is failing (the proxy already retried): tell the browser when to look again
    ...(upstream.status >= 500
      ? {
          headers: {
            'retry-after': String(
              serverErrorRetryAfterSeconds(
                headerValue(upstream.headers['retry-after']),
                limits.now,
              ),
            ),
          },
        }
      : {}),
  }
}

/** HubSpot's request-rate 429s say so; a 429 for a too-large file does not, and is no rate limit. */
function isRateLimit(body: HubSpotErrorBody | undefined): body is HubSpotErrorBody {
  return (
    body !== undefined &&
    (body.errorType === 'RATE_LIMIT' ||
      body.policyName !== undefined ||
      body.message === SECONDLY_MESSAGE)
  )
}

function rateLimited(
  upstream: UpstreamResponse,
  body: HubSpotErrorBody,
  { hubspotTimeZone, now = Date.now() }: RateLimitContext,
): ErrorResponse {
  const kind = rateLimitKind(body)
  if (kind === 'DAILY') {
    const reset = dailyReset(now, hubspotTimeZone)
    return {
      status: 429,
      body: {
        ...body,
        message: `${body.message} ${reset.hint}`,
        context: { ...body.context, resetsAt: [reset.resetsAt] },
      },
      headers: { 'retry-after': String(reset.retryAfterSeconds) },
    }
  }
  const retryAfter = burstRetryAfterSeconds(kind, headerValue(upstream.headers['retry-after']), now)
  return { status: 429, body, headers: { 'retry-after': String(retryAfter) } }
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
