// CSRF and Origin checks, the Host allow-list, the CSP and the API's security headers
import { describe, expect, it } from 'vitest'
import { ProxyError } from './errors.ts'
import {
  REQUESTED_BY,
  apiSecurityHeaders,
  LOOPBACK_HOSTS,
  checkCsrf,
  checkHost,
  contentSecurityPolicy,
  defaultAllowedHosts,
  originPolicy,
  pageSecurityHeaders,
} from './security.ts'

const HOST = { host: 'tool.example.com' }
const MARKED = { ...HOST, 'x-requested-by': REQUESTED_BY.value }

const POLICY = originPolicy(['tool.example.com', '127.0.0.1'], undefined)

/** 'ok', or the status and message checkCsrf throws. */
function decision(method: string, headers: Record<string, string>): string {
  try {
    checkCsrf(method, new Headers(headers), POLICY)
    return 'ok'
  } catch (error) {
    expect(error).toBeInstanceOf(ProxyError)
    expect((error as ProxyError).category).toBe('FORBIDDEN')
    return `${(error as ProxyError).status} ${(error as ProxyError).message}`
  }
}

const NO_HEADER = `403 State-changing requests need the header X-Requested-By: ${REQUESTED_BY.value}.`
const CROSS_SITE = '403 Cross-site requests are not allowed.'
const CROSS_ORIGIN = '403 Cross-origin requests are not allowed.'

describe('checkCsrf', () => {
  it.each<[string, string, Record<string, string>, string]>([
    // reads need no header, but other sites may not read (the answers hold CRM rows)
    ['a GET', 'GET', HOST, 'ok'],
    ['a GET from our origin', 'GET', { ...HOST, origin: 'http://tool.example.com' }, 'ok'],
    ['a GET from another origin', 'GET', { ...HOST, origin: 'https://evil.example' }, CROSS_ORIGIN],
    ['a cross-site GET', 'GET', { ...HOST, 'sec-fetch-site': 'cross-site' }, CROSS_SITE],
    ['a HEAD', 'HEAD', HOST, 'ok'],
    ['an OPTIONS', 'OPTIONS', HOST, 'ok'],
    // the header is required on every other method
    ['a POST without the header', 'POST', HOST, NO_HEADER],
    ['a DELETE without the header', 'DELETE', HOST, NO_HEADER],
    ['a PUT without the header', 'PUT', HOST, NO_HEADER],
    ['a PATCH without the header', 'PATCH', HOST, NO_HEADER],
    ['another value', 'POST', { ...HOST, 'x-requested-by': 'XMLHttpRequest' }, NO_HEADER],
    [
      'the value in another case',
      'POST',
      { ...HOST, 'x-requested-by': 'HubSpot-Import-Tool' },
      NO_HEADER,
    ],
    ['an empty value', 'POST', { ...HOST, 'x-requested-by': '' }, NO_HEADER],
    ['the header, no browser metadata (curl, scripts)', 'POST', MARKED, 'ok'],
    // Fetch Metadata
    ['same-origin', 'POST', { ...MARKED, 'sec-fetch-site': 'same-origin' }, 'ok'],
    ['none (typed in the address bar)', 'POST', { ...MARKED, 'sec-fetch-site': 'none' }, 'ok'],
    ['same-site', 'POST', { ...MARKED, 'sec-fetch-site': 'same-site' }, CROSS_SITE],
    ['cross-site', 'POST', { ...MARKED, 'sec-fetch-site': 'cross-site' }, CROSS_SITE],
    ['an unknown value', 'POST', { ...MARKED, 'sec-fetch-site': 'whatever' }, CROSS_SITE],
    [
      'cross-site without the header: the header is named first',
      'POST',
      { ...HOST, 'sec-fetch-site': 'cross-site' },
      NO_HEADER,
    ],
    // Origin against Host
    ['the same origin', 'POST', { ...MARKED, origin: 'http://tool.example.com' }, 'ok'],
    [
      'the same host on another scheme (set PUBLIC_ORIGIN behind a TLS gateway)',
      'POST',
      { ...MARKED, origin: 'https://tool.example.com' },
      CROSS_ORIGIN,
    ],
    [
      'the same host with an explicit default port',
      'POST',
      { ...MARKED, origin: 'http://tool.example.com:80' },
      CROSS_ORIGIN,
    ],
    [
      'the same host and port',
      'POST',
      {
        host: '127.0.0.1:3000',
        'x-requested-by': REQUESTED_BY.value,
        origin: 'http://127.0.0.1:3000',
      },
      'ok',
    ],
    [
      'another port',
      'POST',
      {
        host: '127.0.0.1:3000',
        'x-requested-by': REQUESTED_BY.value,
        origin: 'http://127.0.0.1:5173',
      },
      CROSS_ORIGIN,
    ],
    ['another host', 'POST', { ...MARKED, origin: 'https://evil.example' }, CROSS_ORIGIN],
    [
      'a sibling subdomain',
      'POST',
      { ...MARKED, origin: 'https://evil.tool.example.com' },
      CROSS_ORIGIN,
    ],
    [
      'a host with our name as prefix',
      'POST',
      { ...MARKED, origin: 'https://tool.example.com.evil.example' },
      CROSS_ORIGIN,
    ],
    ['Origin: null (sandboxed frame, file:)', 'POST', { ...MARKED, origin: 'null' }, CROSS_ORIGIN],
    ['an unparsable Origin', 'POST', { ...MARKED, origin: '::::' }, CROSS_ORIGIN],
    ['an empty Origin', 'POST', { ...MARKED, origin: '' }, CROSS_ORIGIN],
    [
      'an Origin but no Host',
      'POST',
      { 'x-requested-by': REQUESTED_BY.value, origin: 'http://tool.example.com' },
      CROSS_ORIGIN,
    ],
    [
      'same-origin metadata but a foreign Origin',
      'POST',
      { ...MARKED, 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
      CROSS_ORIGIN,
    ],
    [
      'a same Origin but cross-site metadata',
      'POST',
      { ...MARKED, 'sec-fetch-site': 'cross-site', origin: 'http://tool.example.com' },
      CROSS_SITE,
    ],
  ])('%s (%s) → %s', (_case, method, headers, expected) => {
    expect(decision(method, headers)).toBe(expected)
  })

  it.each([
    // behind a TLS gateway: the public origin is ours, its plain-http twin is not
    ['imports.example.com', 'https://imports.example.com', 'ok'],
    ['imports.example.com', 'http://imports.example.com', CROSS_ORIGIN],
    ['imports.example.com', 'https://imports.example.com:8443', CROSS_ORIGIN],
    // a gateway that rewrites Host to the loopback address
    ['127.0.0.1:3000', 'https://imports.example.com', 'ok'],
    ['127.0.0.1:3000', 'http://127.0.0.1:3000', 'ok'],
  ])('PUBLIC_ORIGIN https://imports.example.com, Host %s, Origin %s → %s', (host, origin, out) => {
    const policy = originPolicy(undefined, 'https://imports.example.com/')
    const check = () =>
      checkCsrf('POST', new Headers({ host, origin, 'x-requested-by': REQUESTED_BY.value }), policy)
    if (out === 'ok') expect(check).not.toThrow()
    else expect(check).toThrow(out.slice(4))
  })
})

describe('checkHost', () => {
  it.each<[string, readonly string[] | undefined, string | undefined, string, boolean]>([
    ['loopback by default', undefined, undefined, '127.0.0.1:3000', true],
    ['localhost by default', undefined, undefined, 'localhost:5173', true],
    ['IPv6 loopback by default', undefined, undefined, '[::1]:3000', true],
    ['a rebound name', undefined, undefined, 'evil.example:3000', false],
    ['a rebound name without port', undefined, undefined, 'evil.example', false],
    ['our name as a prefix', undefined, undefined, 'localhost.evil.example', false],
    ['an address as a prefix', undefined, undefined, '127.0.0.1.evil.example:3000', false],
    ['an empty Host', undefined, undefined, '', false],
    ['user info smuggled in', undefined, undefined, 'evil@127.0.0.1', false],
    [
      'the public origin host',
      undefined,
      'https://imports.example.com',
      'imports.example.com',
      true,
    ],
    [
      'the public origin host, any port',
      undefined,
      'https://imports.example.com',
      'imports.example.com:1',
      true,
    ],
    ['a listed name', ['tool.internal'], undefined, 'tool.internal:3000', true],
    ['a listed name with its port', ['tool.internal:3000'], undefined, 'tool.internal:3000', true],
    ['a listed name, other port', ['tool.internal:3000'], undefined, 'tool.internal:3001', false],
    ['a list replaces the loopback names', ['tool.internal'], undefined, '127.0.0.1:3000', false],
  ])('%s: %j, %s, Host %s → %s', (_case, hosts, publicOrigin, host, allowed) => {
    const policy = originPolicy(hosts, publicOrigin)
    const check = () => checkHost(new Headers(host === '' ? {} : { host }), policy)
    if (allowed) expect(check).not.toThrow()
    else expect(check).toThrow(/not in ALLOWED_HOSTS/)
  })

  it('defaults to the loopback names', () => {
    expect(originPolicy(undefined, undefined).allowedHosts).toEqual(LOOPBACK_HOSTS)
  })
})

describe('contentSecurityPolicy', () => {
  it.each([
    [["'self'"], "frame-ancestors 'self'"],
    [["'none'"], "frame-ancestors 'none'"],
    [["'self'", 'https://admin.example.com'], "frame-ancestors 'self' https://admin.example.com"],
    [
      ['https://*.example.com', 'https://a.example.org:8443'],
      'frame-ancestors https://*.example.com https://a.example.org:8443',
    ],
  ])('FRAME_ANCESTORS %j → %s, as the last directive', (ancestors, expected) => {
    const directives = contentSecurityPolicy(ancestors).split('; ')
    expect(directives.at(-1)).toBe(expected)
    expect(directives.filter((d) => d.startsWith('frame-ancestors'))).toHaveLength(1)
  })

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['worker-src', "'self' blob:"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ])('%s is exactly %s', (directive, sources) => {
    const directives = contentSecurityPolicy(["'self'"]).split('; ')
    expect(directives.filter((d) => d.split(' ')[0] === directive)).toEqual([
      `${directive} ${sources}`,
    ])
  })

  it('allows no eval, no inline code and no other hosts', () => {
    const policy = contentSecurityPolicy(["'self'", 'https://admin.example.com'])
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*/)
    expect(policy.replace('frame-ancestors', '').match(/https:\/\//g)).toHaveLength(1)
  })
})

describe('security headers', () => {
  it('pageSecurityHeaders sends the CSP from FRAME_ANCESTORS', () => {
    const headers = new Headers()
    pageSecurityHeaders(headers, ["'self'", 'https://admin.example.com'])
    expect(Object.fromEntries(headers)).toEqual({
      'content-security-policy': contentSecurityPolicy(["'self'", 'https://admin.example.com']),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
    })
  })

  it('apiSecurityHeaders: never cached, sniffed or framed, replacing what was set', () => {
    const headers = new Headers({ 'cache-control': 'max-age=3600' })
    apiSecurityHeaders(headers)
    expect(Object.fromEntries(headers)).toEqual({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      vary: 'Origin, Sec-Fetch-Site',
    })
  })
})

describe('defaultAllowedHosts', () => {
  it.each([
    ['127.0.0.1', LOOPBACK_HOSTS],
    ['0.0.0.0', LOOPBACK_HOSTS],
    ['::', LOOPBACK_HOSTS],
    ['tool.internal', [...LOOPBACK_HOSTS, 'tool.internal']],
    ['10.0.0.5', [...LOOPBACK_HOSTS, '10.0.0.5']],
    ['fd00::5', [...LOOPBACK_HOSTS, '[fd00::5]']],
  ])('HOST %s → %j', (host, expected) => {
    expect(defaultAllowedHosts(host)).toEqual(expected)
  })
})
