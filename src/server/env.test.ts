// parseEnv: defaults, accepted values and refusals of the proxy's environment variables
import { describe, expect, it } from 'vitest'
import { parseEnv, type Env } from './env.ts'

const DEFAULTS: Env = {
  PORT: 3000,
  HOST: '127.0.0.1',
  HUBSPOT_BASE_URL: 'https://api.hubapi.com',
  HUBSPOT_RATE_LIMIT: 100,
  HUBSPOT_TIME_ZONE: 'UTC',
  FRAME_ANCESTORS: ["'self'"],
  BASE_PATH: '',
  UPLOAD_MIN_BYTES_PER_SECOND: 1024,
  UPLOAD_DEADLINE_MS: 3_600_000,
  UPLOAD_QUEUE_LENGTH: 100,
  UPLOAD_QUEUE_TIMEOUT_MS: 60_000,
  LOG_LEVEL: 'info',
  IMPORT_STATUS_CACHE_MS: 2000,
  REDIS_KEY_PREFIX: 'hubspot-import',
  REDIS_COMMAND_TIMEOUT_MS: 1000,
  REDIS_CONNECT_TIMEOUT_MS: 10_000,
  PROXY_REPLICAS: 2,
}

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

describe('parseEnv defaults', () => {
  it.each([
    ['nothing set', {}],
    ['every key empty, as in a fresh copy of .env.example', 'empty'],
    ['every key blank', 'blank'],
  ] as const)('%s → the defaults, no token, no identity header', (_case, source) => {
    const keys = [
      ...Object.keys(DEFAULTS),
      'HUBSPOT_ACCESS_TOKEN',
      'TRUST_IDENTITY_HEADER',
      'REDIS_URL',
    ]
    const env =
      source === 'empty' || source === 'blank'
        ? Object.fromEntries(keys.map((key) => [key, source === 'empty' ? '' : '  ']))
        : source
    expect(parseEnv(env)).toEqual(DEFAULTS)
  })
})

describe('parseEnv values', () => {
  it.each<[string, NodeJS.ProcessEnv, Partial<Env> & Record<string, unknown>]>([
    ['PORT 0 (any free port)', { PORT: '0' }, { PORT: 0 }],
    ['PORT 65535', { PORT: '65535' }, { PORT: 65535 }],
    ['PORT with spaces around', { PORT: ' 8080 ' }, { PORT: 8080 }],
    ['HOST', { HOST: '0.0.0.0' }, { HOST: '0.0.0.0' }],
    ['BASE_PATH at the root', { BASE_PATH: '/' }, { BASE_PATH: '' }],
    ['BASE_PATH', { BASE_PATH: '/tools/import' }, { BASE_PATH: '/tools/import' }],
    [
      'BASE_PATH with a trailing slash',
      { BASE_PATH: '/tools/import/' },
      { BASE_PATH: '/tools/import' },
    ],
    [
      'a token',
      { HUBSPOT_ACCESS_TOKEN: 'pat-na1-abc123' },
      { HUBSPOT_ACCESS_TOKEN: 'pat-na1-abc123' },
    ],
    [
      'a token with spaces around',
      { HUBSPOT_ACCESS_TOKEN: ' pat-na1-x ' },
      { HUBSPOT_ACCESS_TOKEN: 'pat-na1-x' },
    ],
    [
      'an https base URL',
      { HUBSPOT_BASE_URL: 'https://hs.example.com/prefix' },
      { HUBSPOT_BASE_URL: 'https://hs.example.com/prefix' },
    ],
    [
      'http on 127.0.0.1',
      { HUBSPOT_BASE_URL: 'http://127.0.0.1:3100' },
      { HUBSPOT_BASE_URL: 'http://127.0.0.1:3100' },
    ],
    [
      'http on localhost',
      { HUBSPOT_BASE_URL: 'http://localhost:3100' },
      { HUBSPOT_BASE_URL: 'http://localhost:3100' },
    ],
    [
      'http on [::1]',
      { HUBSPOT_BASE_URL: 'http://[::1]:3100' },
      { HUBSPOT_BASE_URL: 'http://[::1]:3100' },
    ],
    ['rate limit 1', { HUBSPOT_RATE_LIMIT: '1' }, { HUBSPOT_RATE_LIMIT: 1 }],
    ['rate limit 10000', { HUBSPOT_RATE_LIMIT: '10000' }, { HUBSPOT_RATE_LIMIT: 10_000 }],
    [
      'frame ancestors, space-separated',
      { FRAME_ANCESTORS: "  'self'   https://admin.example.com:8443 " },
      { FRAME_ANCESTORS: ["'self'", 'https://admin.example.com:8443'] },
    ],
    ['frame ancestors none', { FRAME_ANCESTORS: "'none'" }, { FRAME_ANCESTORS: ["'none'"] }],
    [
      'frame ancestors wildcard subdomain',
      { FRAME_ANCESTORS: 'https://*.example.com' },
      { FRAME_ANCESTORS: ['https://*.example.com'] },
    ],
    [
      'identity header, lower-cased',
      { TRUST_IDENTITY_HEADER: 'X-Forwarded-User' },
      { TRUST_IDENTITY_HEADER: 'x-forwarded-user' },
    ],
    [
      'allowed hosts, comma- or space-separated, lower-cased',
      { ALLOWED_HOSTS: ' Imports.Example.com, tool.internal:3000 [::1]' },
      { ALLOWED_HOSTS: ['imports.example.com', 'tool.internal:3000', '[::1]'] },
    ],
    [
      'a public origin, trailing slash dropped',
      { PUBLIC_ORIGIN: 'https://imports.example.com/' },
      { PUBLIC_ORIGIN: 'https://imports.example.com' },
    ],
    [
      'a public origin with a port',
      { PUBLIC_ORIGIN: 'https://imports.example.com:8443' },
      { PUBLIC_ORIGIN: 'https://imports.example.com:8443' },
    ],
    [
      'the account time zone',
      { HUBSPOT_TIME_ZONE: 'Europe/Berlin' },
      { HUBSPOT_TIME_ZONE: 'Europe/Berlin' },
    ],
    [
      'upload limits',
      {
        UPLOAD_MIN_BYTES_PER_SECOND: '0',
        UPLOAD_DEADLINE_MS: '7200000',
        UPLOAD_QUEUE_LENGTH: '0',
        UPLOAD_QUEUE_TIMEOUT_MS: '5000',
      },
      {
        UPLOAD_MIN_BYTES_PER_SECOND: 0,
        UPLOAD_DEADLINE_MS: 7_200_000,
        UPLOAD_QUEUE_LENGTH: 0,
        UPLOAD_QUEUE_TIMEOUT_MS: 5_000,
      },
    ],
    ['log level', { LOG_LEVEL: 'silent' }, { LOG_LEVEL: 'silent' }],
    ['no status sharing', { IMPORT_STATUS_CACHE_MS: '0' }, { IMPORT_STATUS_CACHE_MS: 0 }],
    [
      'longest status sharing',
      { IMPORT_STATUS_CACHE_MS: '60000' },
      { IMPORT_STATUS_CACHE_MS: 60_000 },
    ],
    ['Redis', { REDIS_URL: 'redis://redis:6379/0' }, { REDIS_URL: 'redis://redis:6379/0' }],
    [
      'Redis over TLS with a password',
      { REDIS_URL: 'rediss://:secret@cache.example.com:6380' },
      { REDIS_URL: 'rediss://:secret@cache.example.com:6380' },
    ],
    [
      'replica settings',
      {
        REDIS_KEY_PREFIX: 'imports.prod',
        REDIS_COMMAND_TIMEOUT_MS: '250',
        REDIS_CONNECT_TIMEOUT_MS: '30000',
        PROXY_REPLICAS: '3',
      },
      {
        REDIS_KEY_PREFIX: 'imports.prod',
        REDIS_COMMAND_TIMEOUT_MS: 250,
        REDIS_CONNECT_TIMEOUT_MS: 30_000,
        PROXY_REPLICAS: 3,
      },
    ],
  ])('%s', (_case, source, expected) => {
    expect(parseEnv(source)).toEqual({ ...DEFAULTS, ...expected })
  })
})

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
