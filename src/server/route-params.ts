// Path and query validation for the forwarded routes, and the upstream URL built from them
import type { ApiVersion } from '#shared/api-paths.ts'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import { ProxyError } from './errors.ts'

/** HubSpot's import ids are int64 strings. */
const IMPORT_ID = /^\d{1,19}$/
/** objectTypeIds: 0-1 for standard objects, 2-123 for custom ones */
const OBJECT_TYPE_ID = /^\d-\d{1,12}$/
const OBJECT_TYPE_NAMES: readonly string[] = OBJECT_TYPES.flatMap((o) => [o.name, o.singular])

export function validImportId(raw: string | undefined): string {
  if (raw === undefined || !IMPORT_ID.test(raw)) {
    throw new ProxyError(400, 'VALIDATION_ERROR', 'importId must be a number (digits only).')
  }
  return raw
}

export function validObjectType(raw: string | undefined): string {
  if (raw === undefined || !(OBJECT_TYPE_NAMES.includes(raw) || OBJECT_TYPE_ID.test(raw))) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `objectType must be one of ${OBJECT_TYPE_NAMES.join(', ')} or an objectTypeId such as 0-1 or 2-123.`,
    )
  }
  return raw
}

const cursor = (value: string) => /^[\x21-\x7e]{1,512}$/.test(value)
const bool = (value: string) => value === 'true' || value === 'false'
const limit = (value: string) =>
  /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= 1000

/** The query parameters each operation may pass on, with their allowed values. */
export const QUERY_RULES = {
  listImports: { after: cursor, before: cursor, limit },
  getImport: {},
  cancelImport: {},
  getImportErrors: { after: cursor, limit, includeErrorMessage: bool, includeRowData: bool },
  listProperties: {
    archived: bool,
    properties: (value: string) => /^[A-Za-z0-9_.,-]{1,4000}$/.test(value),
    dataSensitivity: (value: string) =>
      ['non_sensitive', 'sensitive', 'highly_sensitive'].includes(value),
  },
  createImport: {},
  createProperty: {},
} satisfies Record<string, Record<string, (value: string) => boolean>>

export type Operation = keyof typeof QUERY_RULES

/** Keeps only allow-listed, well-formed parameters; anything else is a 400, never forwarded. */
export function validQuery(operation: Operation, search: URLSearchParams): URLSearchParams {
  const rules: Record<string, (value: string) => boolean> = QUERY_RULES[operation]
  const out = new URLSearchParams()
  for (const name of new Set(search.keys())) {
    const rule = rules[name]
    const values = search.getAll(name)
    if (!rule) {
      const allowed = Object.keys(rules)
      throw new ProxyError(
        400,
        'VALIDATION_ERROR',
        `Query parameter "${name.slice(0, 64)}" is not allowed here${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`,
      )
    }
    if (values.length !== 1 || !rule(values[0] ?? '')) {
      throw new ProxyError(
        400,
        'VALIDATION_ERROR',
        `Query parameter "${name}" has an invalid value.`,
      )
    }
    out.set(name, values[0] ?? '')
  }
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

export type { ApiVersion }
