// POST …/imports: the browser's multipart checked and streamed on to HubSpot, never truncated
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import {
  BrowserGone,
  errorResult,
  importIdOf,
  outcomeUnknown,
  passedHeaders,
} from './create-import-errors.ts'
import {
  ProxyError,
  headerValue,
  upstreamErrorResponse,
  type RateLimitContext,
} from '../../errors.ts'
import type { HubSpotClient } from '../../hubspot-client.ts'
import { dateWhenSent } from '../../hubspot-request.ts'
import { ContentHash } from './content-hash.ts'
import type { IdempotencyRecords, PinnedAttempt } from './idempotency.ts'
import { FormFiles } from './form-files.ts'
import { parseImportForm, type ImportForm } from './import-form.ts'
import {
  otherContent,
  replayed,
  startIdempotentCreate,
  type KeyHold,
} from './import-idempotency.ts'
import { checkRequestHeaders } from './import-request-checks.ts'
import { describeError, type Logger } from '../../logger.ts'
import type { RateSlot } from '../../rate-budget.ts'
import { findAttemptImport, type ReconcileOptions } from './reconcile-import.ts'
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
  idempotency: IdempotencyRecords
  reconcile?: ReconcileOptions
  limits?: RateLimitContext
  /** HubSpot's 512 MB unless lowered (e.g. 20 MB on free portals) */
  maxFileBytes?: number
  /** stall, crawl and deadline limits on the browser's upload (slow-loris guards) */
  uploadLimits?: Partial<UploadLimits>
  /** after the last byte, how long HubSpot may take to answer */
  responseTimeoutMs?: number
  /** aborted when the proxy stops: uploads still arriving end with its reason */
  shutdown?: AbortSignal
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
 * file; the create is never re-sent once bytes may have reached HubSpot. With an Idempotency-Key
 * an unknown outcome pins the key: its retry first looks for the import in HubSpot's list.
 */
export async function createImport(
  input: CreateImportInput,
  deps: CreateImportDeps,
  audit: CreateImportAudit,
): Promise<CreateImportResult> {
  const { incoming, outgoing, requestId } = input
  const { client, logger } = deps
  const maxFileBytes = deps.maxFileBytes ?? IMPORT_LIMITS.maxFileBytes
  const watch = watchUpload(
    incoming,
    outgoing,
    { ...DEFAULT_UPLOAD_LIMITS, ...deps.uploadLimits },
    deps.shutdown,
  )
  const { signal, touch, whileProxyWaits } = watch

  let form: ImportForm | undefined
  let upstream: ClientRequest | undefined
  let hold: KeyHold | undefined
  let slot: RateSlot | undefined
  let files: FormFiles | undefined
  /** what the key keeps when this create ends: its answer, or a pin when the outcome is unknown */
  let keep: { result: CreateImportResult; contentHash: string } | undefined
  let unknownOutcome: PinnedAttempt | undefined
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

    const boundary = newBoundary()
    const formFiles = files
    const bodyOf = (beforeClose?: (contentHash: string) => void) =>
      multipartBody({
        boundary,
        preamble: multipartPreamble(boundary, importRequest, file.fileName, file.mimeType),
        file,
        nextFile: async () => {
          const next = await formFiles.next()
          audit.fileName = formFiles.names.join(', ')
          return next
        },
        formDone: form!.done,
        maxFileBytes,
        sent: audit,
        touch,
        contentHash: new ContentHash(),
        ...(beforeClose ? { beforeClose } : {}),
      })
    /**
     * A repeat's file read through (checked, hashed, not sent): the same bytes, or 409. Returns
     * the hash; with none expected (its first holder vanished unsettled) any bytes pass.
     */
    const sameContent = async (expected: string | undefined) => {
      let contentHash = ''
      for await (const chunk of bodyOf((hash) => (contentHash = hash))) void chunk
      if (expected !== undefined && contentHash !== expected) throw otherContent()
      return contentHash
    }

    const key = headerValue(incoming.headers['idempotency-key'])
    // waiting on the proxy's own queues is not a stalled browser
    const start = await whileProxyWaits(
      startIdempotentCreate(deps.idempotency, key, input.user, importRequest, signal),
    )
    if (start.kind === 'done') {
      await sameContent(start.contentHash)
      audit.replayed = true
      audit.importId = importIdOf(start.result.body)
      return replayed(start.result)
    }
    let expectedContent: string | undefined
    if (start.kind === 'held') {
      hold = start.hold
      const pinned = start.pinned
      if (pinned) {
        // an earlier attempt may have created the import: HubSpot's list says, before any resend
        const listUrl = new URL(input.upstreamUrl)
        const found = await whileProxyWaits(
          findAttemptImport(
            (after) => {
              listUrl.search = new URLSearchParams({
                limit: '100',
                ...(after ? { after } : {}),
              }).toString()
              return client.get(new URL(listUrl), requestId)
            },
            pinned,
            deps.reconcile,
          ),
        )
        logger.info('unknown outcome reconciled', {
          requestId,
          importId: found ? (importIdOf(found.body) ?? null) : null,
        })
        if (found) {
          keep = { result: found, contentHash: await sameContent(pinned.contentHash) }
          audit.replayed = true
          audit.importId = importIdOf(found.body)
          return replayed(found)
        }
        expectedContent = pinned.contentHash
      }
    }

    slot = await whileProxyWaits(client.budget.acquire(signal))

    let contentHash: string | undefined
    const body = bodyOf((hash) => {
      // a resend after an unknown outcome must be the same file: a changed one is refused unsent
      if (expectedContent !== undefined && hash !== expectedContent) throw otherContent()
      contentHash = hash
    })
    const sentAt = Date.now()
    upstream = openUpstream(
      input.upstreamUrl,
      client.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    )
    dateWhenSent(slot, upstream)
    try {
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
      const result = { status: response.status, body: response.body, headers }
      if (contentHash !== undefined) keep = { result, contentHash }
      audit.importId = importIdOf(response.body)
      return result
    } catch (error) {
      // the whole file went out (its hash is known) and no answer says what HubSpot did
      if (
        contentHash !== undefined &&
        error instanceof ProxyError &&
        error.category === 'OUTCOME_UNKNOWN'
      )
        unknownOutcome = { sentAt, contentHash, importRequest }
      throw error
    }
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
    if (hold) await settleKey(hold, keep, unknownOutcome, logger, requestId)
    // never end() a half-sent upstream body: destroy it so HubSpot sees a broken request
    if (upstream && !upstream.writableFinished) upstream.destroy()
    if (!incoming.complete) {
      form?.stop()
      closeAfterAnswer(incoming, outgoing)
    }
  }
}

/** The key keeps this create's answer, or its pin when the outcome is unknown; else it is freed. */
async function settleKey(
  hold: KeyHold,
  keep: { result: CreateImportResult; contentHash: string } | undefined,
  unknownOutcome: PinnedAttempt | undefined,
  logger: Logger,
  requestId: string,
): Promise<void> {
  try {
    if (keep) await hold.finish(keep.result, keep.contentHash)
    else if (unknownOutcome) await hold.pin(unknownOutcome)
    else await hold.release()
  } catch (error) {
    logger.error('idempotency record not updated', { requestId, ...describeError(error) })
  }
}
