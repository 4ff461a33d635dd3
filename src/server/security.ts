// Host allow-list (DNS rebinding), CSRF and Origin checks, and the API's security headers
import { ProxyError } from './errors.ts'

/** The header the page sends on every state-changing call (src/client/lib/api-client.ts). */
export const REQUESTED_BY = { name: 'x-requested-by', value: 'hubspot-import-tool' } as const

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The names a local tool answers to when ALLOWED_HOSTS is not set. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/** Without ALLOWED_HOSTS: the loopback names, and HOST when it is one specific name. */
export function defaultAllowedHosts(listenHost: string): string[] {
  const wildcard = ['0.0.0.0', '::', '[::]'].includes(listenHost)
  const host =
    listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost
  return [...new Set([...LOOPBACK_HOSTS, ...(wildcard ? [] : [host.toLowerCase()])])]
}

/** A Host header: a DNS name or an IP (v6 in brackets), and an optional port. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}))?$/

export interface OriginPolicy {
  /** host names, each optionally with `:port` (without one, any port matches) */
  allowedHosts: readonly string[]
  /** what browsers see behind a TLS gateway, e.g. https://imports.example.com */
  publicOrigin?: string | undefined
}

/** The allow-list for a policy: the given hosts (default loopback) plus the public origin's host. */
export function originPolicy(
  allowedHosts: readonly string[] | undefined,
  publicOrigin: string | undefined,
): OriginPolicy {
  const hosts = [...(allowedHosts ?? LOOPBACK_HOSTS)].map((host) => host.toLowerCase())
  if (publicOrigin) hosts.push(new URL(publicOrigin).host)
  const origin = publicOrigin ? new URL(publicOrigin).origin : undefined
  return { allowedHosts: [...new Set(hosts)], ...(origin ? { publicOrigin: origin } : {}) }
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const match = HOST_HEADER.exec(host)
  if (!match) return false
  const name = match[1]
  return allowed.some((entry) => entry === host || entry === name)
}

/**
 * DNS-rebinding guard, for every route: a page on any name that resolves to this machine reaches
 * the proxy with its own name in Host, so only listed names are answered.
 */
export function checkHost(headers: Headers, policy: OriginPolicy): void {
  const host = (headers.get('host') ?? '').toLowerCase()
  if (!hostAllowed(host, policy.allowedHosts)) {
    const shown = /^[\x21-\x7e]{1,100}$/.test(host) ? `"${host}"` : 'of this request'
    throw new ProxyError(
      403,
      'FORBIDDEN',
      `This tool does not answer to the host name ${shown}: it is not in ALLOWED_HOSTS.`,
    )
  }
}

/**
 * Who may call the API, for every method: Fetch Metadata and Origin keep other sites out of reads
 * too (their answers hold CRM rows), and an Origin must be ours exactly — scheme, host and port.
 * Ours is the plain-http origin of the Host (the proxy itself serves http) or PUBLIC_ORIGIN.
 * State-changing calls also need a custom header (multipart is a "simple" content type, so any
 * site could post a form here with the user's gateway cookie; the header forces a preflight that
 * is never approved). Non-browser clients (no Origin, no Sec-Fetch-Site) only need the header.
 */
export function checkCsrf(method: string, headers: Headers, policy: OriginPolicy): void {
  if (!SAFE_METHODS.has(method) && headers.get(REQUESTED_BY.name) !== REQUESTED_BY.value) {
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
  if (origin !== null && !ownOrigins(headers, policy).includes(origin)) {
    throw new ProxyError(403, 'FORBIDDEN', 'Cross-origin requests are not allowed.')
  }
}

/** The public origin, and plain http on the Host unless that is the public name (https only). */
function ownOrigins(headers: Headers, policy: OriginPolicy): string[] {
  const own: string[] = []
  const host = headers.get('host')
  const publicHost = policy.publicOrigin ? new URL(policy.publicOrigin).host : undefined
  if (host && host !== publicHost && URL.canParse(`http://${host}`))
    own.push(new URL(`http://${host}`).origin)
  if (policy.publicOrigin) own.push(policy.publicOrigin)
  return own
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
 * The page's CSP (OWASP's CSP and clickjacking cheat sheets): scripts and workers only from here (blob: for workers),
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
    // the page's own <base href> (the proxy's BASE_PATH) is the only base it may set
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ')
}

export function pageSecurityHeaders(headers: Headers, frameAncestors: readonly string[]): void {
  headers.set('content-security-policy', contentSecurityPolicy(frameAncestors))
  headers.set('x-content-type-options', 'nosniff')
  headers.set('referrer-policy', 'same-origin')
}
