import { ProxyError } from './errors.ts'

/** The header the page sends on every state-changing call (src/client/lib/api-client.ts). */
export const REQUESTED_BY = { name: 'x-requested-by', value: 'hubspot-import-tool' } as const

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF guard for the API (reliability.md §3.3): multipart is a "simple" content type, so any site
 * could post a form here with the user's gateway cookie. A custom header forces a preflight that
 * is never approved; Fetch Metadata and Origin reject cross-site browsers outright. Non-browser
 * clients (no Origin, no Sec-Fetch-Site) only need the header.
 */
export function checkCsrf(method: string, headers: Headers): void {
  if (SAFE_METHODS.has(method)) return
  if (headers.get(REQUESTED_BY.name) !== REQUESTED_BY.value) {
    throw new ProxyError(
      403,
      'FORBIDDEN',
      `State-changing requests need the header ${'X-Requested-By'}: ${REQUESTED_BY.value}.`,
    )
  }
  const site = headers.get('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new ProxyError(403, 'FORBIDDEN', 'Cross-site requests are not allowed.')
  }
  const origin = headers.get('origin')
  if (origin !== null) {
    let host: string | undefined
    try {
      host = new URL(origin).host
    } catch {
      host = undefined
    }
    if (!host || host !== headers.get('host')) {
      throw new ProxyError(403, 'FORBIDDEN', 'Cross-origin requests are not allowed.')
    }
  }
}

/** API answers: never cached, never sniffed, never framed, never rendered as a document. */
export function apiSecurityHeaders(headers: Headers): void {
  headers.set('cache-control', 'no-store')
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'no-referrer')
  headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
  headers.set('vary', 'Origin, Sec-Fetch-Site')
}

/**
 * The page's CSP (reliability.md §3.4): scripts and workers only from here (blob: for workers),
 * no eval — the client runs zod jitless — and framing only by FRAME_ANCESTORS, sent as a header
 * because frame-ancestors is ignored in a <meta> tag.
 */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ')
}

export function pageSecurityHeaders(headers: Headers, frameAncestors: readonly string[]): void {
  headers.set('content-security-policy', contentSecurityPolicy(frameAncestors))
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'same-origin')
}
