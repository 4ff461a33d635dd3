/**
 * After a create whose outcome is unknown, the import it may have made, looked up in HubSpot's
 * imports list before anything is sent again.
 *
 * Choices where HubSpot's documentation is silent:
 * - The list's order, page size and how long a new import takes to appear in it are not
 *   documented: every page is read (up to `maxPages`, 5 × 100 covers HubSpot's 500 imports a day),
 *   and an import is expected in the list once HubSpot has answered the create's upload.
 * - `importRequestJson` is "the complete import request configuration": HubSpot may add defaults
 *   to it, so an import matches when every field the proxy sent is in it with the same value.
 *   Without `importRequestJson` (or as a string that is not JSON) the import name must match.
 * - `createdAt` is HubSpot's clock: it must fall between the first attempt's start and now, each
 *   widened by `clockSkewMs` for the difference between the two clocks.
 */
import { ProxyError, headerValue, parseJson, type UpstreamResponse } from '../../errors.ts'
import type { PinnedAttempt, StoredResult } from './idempotency.ts'

export interface ReconcileOptions {
  maxPages?: number
  clockSkewMs?: number
  now?: () => number
}

interface Candidate {
  createdAt?: unknown
  importName?: unknown
  importRequestJson?: unknown
}

/** Whether `sent` is contained in `echoed`: equal scalars, every key of an object, arrays item by item. */
export function containsRequest(echoed: unknown, sent: unknown): boolean {
  if (Array.isArray(sent)) {
    return (
      Array.isArray(echoed) &&
      echoed.length === sent.length &&
      sent.every((item, i) => containsRequest(echoed[i], item))
    )
  }
  if (sent !== null && typeof sent === 'object') {
    if (echoed === null || typeof echoed !== 'object' || Array.isArray(echoed)) return false
    return Object.entries(sent).every(([key, value]) =>
      containsRequest((echoed as Record<string, unknown>)[key], value),
    )
  }
  return Object.is(echoed, sent)
}

/** Whether a listed import is the one `attempt` may have created. */
export function madeByAttempt(
  candidate: Candidate,
  attempt: PinnedAttempt,
  { now, clockSkewMs }: { now: number; clockSkewMs: number },
): boolean {
  const created = typeof candidate.createdAt === 'string' ? Date.parse(candidate.createdAt) : NaN
  if (!(created >= attempt.sentAt - clockSkewMs && created <= now + clockSkewMs)) return false
  let echoed = candidate.importRequestJson
  if (typeof echoed === 'string') echoed = parseJson(Buffer.from(echoed))
  if (echoed !== null && typeof echoed === 'object') {
    return containsRequest(echoed, attempt.importRequest)
  }
  return candidate.importName === attempt.importRequest.name
}

/**
 * The import `attempt` created, as the create's answer, or undefined when HubSpot's list shows
 * none. When the list cannot be read the outcome stays unknown: 503, and nothing may be sent.
 */
export async function findAttemptImport(
  listPage: (after: string | undefined) => Promise<UpstreamResponse>,
  attempt: PinnedAttempt,
  options: ReconcileOptions = {},
): Promise<StoredResult | undefined> {
  const maxPages = options.maxPages ?? 5
  const clockSkewMs = options.clockSkewMs ?? 120_000
  const now = (options.now ?? Date.now)()
  const found: Candidate[] = []
  let after: string | undefined
  for (let page = 0; page < maxPages; page++) {
    const response = await listPage(after).catch((error: unknown) => {
      throw stillChecking(error instanceof ProxyError ? error.headers['Retry-After'] : undefined)
    })
    const body = parseJson(response.body) as
      { results?: unknown; paging?: { next?: { after?: unknown } } } | undefined
    if (response.status !== 200 || !Array.isArray(body?.results)) {
      throw stillChecking(headerValue(response.headers['retry-after']))
    }
    for (const candidate of body.results as Candidate[]) {
      if (madeByAttempt(candidate, attempt, { now, clockSkewMs })) found.push(candidate)
    }
    const next = body.paging?.next?.after
    if (typeof next !== 'string' || next === '') break
    after = next
  }
  // the earliest: a later match would be someone else's import of the same request
  const first = found.sort(
    (a, b) => Date.parse(String(a.createdAt)) - Date.parse(String(b.createdAt)),
  )[0]
  if (!first) return undefined
  return {
    status: 200,
    body: Buffer.from(JSON.stringify(first)),
    headers: { 'content-type': 'application/json' },
  }
}

function stillChecking(retryAfter: string | undefined): ProxyError {
  const seconds = Number(retryAfter)
  return new ProxyError(
    503,
    'OUTCOME_UNKNOWN',
    'Still checking with HubSpot whether the first attempt created this import: its list of imports could not be read. Nothing was sent again; try again in a moment.',
    {},
    { 'Retry-After': String(Number.isInteger(seconds) && seconds > 0 ? Math.min(seconds, 60) : 5) },
  )
}
