// Path and query validation for the forwarded routes (zod through zValidator), and the upstream URL
import { zValidator } from '@hono/zod-validator'
import * as z from 'zod'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import { ProxyError } from './errors.ts'

/** HubSpot's import ids are int64 strings. */
const IMPORT_ID = /^\d{1,19}$/
/** objectTypeIds: 0-1 for standard objects, 2-123 for custom ones */
const OBJECT_TYPE_ID = /^\d-\d{1,12}$/
const OBJECT_TYPE_NAMES: readonly string[] = OBJECT_TYPES.flatMap((o) => [o.name, o.singular])

export const importIdParam = z.object({
  importId: z.string().regex(IMPORT_ID, { error: 'importId must be a number (digits only).' }),
})

export const objectTypeParam = z.object({
  objectType: z
    .string()
    .refine((raw) => OBJECT_TYPE_NAMES.includes(raw) || OBJECT_TYPE_ID.test(raw), {
      error: `objectType must be one of ${OBJECT_TYPE_NAMES.join(', ')} or an objectTypeId such as 0-1 or 2-123.`,
    }),
})

// one value per parameter: a repeated one arrives as an array and fails these
const cursor = z.string().regex(/^[\x21-\x7e]{1,512}$/)
const bool = z.enum(['true', 'false'])
const limit = z
  .string()
  .regex(/^\d{1,4}$/)
  .refine((value) => Number(value) >= 1 && Number(value) <= 1000)

/** The query parameters each operation may pass on, with their allowed values; nothing else. */
export const QUERIES = {
  listImports: z.strictObject({
    after: cursor.optional(),
    before: cursor.optional(),
    limit: limit.optional(),
  }),
  getImport: z.strictObject({}),
  cancelImport: z.strictObject({}),
  getImportErrors: z.strictObject({
    after: cursor.optional(),
    limit: limit.optional(),
    includeErrorMessage: bool.optional(),
    includeRowData: bool.optional(),
  }),
  listProperties: z.strictObject({
    archived: bool.optional(),
    properties: z
      .string()
      .regex(/^[A-Za-z0-9_.,-]{1,4000}$/)
      .optional(),
    dataSensitivity: z.enum(['non_sensitive', 'sensitive', 'highly_sensitive']).optional(),
  }),
  createProperty: z.strictObject({}),
}

export type Operation = keyof typeof QUERIES

/** The one error a refused path or query gets: a 400 naming the first problem. */
export function validationFailure(
  target: 'param' | 'query',
  error: { issues: readonly z.core.$ZodIssue[] },
  allowed: readonly string[],
): ProxyError {
  const refuse = (message: string) => new ProxyError(400, 'VALIDATION_ERROR', message)
  // an unknown parameter is named first, whatever else is wrong: it is never forwarded
  const unknown = error.issues.find((issue) => issue.code === 'unrecognized_keys')
  const issue = unknown ?? error.issues[0]
  if (target === 'param') return refuse(issue?.message ?? 'Invalid path.')
  if (unknown?.code === 'unrecognized_keys') {
    const name = unknown.keys[0] ?? ''
    return refuse(
      `Query parameter "${name.slice(0, 64)}" is not allowed here${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`,
    )
  }
  return refuse(`Query parameter "${String(issue?.path[0] ?? '')}" has an invalid value.`)
}

/** Validates a route's path parameters; a refusal is thrown as the proxy's 400. */
export const validParams = <T extends typeof importIdParam | typeof objectTypeParam>(schema: T) =>
  zValidator('param', schema, (result) => {
    if (!result.success) throw validationFailure('param', result.error, [])
  })

/** Validates an operation's query against its allow-list; anything else is a 400, never forwarded. */
export const validQuery = <O extends Operation>(operation: O) =>
  zValidator('query', QUERIES[operation], (result) => {
    if (!result.success) {
      throw validationFailure('query', result.error, Object.keys(QUERIES[operation].shape))
    }
  })

/** The validated query as the parameters to send upstream. */
export function forwardedQuery(query: Record<string, string | undefined>): URLSearchParams {
  const out = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value !== undefined) out.set(name, value)
  return out
}

/**
 * Builds the upstream URL from the configured base and a path made of validated parts, then checks
 * the result is exactly that path on that host (a value such as `../objects/contacts/batch/archive`
 * spliced into a path would otherwise reach another HubSpot endpoint with our token).
 */
export function upstreamUrl(base: URL, path: string, query?: URLSearchParams): URL {
  const url = new URL(base.href)
  const prefix = base.pathname.replace(/\/+$/, '')
  url.pathname = `${prefix}${path}`
  url.search = query?.toString() ?? ''
  url.hash = ''
  if (url.origin !== base.origin || url.pathname !== `${prefix}${path}`) {
    throw new ProxyError(400, 'VALIDATION_ERROR', 'Invalid path.')
  }
  return url
}
