import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import http, { type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import * as z from 'zod'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import { importRequestSchema, type ImportRequest } from '#shared/hubspot/import-request.ts'
import { publicImportResponseSchema } from '#shared/hubspot/public-import-response.ts'
import { countCsvFields, firstRecordEnd, headerRecord } from './csv-header.ts'
import {
  ProxyError,
  headerValue,
  upstreamErrorResponse,
  type ErrorResponse,
  type UpstreamResponse,
} from './errors.ts'
import type { HubSpotClient } from './hubspot-client.ts'
import { IDEMPOTENCY_KEY, type IdempotencyStore, type Lease } from './idempotency.ts'
import { describeError, type Logger } from './logger.ts'

export interface CreateImportDeps {
  client: HubSpotClient
  logger: Logger
  idempotency: IdempotencyStore
  /** HubSpot's 512 MB unless lowered (e.g. 20 MB on free portals) */
  maxFileBytes?: number
  /** no bytes from the browser for this long: the upload is abandoned (slow-loris guard) */
  idleTimeoutMs?: number
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
  fileName?: string
  importName?: string
  bytes: number
  importId?: string
  replayed?: boolean
}

const MAX_IMPORT_REQUEST_BYTES = 1024 * 1024
const MAX_HEADER_BYTES = 1024 * 1024
const PASSED_HEADERS =
  /^(content-type|retry-after|x-hubspot-ratelimit-.*|x-hubspot-correlation-id)$/i

class BrowserGone extends Error {
  readonly code = 'BROWSER_GONE'
}

/**
 * POST …/imports: reads the browser's multipart as a stream (importRequest first, then one file),
 * validates the request and the file's header line before anything goes upstream, then streams a
 * new multipart body to HubSpot with backpressure. Until the closing boundary is written, any
 * failure destroys the upstream request, so HubSpot never sees a well-formed truncated file; the
 * create is never re-sent once bytes may have reached HubSpot.
 */
export async function createImport(
  input: CreateImportInput,
  deps: CreateImportDeps,
  audit: CreateImportAudit,
): Promise<CreateImportResult> {
  const { incoming, outgoing, requestId } = input
  const { client, logger } = deps
  const maxFileBytes = deps.maxFileBytes ?? IMPORT_LIMITS.maxFileBytes
  const idleTimeoutMs = deps.idleTimeoutMs ?? 60_000

  const abort = new AbortController()
  let idleTimer: NodeJS.Timeout | undefined
  const touch = () => {
    clearTimeout(idleTimer)
    idleTimer = setTimeout(
      () =>
        abort.abort(
          new ProxyError(
            408,
            'REQUEST_TIMEOUT',
            'The upload stalled: no data arrived for too long.',
          ),
        ),
      idleTimeoutMs,
    )
  }
  const onResponseClose = () => {
    if (!outgoing.writableFinished) abort.abort(new BrowserGone('the browser disconnected'))
  }
  outgoing.on('close', onResponseClose)
  const onIncomingClose = () => {
    if (!incoming.complete)
      abort.abort(new BrowserGone('the browser disconnected during the upload'))
  }
  incoming.on('close', onIncomingClose)

  let form: Form | undefined
  let upstream: ClientRequest | undefined
  let lease: Lease | undefined
  let stored: CreateImportResult | undefined
  let spool: { dir: string; file: string } | undefined
  try {
    checkRequestHeaders(incoming, maxFileBytes)
    touch()
    form = parseForm(incoming, maxFileBytes, abort.signal)

    const file = await form.file
    audit.fileName = file.filename
    // the official Node client sends the file before importRequest: keep it on disk meanwhile
    if (!file.afterRequest) spool = await spoolToDisk(file, touch)
    const importRequest = await form.importRequest
    audit.importName = importRequest.name
    const expected = importRequest.files[0]?.fileName
    if (importRequest.files.length !== 1) {
      throw new ProxyError(
        400,
        'VALIDATION_ERROR',
        'The proxy takes exactly one file per import: importRequest.files must have one entry.',
      )
    }
    if (file.filename !== expected) {
      throw new ProxyError(
        400,
        'VALIDATION_ERROR',
        `importRequest.files[0].fileName ("${expected}") must match the uploaded file's name ("${file.filename}").`,
      )
    }

    const chunks = (spool ? createReadStream(spool.file) : file.stream)[
      Symbol.asyncIterator
    ]() as AsyncIterator<Buffer>
    const head = await readHead(chunks, touch)
    checkColumns(importRequest, file.filename, head)

    const key = headerValue(incoming.headers['idempotency-key'])
    if (key !== undefined) {
      if (!IDEMPOTENCY_KEY.test(key)) {
        throw new ProxyError(
          400,
          'VALIDATION_ERROR',
          'Idempotency-Key must be 1–255 printable ASCII characters.',
        )
      }
      const scope = `${input.user ?? ''}\n${key}`
      const fingerprint = createHash('sha256').update(JSON.stringify(importRequest)).digest('hex')
      const beginning = deps.idempotency.begin(scope, fingerprint)
      // a repeat that gives up while waiting must not keep the key it is handed afterwards
      beginning.then(
        (result) => {
          if (abort.signal.aborted && 'lease' in result) result.lease.finish(undefined)
        },
        () => {},
      )
      const begun = await abortable(beginning, abort.signal)
      if ('replay' in begun) {
        audit.replayed = true
        audit.importId = importIdOf(begun.replay.body)
        return {
          ...begun.replay,
          headers: { ...begun.replay.headers, 'idempotent-replayed': 'true' },
        }
      }
      lease = begun.lease
    }

    await client.budget.acquire(abort.signal)

    const boundary = `----hubspot-import-tool-${randomBytes(16).toString('hex')}`
    const fileType =
      file.mimeType === 'text/csv' || !/^[\w.+-]+\/[\w.+-]+$/.test(file.mimeType)
        ? 'text/csv'
        : file.mimeType
    const preamble = Buffer.from(
      `--${boundary}\r\n` +
        'Content-Disposition: form-data; name="importRequest"\r\n' +
        'Content-Type: application/json\r\n\r\n' +
        `${JSON.stringify(importRequest)}\r\n` +
        `--${boundary}\r\n` +
        `Content-Disposition: form-data; name="files"; filename="${quoteFileName(file.filename)}"\r\n` +
        `Content-Type: ${fileType}\r\n\r\n`,
    )
    const formDone = form.done

    async function* body(): AsyncGenerator<Buffer> {
      yield preamble
      audit.bytes = head.length
      if (head.length) yield head
      for (;;) {
        const next = await chunks.next()
        if (next.done) break
        touch()
        audit.bytes += next.value.length
        if (audit.bytes > maxFileBytes || file.stream.truncated) throw tooLarge(maxFileBytes)
        yield next.value
      }
      if (file.stream.truncated) throw tooLarge(maxFileBytes)
      // the browser's closing boundary must have arrived too: a cut-off form is not a file
      await formDone
      yield Buffer.from(`\r\n--${boundary}--\r\n`)
    }

    const secure = input.upstreamUrl.protocol === 'https:'
    // a fresh connection: a stale keep-alive socket must not turn into "reset mid-upload"
    upstream = (secure ? https : http).request(input.upstreamUrl, {
      method: 'POST',
      agent: false,
      headers: client.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    })
    const answer = readAnswer(upstream, deps.responseTimeoutMs ?? 120_000)
    const source = Readable.from(body())
    const onAbort = () => source.destroy(abort.signal.reason as Error)
    abort.signal.addEventListener('abort', onAbort, { once: true })

    let sent = false
    const outcome = await Promise.race([
      pipeline(source, upstream).then(
        () => ({ kind: 'sent' as const }),
        (error: unknown) => ({ kind: 'send-failed' as const, error }),
      ),
      answer.started.then(() => ({ kind: 'answered' as const })),
    ])
    abort.signal.removeEventListener('abort', onAbort)

    let response: UpstreamResponse
    if (outcome.kind === 'answered') {
      // HubSpot answered before the body ended (e.g. 413, 429): stop sending, forward its answer
      response = await answer.response.catch((error: unknown) => {
        throw uploadError(error, true)
      })
      if (!source.readableEnded) source.destroy()
    } else if (outcome.kind === 'send-failed') {
      if (abort.signal.aborted) throw abort.signal.reason
      const error = outcome.error
      if (error instanceof ProxyError || error instanceof BrowserGone) throw error
      if (answer.hasStarted()) {
        response = await answer.response.catch((e: unknown) => {
          throw uploadError(e, false)
        })
      } else {
        throw uploadError(error, false)
      }
    } else {
      sent = true
      response = await answer.response.catch((error: unknown) => {
        throw uploadError(error, true)
      })
    }

    const headers = passedHeaders(response)
    const mapped = upstreamErrorResponse(response)
    if (mapped) {
      if (response.status >= 500 && sent) {
        throw new ProxyError(
          502,
          'OUTCOME_UNKNOWN',
          `HubSpot answered ${response.status} after receiving the whole file, so the import may or may not have been created. Check the imports list before trying again.`,
          mapped.body.correlationId ? { correlationId: mapped.body.correlationId } : {},
        )
      }
      return jsonResult(mapped, headers)
    }
    stored = { status: response.status, body: response.body, headers }
    audit.importId = importIdOf(response.body)
    return stored
  } catch (error) {
    if (error instanceof BrowserGone || abort.signal.reason instanceof BrowserGone) {
      logger.info('upload abandoned by the browser', { requestId, bytes: audit.bytes })
      return jsonResult(
        new ProxyError(499, 'REQUEST_TIMEOUT', 'The browser disconnected.').toResponse(),
        {},
      )
    }
    if (error instanceof ProxyError) return jsonResult(error.toResponse(), error.headers)
    logger.error('upload failed', { requestId, ...describeError(error) })
    return jsonResult(
      new ProxyError(500, 'INTERNAL_ERROR', 'The upload failed in the proxy.').toResponse(),
      {},
    )
  } finally {
    if (spool) void rm(spool.dir, { recursive: true, force: true })
    clearTimeout(idleTimer)
    outgoing.off('close', onResponseClose)
    incoming.off('close', onIncomingClose)
    lease?.finish(stored)
    // never end() a half-sent upstream body: destroy it so HubSpot sees a broken request
    if (upstream && !upstream.writableFinished) upstream.destroy()
    if (!incoming.complete) {
      form?.stop()
      if (!outgoing.headersSent) outgoing.setHeader('connection', 'close')
      lingerThenClose(incoming, outgoing)
    }
  }
}

function tooLarge(maxFileBytes: number): ProxyError {
  return new ProxyError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${Math.round(maxFileBytes / 1024 / 1024)} MB, HubSpot's limit for one import file.`,
  )
}

function uploadError(error: unknown, bodyComplete: boolean): ProxyError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'UPSTREAM_TIMEOUT') {
    return new ProxyError(
      504,
      'OUTCOME_UNKNOWN',
      'HubSpot did not answer in time after receiving the file; the import may or may not have been created. Check the imports list before trying again.',
    )
  }
  if (bodyComplete) {
    return new ProxyError(
      502,
      'OUTCOME_UNKNOWN',
      'The connection to HubSpot broke after the whole file was sent; the import may or may not have been created. Check the imports list before trying again.',
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

function checkRequestHeaders(incoming: IncomingMessage, maxFileBytes: number) {
  const type = incoming.headers['content-type'] ?? ''
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(type)) {
    throw new ProxyError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the import as multipart/form-data (importRequest, then files).',
    )
  }
  const encoding = incoming.headers['content-encoding']
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new ProxyError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Compressed uploads are not accepted.')
  }
  const length = Number(incoming.headers['content-length'] ?? 0)
  if (length > maxFileBytes + MAX_IMPORT_REQUEST_BYTES + 64 * 1024) throw tooLarge(maxFileBytes)
}

interface FilePart {
  stream: Readable & { truncated?: boolean }
  /** whether importRequest came first, so the file can stream straight through */
  afterRequest: boolean
  filename: string
  mimeType: string
}

interface Form {
  importRequest: Promise<ImportRequest>
  file: Promise<FilePart>
  /** resolves once the whole browser form, closing boundary included, has been parsed */
  done: Promise<void>
  stop(): void
}

function parseForm(incoming: IncomingMessage, maxFileBytes: number, signal: AbortSignal): Form {
  const parser = busboy({
    headers: incoming.headers,
    // browsers send UTF-8 file names; busboy's default would garble "Müller.csv"
    defParamCharset: 'utf8',
    limits: {
      fileSize: maxFileBytes,
      files: 1,
      fields: 1,
      parts: 3,
      fieldSize: MAX_IMPORT_REQUEST_BYTES,
      headerPairs: 20,
    },
  })
  let fail: (error: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {})
  const done = new Promise<void>((resolve, reject) => {
    parser.on('finish', resolve)
    parser.on('error', (error: Error) => {
      const failure =
        error instanceof ProxyError || error instanceof BrowserGone
          ? error
          : new ProxyError(
              400,
              'VALIDATION_ERROR',
              `The upload is not a complete multipart form (${error.message}).`,
            )
      reject(failure)
      fail(failure)
    })
  })
  done.catch(() => {})

  let gotRequest: ImportRequest | undefined
  let resolveRequest: (request: ImportRequest) => void = () => {}
  const requestPart = new Promise<ImportRequest>((resolve) => (resolveRequest = resolve))
  let resolveFile: (file: FilePart) => void = () => {}
  const filePart = new Promise<FilePart>((resolve) => (resolveFile = resolve))

  parser.on('field', (name, value, info) => {
    if (name !== 'importRequest' || gotRequest) {
      fail(
        new ProxyError(
          400,
          'VALIDATION_ERROR',
          `Unexpected form field "${name.slice(0, 64)}": send importRequest, then files.`,
        ),
      )
      return
    }
    if (info.valueTruncated) {
      fail(new ProxyError(413, 'PAYLOAD_TOO_LARGE', 'importRequest is larger than 1 MB.'))
      return
    }
    let json: unknown
    try {
      json = JSON.parse(value)
    } catch {
      fail(new ProxyError(400, 'VALIDATION_ERROR', 'importRequest is not valid JSON.'))
      return
    }
    const parsed = importRequestSchema.safeParse(json)
    if (!parsed.success) {
      fail(
        new ProxyError(
          400,
          'VALIDATION_ERROR',
          `importRequest is invalid: ${z.prettifyError(parsed.error)}`,
        ),
      )
      return
    }
    gotRequest = parsed.data
    resolveRequest(parsed.data)
  })
  parser.on('file', (name, stream, info) => {
    // errors surface through the reader; an unheard 'error' event would crash the process
    stream.on('error', () => {})
    if (name !== 'files') {
      stream.resume()
      fail(
        new ProxyError(
          400,
          'VALIDATION_ERROR',
          name !== 'files'
            ? `Unexpected file part "${name.slice(0, 64)}": the file goes in "files".`
            : 'importRequest must come before the file part.',
        ),
      )
      return
    }
    resolveFile({
      stream,
      filename: info.filename ?? '',
      mimeType: info.mimeType,
      afterRequest: gotRequest !== undefined,
    })
  })
  const tooMany = () =>
    fail(
      new ProxyError(
        400,
        'VALIDATION_ERROR',
        'Send exactly two parts: importRequest, then one file in "files".',
      ),
    )
  parser.on('filesLimit', tooMany)
  parser.on('fieldsLimit', tooMany)
  parser.on('partsLimit', tooMany)
  const ended = done.then(() => {
    throw new ProxyError(400, 'VALIDATION_ERROR', 'The form has no importRequest or no file part.')
  })
  ended.catch(() => {})

  const onAbort = () => parser.destroy(signal.reason as Error)
  signal.addEventListener('abort', onAbort, { once: true })
  incoming.pipe(parser)

  const importRequest = Promise.race([requestPart, failed, ended])
  const file = Promise.race([filePart, failed, ended])
  const formDone = Promise.race([done, failed])
  for (const promise of [importRequest, file, formDone]) promise.catch(() => {})
  return {
    importRequest,
    file,
    done: formDone,
    stop() {
      signal.removeEventListener('abort', onAbort)
      incoming.unpipe(parser)
      if (!parser.destroyed) parser.destroy()
    },
  }
}

/** Writes a file that arrived before its importRequest to a private temp file. */
async function spoolToDisk(
  file: FilePart,
  touch: () => void,
): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hubspot-import-'))
  const target = path.join(dir, 'upload')
  await pipeline(
    file.stream,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        touch()
        yield chunk
      }
    },
    createWriteStream(target, { mode: 0o600 }),
  ).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true })
    throw error
  })
  return { dir, file: target }
}

/** Reads until the first record (the header line) is complete, or the file ends. */
async function readHead(chunks: AsyncIterator<Buffer>, touch: () => void): Promise<Buffer> {
  const parts: Buffer[] = []
  let size = 0
  for (;;) {
    const head = Buffer.concat(parts)
    if (firstRecordEnd(head) !== -1) return head
    if (size > MAX_HEADER_BYTES) {
      throw new ProxyError(
        400,
        'VALIDATION_ERROR',
        "The file's first line is longer than 1 MB; is it a CSV?",
      )
    }
    const next = await chunks.next()
    if (next.done) return head
    touch()
    parts.push(next.value)
    size += next.value.length
  }
}

function checkColumns(request: ImportRequest, fileName: string, head: Buffer) {
  const file = request.files[0]
  if (!file || file.fileFormat === 'SPREADSHEET' || /\.xlsx?$/i.test(fileName)) return
  if (head.length === 0) throw new ProxyError(400, 'VALIDATION_ERROR', 'The file is empty.')
  const columns = countCsvFields(headerRecord(head))
  const mappings = file.fileImportPage.columnMappings.length
  if (columns !== mappings) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `The file's first line has ${columns} column${columns === 1 ? '' : 's'} but importRequest maps ${mappings}. Every column needs one mapping.`,
    )
  }
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
        if (size <= 1024 * 1024) chunks.push(chunk)
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

function passedHeaders(response: UpstreamResponse): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    const one = headerValue(value)
    if (one !== undefined && PASSED_HEADERS.test(name)) out[name] = one
  }
  return out
}

function jsonResult(error: ErrorResponse, headers: Record<string, string>): CreateImportResult {
  const extra = { ...error.headers }
  for (const name of ['retry-after', 'x-hubspot-correlation-id']) {
    const value = headers[name]
    if (value) extra[name] = value
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

function importIdOf(body: Buffer): string | undefined {
  try {
    const parsed = publicImportResponseSchema.safeParse(JSON.parse(body.toString('utf8')))
    return parsed.success ? parsed.data.id : undefined
  } catch {
    return undefined
  }
}

/** A file name inside a quoted multipart parameter, encoded as browsers do (WHATWG form encoding). */
function quoteFileName(name: string): string {
  return name.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      },
    )
  })
}

/**
 * After answering early, read and drop what the browser still sends for a moment before closing:
 * closing a socket with unread data would reset it and the browser could lose our answer.
 */
function lingerThenClose(incoming: IncomingMessage, outgoing: ServerResponse) {
  const close = () => {
    incoming.resume()
    setTimeout(() => incoming.socket?.destroy(), 2_000).unref()
  }
  if (outgoing.writableFinished) close()
  else outgoing.once('finish', close)
}
