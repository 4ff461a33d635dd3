// The proxy's environment variables: a zod schema with defaults, every bad one listed at once
import * as z from 'zod'
import { isTimeZone } from './rate-limit-advice.ts'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]']

// `.env` copied from `.env.example` leaves keys empty: treat "" as unset
const optionalString = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
)

const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess(
    (value) =>
      value === undefined || (typeof value === 'string' && value.trim() === '') ? fallback : value,
    schema,
  )

/** A whole number written in decimal digits: Number() would also take "0x10", "1e3" or " 8 0". */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be from ${min} to ${max}` })
        .max(max, { error: `must be from ${min} to ${max}` }),
    )

const frameSource = z
  .string()
  .refine(
    (source) =>
      source === "'self'" ||
      source === "'none'" ||
      /^https?:\/\/[a-z0-9.*-]+(:\d+)?$/i.test(source),
    { error: "each source must be 'self', 'none' or an origin such as https://admin.example.com" },
  )

/** An ALLOWED_HOSTS entry: a host name or IP (v6 in brackets), optionally with a port. */
const hostEntry = z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)(:\d{1,5})?$/, {
  error: 'each entry must be a host name such as imports.example.com, optionally with :port',
})

/**
 * BASE_PATH as the app uses it: `''` for the root, otherwise `/tools/import` (one leading
 * slash, no trailing one), so `${basePath}/api` is always a well-formed path.
 */
export function normalizeBasePath(value: string): string {
  return value.replace(/\/+$/, '')
}

const basePath = z
  .string()
  .trim()
  .regex(/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/, {
    error: 'must be a path such as /tools/import (letters, digits, . _ ~ - between slashes)',
  })
  .transform(normalizeBasePath)

export const envSchema = z.object({
  PORT: withDefault(wholeNumber(0, 65535), '3000'),
  HOST: withDefault(z.string().min(1), '127.0.0.1'),
  HUBSPOT_ACCESS_TOKEN: optionalString.pipe(
    z
      .string()
      // it goes into a header: printable ASCII only, and never echoed in this message
      .regex(/^[\x21-\x7e]{8,512}$/, { error: 'must be a private-app token such as pat-na1-…' })
      .optional(),
  ),
  HUBSPOT_BASE_URL: withDefault(
    z.url({ protocol: /^https?$/ }).refine(
      (value) => {
        // an unparsable URL is z.url's to report: new URL() would throw out of safeParse
        if (!URL.canParse(value)) return true
        const url = new URL(value)
        return url.protocol === 'https:' || LOOPBACK_HOSTS.includes(url.hostname)
      },
      { error: 'must use https (plain http only for a loopback simulator)' },
    ),
    'https://api.hubapi.com',
  ),
  HUBSPOT_RATE_LIMIT: withDefault(wholeNumber(1, 10_000), '100'),
  HUBSPOT_TIME_ZONE: withDefault(
    z.string().trim().refine(isTimeZone, {
      error: 'must be an IANA time zone such as Europe/Berlin or America/New_York',
    }),
    'UTC',
  ),
  FRAME_ANCESTORS: withDefault(
    z
      .string()
      .transform((value) => value.trim().split(/\s+/))
      .pipe(z.array(frameSource).min(1)),
    "'self'",
  ),
  /** the sub-path a reverse proxy serves the app under; the page, its assets and /api move there */
  BASE_PATH: withDefault(basePath, '/'),
  ALLOWED_HOSTS: optionalString.pipe(
    z
      .string()
      .transform((value) =>
        value
          .toLowerCase()
          .split(/[\s,]+/)
          .filter(Boolean),
      )
      .pipe(z.array(hostEntry).min(1))
      .optional(),
  ),
  PUBLIC_ORIGIN: optionalString.pipe(
    z
      .url({ protocol: /^https?$/ })
      .refine(
        (value) => !URL.canParse(value) || new URL(value).href === `${new URL(value).origin}/`,
        {
          error: 'must be an origin only, such as https://imports.example.com (no path)',
        },
      )
      .transform((value) => new URL(value).origin)
      .optional(),
  ),
  TRUST_IDENTITY_HEADER: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'must be a header name such as X-Forwarded-User' })
      .transform((name) => name.toLowerCase())
      .optional(),
  ),
  UPLOAD_MIN_BYTES_PER_SECOND: withDefault(wholeNumber(0, 100_000_000), '1024'),
  UPLOAD_DEADLINE_MS: withDefault(wholeNumber(60_000, 86_400_000), '3600000'),
  UPLOAD_QUEUE_LENGTH: withDefault(wholeNumber(0, 10_000), '100'),
  UPLOAD_QUEUE_TIMEOUT_MS: withDefault(wholeNumber(1_000, 600_000), '60000'),
  REDIS_URL: optionalString.pipe(
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  ),
  REDIS_KEY_PREFIX: withDefault(
    z.string().regex(/^[\w.-]{1,64}$/, { error: 'must be 1–64 letters, digits, _ . or -' }),
    'hubspot-import',
  ),
  REDIS_COMMAND_TIMEOUT_MS: withDefault(wholeNumber(20, 10_000), '1000'),
  REDIS_CONNECT_TIMEOUT_MS: withDefault(wholeNumber(100, 300_000), '10000'),
  PROXY_REPLICAS: withDefault(wholeNumber(1, 100), '2'),
  LOG_LEVEL: withDefault(z.enum(LOG_LEVELS), 'info'),
  IMPORT_STATUS_CACHE_MS: withDefault(wholeNumber(0, 60_000), '2000'),
})

export type Env = z.infer<typeof envSchema>

/** Parses the process environment, listing every bad variable at once (never their values). */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`,
  )
  throw new Error(`Invalid configuration (see .env.example):\n${lines.join('\n')}`)
}
