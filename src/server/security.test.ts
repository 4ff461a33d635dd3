import { describe, expect, it } from 'vitest'
import { ProxyError } from './errors.ts'
import {
  REQUESTED_BY,
  apiSecurityHeaders,
  checkCsrf,
  contentSecurityPolicy,
  pageSecurityHeaders,
} from './security.ts'

const HOST = { host: 'tool.example.com' }
const MARKED = { ...HOST, 'x-requested-by': REQUESTED_BY.value }

/** 'ok', or the status and message checkCsrf throws. */
function decision(method: string, headers: Record<string, string>): string {
  try {
    checkCsrf(method, new Headers(headers))
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
    // reads are never blocked, whatever they carry
    [
      'a GET',
      'GET',
      { ...HOST, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      'ok',
    ],
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
    ['the same origin', 'POST', { ...MARKED, origin: 'https://tool.example.com' }, 'ok'],
    [
      'the same origin on another scheme (behind a TLS gateway)',
      'POST',
      { ...MARKED, origin: 'http://tool.example.com' },
      'ok',
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
      { 'x-requested-by': REQUESTED_BY.value, origin: 'https://tool.example.com' },
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
      { ...MARKED, 'sec-fetch-site': 'cross-site', origin: 'https://tool.example.com' },
      CROSS_SITE,
    ],
  ])('%s (%s) → %s', (_case, method, headers, expected) => {
    expect(decision(method, headers)).toBe(expected)
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
    ['base-uri', "'none'"],
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
