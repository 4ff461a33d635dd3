// parseEnv: the defaults and the accepted values of the proxy's environment variables
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
