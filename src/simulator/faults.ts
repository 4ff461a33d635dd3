// Injectable HubSpot faults for tests: the spec, the queue, HTML edge pages, cut answers
import { STATUS_CODES } from 'node:http'
import * as z from 'zod'
import { RATE_LIMIT_POLICIES } from '#shared/hubspot/error-body.ts'

export const FAULT_STATUSES = [423, 429, 477, 500, 502, 503, 504] as const

/**
 * A fault for the next `count` requests matching `method` and `pathPrefix`, for the proxy's fault tests:
 * an error status, a slow answer (`delayMs`, then the real answer or the `status`), or a dropped
 * connection (`drop`, after `dropAfterBytes` of the request body when set: a reset mid-upload), or
 * an answer cut off (`dropAnswerAfterBytes`: the request is handled, so a create makes its import,
 * then only that many bytes of the answer are sent before the connection is closed).
 */
export const faultSpecSchema = z
  .strictObject({
    status: z.union(FAULT_STATUSES.map((s) => z.literal(s))).optional(),
    /** for 429: which limit was hit (default TEN_SECONDLY_ROLLING) */
    policyName: z.enum(RATE_LIMIT_POLICIES).optional(),
    /** raw `Retry-After` value, so tests can also send malformed ones; 477 defaults to '60' */
    retryAfter: z.string().optional(),
    /** answer 5xx with an HTML edge page instead of JSON */
    html: z.boolean().optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    drop: z.boolean().optional(),
    dropAfterBytes: z.number().int().min(0).optional(),
    dropAnswerAfterBytes: z.number().int().min(0).optional(),
    count: z.number().int().min(1).default(1),
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .optional(),
    pathPrefix: z.string().startsWith('/').optional(),
  })
  .refine(
    (f) =>
      f.status !== undefined ||
      f.delayMs !== undefined ||
      f.drop === true ||
      f.dropAnswerAfterBytes !== undefined,
    { error: 'a fault needs a status, a delayMs, drop: true or dropAnswerAfterBytes' },
  )
export type FaultSpec = z.infer<typeof faultSpecSchema>

/** Pending faults, each used up by the requests it matches, oldest first. */
export function createFaultQueue() {
  let pending: { spec: FaultSpec; remaining: number }[] = []

  return {
    add(spec: FaultSpec): void {
      pending.push({ spec, remaining: spec.count })
    },
    /** The fault for this request, if one matches; it counts as used. */
    take(method: string, path: string): FaultSpec | undefined {
      const entry = pending.find(
        ({ spec }) =>
          (spec.method === undefined || spec.method === method.toUpperCase()) &&
          (spec.pathPrefix === undefined || path.startsWith(spec.pathPrefix)),
      )
      if (!entry) return undefined
      entry.remaining--
      pending = pending.filter((e) => e.remaining > 0)
      return entry.spec
    },
    list: (): { spec: FaultSpec; remaining: number }[] => pending.map((e) => ({ ...e })),
    clear(): void {
      pending = []
    },
  }
}

export type FaultQueue = ReturnType<typeof createFaultQueue>

/** An edge page like the one a CDN answers with (HubSpot's edge sometimes answers HTML instead of JSON). */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1><hr><p>cloudflare</p></body></html>\n`
}

/**
 * The answer as it goes on the wire (status line, headers, body), cut after `bytes`: what the
 * client receives when the connection breaks while HubSpot is answering.
 */
export async function cutAnswer(response: Response, bytes: number): Promise<Buffer> {
  const body = Buffer.from(await response.arrayBuffer())
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`]
  for (const [name, value] of response.headers) {
    if (name !== 'content-length' && name !== 'transfer-encoding') head.push(`${name}: ${value}`)
  }
  head.push(`content-length: ${body.length}`, 'connection: close', '', '')
  return Buffer.concat([Buffer.from(head.join('\r\n')), body]).subarray(0, bytes)
}
