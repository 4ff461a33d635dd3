import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import {
  BrowserGone,
  errorResult,
  importIdOf,
  outcomeUnknown,
  passedHeaders,
} from './create-import-errors.ts'
import { ProxyError, headerValue, upstreamErrorResponse, type RateLimitContext } from './errors.ts'
import { dateWhenSent, type HubSpotClient } from './hubspot-client.ts'
import type { IdempotencyStore, Lease } from './idempotency.ts'
import { FormFiles } from './form-files.ts'
import { parseImportForm, type ImportForm } from './import-form.ts'
import { beginIdempotentCreate, replayed } from './import-idempotency.ts'
import { checkRequestHeaders } from './import-request-checks.ts'
import { describeError, type Logger } from './logger.ts'
import type { RateSlot } from './rate-budget.ts'
import {
  DEFAULT_UPLOAD_LIMITS,
  closeAfterAnswer,
  watchUpload,
  type UploadLimits,
} from './upload-lifecycle.ts'
import {
  multipartBody,
  multipartPreamble,
  newBoundary,
  openUpstream,
  sendUpload,
} from './upstream-upload.ts'

export interface CreateImportDeps {
  client: HubSpotClient
  logger: Logger
  idempotency: IdempotencyStore
  limits?: RateLimitContext
  /** HubSpot's 512 MB unless lowered (e.g. 20 MB on free portals) */
  maxFileBytes?: number
  /** stall, crawl and deadline limits on the browser's upload (slow-loris guards) */
  uploadLimits?: Partial<UploadLimits>
  /** after the last byte, how long HubSpot may take to answer */
  responseTimeoutMs?: number
}

export interface CreateImportInput {
  incoming: IncomingMessage
  outgoing: ServerResponse
  upstreamUrl: URL
  requestId: string
  user?: string
}

export interface CreateImportResult {
  status: number
  body: Buffer
  headers: Record<string, string>
}

/** What the audit line records about one create, whatever its outcome. */
export interface CreateImportAudit {
  /** the file names, comma-separated when there are two */
  fileName?: string
  importName?: string
  bytes: number
  importId?: string
  replayed?: boolean
}

/**
 * POST …/imports: reads the browser's multipart as a stream (importRequest first, then one file,
 * or two for a two-file import), validates the request and the first file's head before anything
 * goes upstream, then streams a new multipart body to HubSpot with backpressure; a second file is
 * checked the same way as it arrives. Until the closing boundary is written, any failure destroys
 * the upstream request, so HubSpot never sees a well-formed truncated file or a create missing a
 * file; the create is never re-sent once bytes may have reached HubSpot.
 */
export async function createImport(
  input: CreateImportInput,
  deps: CreateImportDeps,
  audit: CreateImportAudit,
): Promise<CreateImportResult> {
  const { incoming, outgoing, requestId } = input
  const { client, logger } = deps
  const maxFileBytes = deps.maxFileBytes ?? IMPORT_LIMITS.maxFileBytes
  const watch = watchUpload(incoming, outgoing, { ...DEFAULT_UPLOAD_LIMITS, ...deps.uploadLimits })
  const { signal, touch, whileProxyWaits } = watch

  let form: ImportForm | undefined
  let upstream: ClientRequest | undefined
  let lease: Lease | undefined
  let slot: RateSlot | undefined
  let stored: CreateImportResult | undefined
  let files: FormFiles | undefined
  try {
    checkRequestHeaders(incoming.headers, maxFileBytes)
    touch()
    form = parseImportForm(incoming, maxFileBytes, signal, touch)

    files = new FormFiles(form, touch)
    // the official Node client sends its file before importRequest: kept on disk meanwhile
    const importRequest = await files.readRequest()
    audit.importName = importRequest.name
    const file = await files.first()
    audit.fileName = files.names.join(', ')

    const key = headerValue(incoming.headers['idempotency-key'])
    // waiting on the proxy's own queues is not a stalled browser
    const begun = await whileProxyWaits(
      beginIdempotentCreate(deps.idempotency, key, input.user, importRequest, signal),
    )
    if (begun && 'replay' in begun) {
      audit.replayed = true
      audit.importId = importIdOf(begun.replay.body)
      return replayed(begun.replay)
    }
    lease = begun?.lease

    slot = await whileProxyWaits(client.budget.acquire(signal))

    const boundary = newBoundary()
    const formFiles = files
    const body = multipartBody({
      boundary,
      preamble: multipartPreamble(boundary, importRequest, file.fileName, file.mimeType),
      file,
      nextFile: async () => {
        const next = await formFiles.next()
        audit.fileName = formFiles.names.join(', ')
        return next
      },
      formDone: form.done,
      maxFileBytes,
      sent: audit,
      touch,
    })
    upstream = openUpstream(
      input.upstreamUrl,
      client.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    )
    dateWhenSent(slot, upstream)
    const { response, sent } = await sendUpload(
      upstream,
      body,
      signal,
      deps.responseTimeoutMs ?? 120_000,
    )

    const headers = passedHeaders(response)
    const mapped = upstreamErrorResponse(response, deps.limits)
    if (mapped) {
      if (response.status >= 500 && sent)
        throw outcomeUnknown(response.status, mapped.body.correlationId)
      return errorResult(mapped, headers)
    }
    stored = { status: response.status, body: response.body, headers }
    audit.importId = importIdOf(response.body)
    return stored
  } catch (error) {
    if (error instanceof BrowserGone || signal.reason instanceof BrowserGone) {
      logger.info('upload abandoned by the browser', { requestId, bytes: audit.bytes })
      return errorResult(
        new ProxyError(499, 'REQUEST_TIMEOUT', 'The browser disconnected.').toResponse(),
        {},
      )
    }
    if (error instanceof ProxyError) return errorResult(error.toResponse(), error.headers)
    logger.error('upload failed', { requestId, ...describeError(error) })
    return errorResult(
      new ProxyError(500, 'INTERNAL_ERROR', 'The upload failed in the proxy.').toResponse(),
      {},
    )
  } finally {
    void files?.cleanup()
    watch.release()
    // a slot whose create never left (the form failed first) goes back to the budget
    if (!upstream) slot?.unused()
    lease?.finish(stored)
    // never end() a half-sent upstream body: destroy it so HubSpot sees a broken request
    if (upstream && !upstream.writableFinished) upstream.destroy()
    if (!incoming.complete) {
      form?.stop()
      closeAfterAnswer(incoming, outgoing)
    }
  }
}
