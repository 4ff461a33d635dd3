/**
 * The create as HubSpot receives it: a new multipart body (importRequest, then each file) streamed
 * with backpressure on a fresh connection. Until the closing boundary is written any failure
 * destroys the request, so HubSpot never sees a well-formed truncated file or a missing one.
 */
import { randomBytes } from 'node:crypto'
import http, { type ClientRequest, type OutgoingHttpHeaders } from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileNameParameters } from '#shared/file-name.ts'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { ContentHash } from './content-hash.ts'
import { BrowserGone, tooLarge, uploadError } from './create-import-errors.ts'
import { ProxyError, type UpstreamResponse } from '../../errors.ts'

/** HubSpot's answer is read whole, up to this much (import bodies are small). */
const MAX_ANSWER_BYTES = 1024 * 1024

export function newBoundary(): string {
  return `----hubspot-import-tool-${randomBytes(16).toString('hex')}`
}

/** The file's part type: the browser's when it is a plain media type, else text/csv. */
export function uploadFileType(mimeType: string): string {
  return mimeType === 'text/csv' || !/^[\w.+-]+\/[\w.+-]+$/.test(mimeType) ? 'text/csv' : mimeType
}

/** The importRequest part, JSON, with its boundary. */
export function requestPart(boundary: string, importRequest: ImportRequest): Buffer {
  return Buffer.from(
    `--${boundary}\r\n` +
      'Content-Disposition: form-data; name="importRequest"\r\n' +
      'Content-Type: application/json\r\n\r\n' +
      `${JSON.stringify(importRequest)}\r\n`,
  )
}

/** The boundary and headers that open one file part. */
export function filePartHeader(boundary: string, fileName: string, mimeType: string): Buffer {
  return Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="files"; ${fileNameParameters(fileName)}\r\n` +
      `Content-Type: ${uploadFileType(mimeType)}\r\n\r\n`,
  )
}

/** Everything before the first file's bytes: the importRequest part and the file part's headers. */
export function multipartPreamble(
  boundary: string,
  importRequest: ImportRequest,
  fileName: string,
  mimeType: string,
): Buffer {
  return Buffer.concat([
    requestPart(boundary, importRequest),
    filePartHeader(boundary, fileName, mimeType),
  ])
}

export interface UploadFile {
  /** the header line, already read to check the columns */
  head: Buffer
  rest: AsyncIterator<Buffer>
  /** busboy stopped the file at the size limit */
  truncated(): boolean
}

/** A file after the first: its part header and bytes follow the previous file's. */
export interface NextUploadFile extends UploadFile {
  fileName: string
  mimeType: string
}

/**
 * The upstream body: the preamble, the first file, then each next file as `nextFile` gives it
 * (checked by the caller as it arrives), then the closing boundary once the browser's whole form
 * has arrived. It throws (so the request is destroyed, never ended) when a file passes
 * `maxFileBytes`, a next file fails its check, the browser's form does not end properly or
 * `beforeClose` refuses the content; `sent.bytes` counts file bytes, `contentHash` hashes them.
 */
export async function* multipartBody(body: {
  boundary: string
  preamble: Buffer
  file: UploadFile
  nextFile?: () => Promise<NextUploadFile | undefined>
  /** resolves once the browser's whole form, closing boundary included, has arrived */
  formDone: Promise<void>
  maxFileBytes: number
  sent: { bytes: number }
  touch: () => void
  contentHash: ContentHash
  /** the last word before the closing boundary, with the files' hash: throws to refuse them */
  beforeClose?: (contentHash: string) => void
}): AsyncGenerator<Buffer> {
  const { sent } = body
  sent.bytes = 0
  yield body.preamble
  yield* fileBytes(body.file, body)
  for (let next = await body.nextFile?.(); next; next = await body.nextFile?.()) {
    yield Buffer.from('\r\n')
    yield filePartHeader(body.boundary, next.fileName, next.mimeType)
    yield* fileBytes(next, body)
  }
  // the browser's closing boundary must have arrived too: a cut-off form is not a file
  await body.formDone
  body.beforeClose?.(body.contentHash.digest())
  yield Buffer.from(`\r\n--${body.boundary}--\r\n`)
}

/** One file's bytes, each file held to the size limit on its own (HubSpot's limit is per file). */
async function* fileBytes(
  file: UploadFile,
  body: {
    maxFileBytes: number
    sent: { bytes: number }
    touch: () => void
    contentHash: ContentHash
  },
): AsyncGenerator<Buffer> {
  const { maxFileBytes, sent, contentHash } = body
  let bytes = file.head.length
  sent.bytes += file.head.length
  contentHash.add(file.head)
  if (file.head.length) yield file.head
  for (;;) {
    const next = await file.rest.next().catch((error: unknown) => {
      throw formError(error)
    })
    if (next.done) break
    body.touch()
    bytes += next.value.length
    sent.bytes += next.value.length
    if (bytes > maxFileBytes || file.truncated()) throw tooLarge(maxFileBytes)
    contentHash.add(next.value)
    yield next.value
  }
  if (file.truncated()) throw tooLarge(maxFileBytes)
  contentHash.endFile()
}

/** A failure of the browser's file stream is the browser's form, never HubSpot's connection. */
function formError(error: unknown): unknown {
  if (error instanceof ProxyError || error instanceof BrowserGone) return error
  return new ProxyError(
    400,
    'VALIDATION_ERROR',
    `The upload is not a complete multipart form (${(error as Error).message}).`,
  )
}

/** The create request; the caller destroys it unless it finished. */
export function openUpstream(url: URL, headers: OutgoingHttpHeaders): ClientRequest {
  const secure = url.protocol === 'https:'
  // a fresh connection: a stale keep-alive socket must not turn into "reset mid-upload"
  return (secure ? https : http).request(url, { method: 'POST', agent: false, headers })
}

interface Answer {
  started: Promise<void>
  hasStarted(): boolean
  response: Promise<UpstreamResponse>
}

function readAnswer(upstream: ClientRequest, timeoutMs: number): Answer {
  let started = false
  let markStarted: () => void = () => {}
  const startedPromise = new Promise<void>((resolve) => (markStarted = resolve))
  const response = new Promise<UpstreamResponse>((resolve, reject) => {
    upstream.setTimeout(timeoutMs, () =>
      upstream.destroy(
        Object.assign(new Error('HubSpot did not answer in time'), { code: 'UPSTREAM_TIMEOUT' }),
      ),
    )
    upstream.on('error', reject)
    upstream.on('response', (res) => {
      started = true
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk)
      })
      res.on('error', reject)
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 502,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      )
      markStarted()
    })
  })
  response.catch(() => {})
  return { started: startedPromise, hasStarted: () => started, response }
}

/**
 * Streams `body` into `upstream` and reads HubSpot's answer. `sent`: the whole body went out, so
 * a broken answer means the outcome is unknown. Never re-sends: a create may not be repeated.
 */
export async function sendUpload(
  upstream: ClientRequest,
  body: AsyncIterable<Buffer>,
  signal: AbortSignal,
  responseTimeoutMs: number,
): Promise<{ response: UpstreamResponse; sent: boolean }> {
  const answer = readAnswer(upstream, responseTimeoutMs)
  const source = Readable.from(body)
  const onAbort = () => source.destroy(signal.reason as Error)
  signal.addEventListener('abort', onAbort, { once: true })

  const outcome = await Promise.race([
    pipeline(source, upstream).then(
      () => ({ kind: 'sent' as const }),
      (error: unknown) => ({ kind: 'send-failed' as const, error }),
    ),
    answer.started.then(() => ({ kind: 'answered' as const })),
  ])
  signal.removeEventListener('abort', onAbort)

  if (outcome.kind === 'answered') {
    // HubSpot answered before the body ended (e.g. 413, 429): stop sending, forward its answer
    const response = await answer.response.catch((error: unknown) => {
      throw uploadError(error, true)
    })
    if (!source.readableEnded) source.destroy()
    return { response, sent: false }
  }
  if (outcome.kind === 'send-failed') {
    if (signal.aborted) throw signal.reason
    const error = outcome.error
    if (error instanceof ProxyError || error instanceof BrowserGone) throw error
    if (!answer.hasStarted()) throw uploadError(error, false)
    const response = await answer.response.catch((e: unknown) => {
      throw uploadError(e, false)
    })
    return { response, sent: false }
  }
  const response = await answer.response.catch((error: unknown) => {
    throw uploadError(error, true)
  })
  return { response, sent: true }
}
