/**
 * What the browser sees when a create goes wrong, and which parts of HubSpot's answer pass
 * through. A create must not be retried blindly once bytes may have reached HubSpot, so every
 * failure after that point says the outcome is unknown (and a keyed retry reconciles first).
 */
import { publicImportResponseSchema } from '#shared/hubspot/public-import-response.ts'
import { sizeInWords } from '#shared/size-in-words.ts'
import {
  ProxyError,
  headerValue,
  parseJson,
  type ErrorResponse,
  type UpstreamResponse,
} from '../../errors.ts'
import type { StoredResult } from './idempotency.ts'

const PASSED_HEADERS =
  /^(content-type|retry-after|x-hubspot-ratelimit-.*|x-hubspot-correlation-id)$/i

/** The browser went away: nobody is left to answer, so nothing is logged as a failure. */
export class BrowserGone extends Error {
  readonly code = 'BROWSER_GONE'
}

export function tooLarge(maxFileBytes: number): ProxyError {
  return new ProxyError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${sizeInWords(maxFileBytes)}, HubSpot's limit for one import file.`,
  )
}

/**
 * A broken connection to HubSpot. `bodyComplete`: the whole file was sent, so HubSpot may have
 * created the import; before that a failure means nothing was created.
 */
export function uploadError(error: unknown, bodyComplete: boolean): ProxyError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'UPSTREAM_TIMEOUT') {
    return new ProxyError(
      504,
      'OUTCOME_UNKNOWN',
      'HubSpot did not answer in time after receiving the file; the import may or may not have been created. Trying again with the same Idempotency-Key is safe: the proxy first checks HubSpot’s imports for this one and sends the file again only if there is none.',
    )
  }
  if (bodyComplete) {
    return new ProxyError(
      502,
      'OUTCOME_UNKNOWN',
      'The connection to HubSpot broke after the whole file was sent; the import may or may not have been created. Trying again with the same Idempotency-Key is safe: the proxy first checks HubSpot’s imports for this one and sends the file again only if there is none.',
    )
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ProxyError(
      503,
      'UPSTREAM_UNAVAILABLE',
      'HubSpot could not be reached. Nothing was sent; try again shortly.',
    )
  }
  return new ProxyError(
    502,
    'UPSTREAM_CONNECTION_RESET',
    'HubSpot closed the connection during the upload, so no import was created. Try again.',
  )
}

/** A 5xx after the whole file was sent: the import may exist, so the browser must not retry blindly. */
export function outcomeUnknown(status: number, correlationId: string | undefined): ProxyError {
  return new ProxyError(
    502,
    'OUTCOME_UNKNOWN',
    `HubSpot answered ${status} after receiving the whole file, so the import may or may not have been created. Trying again with the same Idempotency-Key is safe: the proxy first checks HubSpot’s imports for this one and sends the file again only if there is none.`,
    correlationId ? { correlationId } : {},
  )
}

/** HubSpot's headers the browser may see (content type, rate limits, correlation id). */
export function passedHeaders(response: UpstreamResponse): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    const one = headerValue(value)
    if (one !== undefined && PASSED_HEADERS.test(name)) out[name] = one
  }
  return out
}

/** An error as the create's JSON answer, keeping HubSpot's retry and rate-limit headers. */
export function errorResult(error: ErrorResponse, headers: Record<string, string>): StoredResult {
  const extra = { ...error.headers }
  const has = (name: string) => Object.keys(extra).some((key) => key.toLowerCase() === name)
  for (const name of ['retry-after', 'x-hubspot-correlation-id']) {
    const value = headers[name]
    if (value && !has(name)) extra[name] = value
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-hubspot-ratelimit-')) extra[name] = value
  }
  return {
    status: error.status,
    body: Buffer.from(JSON.stringify(error.body)),
    headers: { ...extra, 'content-type': 'application/json' },
  }
}

/** The created import's id, for the audit line; undefined unless the body is an import. */
export function importIdOf(body: Buffer): string | undefined {
  const parsed = publicImportResponseSchema.safeParse(parseJson(body))
  return parsed.success ? parsed.data.id : undefined
}
