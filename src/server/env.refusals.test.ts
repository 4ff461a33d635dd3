// parseEnv: the refusals of bad environment variables, every one listed at once
import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.ts'

/** The problem lines parseEnv reports, or 'ok'. */
function problems(source: NodeJS.ProcessEnv): string {
  try {
    parseEnv(source)
    return 'ok'
  } catch (error) {
    const message = (error as Error).message
    expect(message).toMatch(/^Invalid configuration \(see \.env\.example\):\n/)
    return message.split('\n').slice(1).join('\n')
  }
}

describe('parseEnv refusals', () => {
  const https = 'must use https (plain http only for a loopback simulator)'
  it.each([
    ['PORT not a number', { PORT: 'abc' }, 'PORT: must be a whole number from 0 to 65535'],
    [
      'BASE_PATH without a leading slash',
      { BASE_PATH: 'tools' },
      'BASE_PATH: must be a path such as /tools/import (letters, digits, . _ ~ - between slashes)',
    ],
    [
      'BASE_PATH going up',
      { BASE_PATH: '/tools/..' },
      'BASE_PATH: must be a path such as /tools/import (letters, digits, . _ ~ - between slashes)',
    ],
    [
      'BASE_PATH with a query',
      { BASE_PATH: '/tools?x=1' },
      'BASE_PATH: must be a path such as /tools/import (letters, digits, . _ ~ - between slashes)',
    ],
    [
      'BASE_PATH with a double slash',
      { BASE_PATH: '//evil.example' },
      'BASE_PATH: must be a path such as /tools/import (letters, digits, . _ ~ - between slashes)',
    ],
    [
      'BASE_PATH with a quote',
      { BASE_PATH: '/a"b' },
      'BASE_PATH: must be a path such as /tools/import (letters, digits, . _ ~ - between slashes)',
    ],
    ['PORT negative', { PORT: '-1' }, 'PORT: must be a whole number from 0 to 65535'],
    ['PORT too high', { PORT: '65536' }, 'PORT: must be from 0 to 65535'],
    ['PORT fractional', { PORT: '80.5' }, 'PORT: must be a whole number from 0 to 65535'],
    ['PORT in hex', { PORT: '0x10' }, 'PORT: must be a whole number from 0 to 65535'],
    ['PORT with an exponent', { PORT: '1e3' }, 'PORT: must be a whole number from 0 to 65535'],
    [
      'a token too short',
      { HUBSPOT_ACCESS_TOKEN: 'pat' },
      'HUBSPOT_ACCESS_TOKEN: must be a private-app token such as pat-na1-…',
    ],
    [
      'a token with a space',
      { HUBSPOT_ACCESS_TOKEN: 'pat-na1 abc' },
      'HUBSPOT_ACCESS_TOKEN: must be a private-app token such as pat-na1-…',
    ],
    [
      'a token with a line break',
      { HUBSPOT_ACCESS_TOKEN: 'pat-na1-a\r\nX-Evil: 1' },
      'HUBSPOT_ACCESS_TOKEN: must be a private-app token such as pat-na1-…',
    ],
    [
      'a token over 512 characters',
      { HUBSPOT_ACCESS_TOKEN: `pat-${'x'.repeat(509)}` },
      'HUBSPOT_ACCESS_TOKEN: must be a private-app token such as pat-na1-…',
    ],
    [
      'plain http to a remote host',
      { HUBSPOT_BASE_URL: 'http://api.hubapi.com' },
      `HUBSPOT_BASE_URL: ${https}`,
    ],
    [
      'plain http to another loopback address',
      { HUBSPOT_BASE_URL: 'http://127.0.0.2:3100' },
      `HUBSPOT_BASE_URL: ${https}`,
    ],
    [
      'plain http to a host named like localhost',
      { HUBSPOT_BASE_URL: 'http://localhost.evil.example' },
      `HUBSPOT_BASE_URL: ${https}`,
    ],
    ['not a URL', { HUBSPOT_BASE_URL: 'not a url' }, 'HUBSPOT_BASE_URL: Invalid URL'],
    ['a scheme without a host', { HUBSPOT_BASE_URL: 'https://' }, 'HUBSPOT_BASE_URL: Invalid URL'],
    [
      'another scheme',
      { HUBSPOT_BASE_URL: 'ftp://api.hubapi.com' },
      /^ {2}HUBSPOT_BASE_URL: Invalid URL\n/,
    ],
    ['rate limit 0', { HUBSPOT_RATE_LIMIT: '0' }, 'HUBSPOT_RATE_LIMIT: must be from 1 to 10000'],
    [
      'rate limit too high',
      { HUBSPOT_RATE_LIMIT: '10001' },
      'HUBSPOT_RATE_LIMIT: must be from 1 to 10000',
    ],
    [
      'rate limit in words',
      { HUBSPOT_RATE_LIMIT: 'hundred' },
      'HUBSPOT_RATE_LIMIT: must be a whole number from 1 to 10000',
    ],
    [
      'a frame ancestor path',
      { FRAME_ANCESTORS: 'https://admin.example.com/page' },
      "FRAME_ANCESTORS.0: each source must be 'self', 'none' or an origin such as https://admin.example.com",
    ],
    [
      'a frame ancestor unquoted self',
      { FRAME_ANCESTORS: 'self' },
      "FRAME_ANCESTORS.0: each source must be 'self', 'none' or an origin such as https://admin.example.com",
    ],
    [
      'a directive smuggled into frame ancestors',
      { FRAME_ANCESTORS: "'self'; script-src *" },
      /FRAME_ANCESTORS\.0: each source/,
    ],
    [
      'an identity header with a colon',
      { TRUST_IDENTITY_HEADER: 'X-User: admin' },
      'TRUST_IDENTITY_HEADER: must be a header name such as X-Forwarded-User',
    ],
    [
      'an identity header over 64 characters',
      { TRUST_IDENTITY_HEADER: 'X'.repeat(65) },
      'TRUST_IDENTITY_HEADER: must be a header name such as X-Forwarded-User',
    ],
    [
      'an upload deadline under a minute',
      { UPLOAD_DEADLINE_MS: '5000' },
      'UPLOAD_DEADLINE_MS: must be from 60000 to 86400000',
    ],
    [
      'a queue wait under a second',
      { UPLOAD_QUEUE_TIMEOUT_MS: '10' },
      'UPLOAD_QUEUE_TIMEOUT_MS: must be from 1000 to 600000',
    ],
    [
      'an unknown time zone',
      { HUBSPOT_TIME_ZONE: 'Mars/Olympus' },
      'HUBSPOT_TIME_ZONE: must be an IANA time zone such as Europe/Berlin or America/New_York',
    ],
    [
      'an allowed host with a path',
      { ALLOWED_HOSTS: 'imports.example.com/x' },
      'ALLOWED_HOSTS.0: each entry must be a host name such as imports.example.com, optionally with :port',
    ],
    [
      'an allowed host with a scheme',
      { ALLOWED_HOSTS: 'localhost https://imports.example.com' },
      'ALLOWED_HOSTS.1: each entry must be a host name such as imports.example.com, optionally with :port',
    ],
    [
      'a public origin with a path',
      { PUBLIC_ORIGIN: 'https://imports.example.com/app' },
      'PUBLIC_ORIGIN: must be an origin only, such as https://imports.example.com (no path)',
    ],
    ['a public origin not a URL', { PUBLIC_ORIGIN: 'imports' }, /^ {2}PUBLIC_ORIGIN: Invalid URL/],
    [
      'an unknown log level',
      { LOG_LEVEL: 'loud' },
      /^ {2}LOG_LEVEL: Invalid option: expected one of "debug"\|"info"\|"warn"\|"error"\|"silent"$/,
    ],
    [
      'a negative cache time',
      { IMPORT_STATUS_CACHE_MS: '-5' },
      'IMPORT_STATUS_CACHE_MS: must be a whole number from 0 to 60000',
    ],
    [
      'a cache time over a minute',
      { IMPORT_STATUS_CACHE_MS: '60001' },
      'IMPORT_STATUS_CACHE_MS: must be from 0 to 60000',
    ],
    [
      'a Redis URL of another scheme (the password is not echoed)',
      { REDIS_URL: 'http://:hunter2@cache:6379' },
      'REDIS_URL: must be a redis:// or rediss:// URL',
    ],
    [
      'a key prefix with a brace',
      { REDIS_KEY_PREFIX: 'a{b}' },
      'REDIS_KEY_PREFIX: must be 1–64 letters, digits, _ . or -',
    ],
    ['no replicas', { PROXY_REPLICAS: '0' }, 'PROXY_REPLICAS: must be from 1 to 100'],
  ])('%s', (_case, source, expected) => {
    const reported = problems(source)
    if (typeof expected === 'string') expect(reported).toBe(`  ${expected}`)
    else expect(reported).toMatch(expected)
  })

  it('lists every bad variable at once', () => {
    const reported = problems({
      PORT: 'x',
      HUBSPOT_BASE_URL: 'not a url',
      HUBSPOT_RATE_LIMIT: '0',
      LOG_LEVEL: 'loud',
    })
    expect(reported.split('\n').map((line) => line.trim().split(':')[0])).toEqual([
      'PORT',
      'HUBSPOT_BASE_URL',
      'HUBSPOT_RATE_LIMIT',
      'LOG_LEVEL',
    ])
  })

  it.each([
    ['too short', 'canary'],
    ['with a space', 'pat-canary secret'],
    ['with a non-ASCII character', 'pat-canary-sécret'],
    ['too long', `pat-canary-${'s'.repeat(600)}`],
  ])('never echoes a bad token (%s)', (_case, token) => {
    const reported = problems({ HUBSPOT_ACCESS_TOKEN: token, PORT: token, HOST: '' })
    expect(reported).toContain('HUBSPOT_ACCESS_TOKEN')
    expect(reported).not.toContain('canary')
  })
})
