/**
 * The browser's multipart form, read as a stream: one `importRequest` field and one or two files
 * in `files` (two for a two-file import joined on a common column). Nothing is buffered but the
 * JSON field; a file that arrives before its importRequest (the official Node client's order) is
 * spooled to a private temp file.
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as z from 'zod'
import { importRequestSchema, type ImportRequest } from '#shared/hubspot/import-request.ts'
import { createMultipartParser, type MultipartFile } from '#shared/multipart-parser.ts'
import { BrowserGone } from './create-import-errors.ts'
import { ProxyError } from '../../errors.ts'
import { SPOOL_PREFIX } from './spool-sweep.ts'

export const MAX_IMPORT_REQUEST_BYTES = 1024 * 1024
/** the wizard's two-file import; HubSpot is SILENT on a maximum */
export const MAX_FILES_PER_IMPORT = 2

export interface FilePart {
  stream: Readable & { truncated?: boolean }
  /** whether importRequest came first, so the file can stream straight through */
  afterRequest: boolean
  filename: string
  mimeType: string
}

export interface ImportForm {
  importRequest: Promise<ImportRequest>
  /**
   * The next file part in form order, or undefined once the form has ended without another.
   * Consume each part's stream before asking for the one after: the form is read in order.
   */
  nextFile(): Promise<FilePart | undefined>
  /** resolves once the whole browser form, closing boundary included, has been parsed */
  done: Promise<void>
  stop(): void
}

/** The importRequest field's JSON, validated; a ProxyError says what is wrong with it. */
export function parseImportRequestField(
  value: string,
  valueTruncated: boolean,
): ImportRequest | ProxyError {
  if (valueTruncated) {
    return new ProxyError(413, 'PAYLOAD_TOO_LARGE', 'importRequest is larger than 1 MB.')
  }
  let json: unknown
  try {
    json = JSON.parse(value)
  } catch {
    return new ProxyError(400, 'VALIDATION_ERROR', 'importRequest is not valid JSON.')
  }
  const parsed = importRequestSchema.safeParse(json)
  if (!parsed.success) {
    return new ProxyError(
      400,
      'VALIDATION_ERROR',
      `importRequest is invalid: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data
}

/**
 * Starts parsing the form. Each promise settles with its part, or rejects with the first problem
 * (a ProxyError) once the form cannot give it; aborting `signal` destroys the parser. `onBytes`
 * hears every chunk the browser sends, importRequest and part headers included, so an idle timer
 * sees a slow but steady upload as alive before the file's first byte.
 */
export function parseImportForm(
  incoming: IncomingMessage,
  maxFileBytes: number,
  signal: AbortSignal,
  onBytes: (bytes: number) => void = () => {},
): ImportForm {
  let fail: (error: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {})
  let gotRequest: ImportRequest | undefined
  let resolveRequest: (request: ImportRequest) => void = () => {}
  const requestPart = new Promise<ImportRequest>((resolve) => (resolveRequest = resolve))
  // file parts the reader has not asked for yet, and a reader waiting for the next one
  const arrived: FilePart[] = []
  let waiting: ((file: FilePart | undefined) => void) | undefined
  let finished = false
  // file streams still being written; the parser does not end them when it is destroyed
  const open = new Set<FilePart['stream']>()

  const onFile = (name: string, part: MultipartFile) => {
    const { stream } = part
    // errors surface through the reader; an unheard 'error' event would crash the process
    stream.on('error', () => {})
    if (name !== 'files') {
      stream.resume()
      fail(
        new ProxyError(
          400,
          'VALIDATION_ERROR',
          `Unexpected file part "${name.slice(0, 64)}": the file goes in "files".`,
        ),
      )
      return
    }
    open.add(stream)
    stream.once('end', () => open.delete(stream))
    const file: FilePart = {
      stream,
      filename: part.filename,
      mimeType: part.mimeType,
      afterRequest: gotRequest !== undefined,
    }
    if (waiting) waiting(file)
    else arrived.push(file)
  }
  const parser = createMultipartParser(
    {
      headers: { 'content-type': '', ...incoming.headers },
      // browsers send UTF-8 file names, a filename* (RFC 5987) wins over filename; the name is
      // kept whole, checked, then sent on as it came
      defCharset: 'utf8',
      limits: {
        fileSize: maxFileBytes,
        files: MAX_FILES_PER_IMPORT,
        fields: 1,
        // partsLimit is signalled by the first part over the count
        parts: MAX_FILES_PER_IMPORT + 1,
        fieldSize: MAX_IMPORT_REQUEST_BYTES,
        headerPairs: 20,
      },
    },
    onFile,
  )
  let settled = false
  const done = new Promise<void>((resolve, reject) => {
    parser.on('finish', () => {
      settled = true
      resolve()
    })
    const onError = (error: Error) => {
      if (settled) return
      settled = true
      const failure =
        error instanceof ProxyError || error instanceof BrowserGone
          ? error
          : new ProxyError(
              400,
              'VALIDATION_ERROR',
              `The upload is not a complete multipart form (${error.message}).`,
            )
      // a file being read must fail with the form, not wait for bytes that will never come
      for (const stream of open) stream.destroy(failure)
      open.clear()
      reject(failure)
      fail(failure)
    }
    parser.on('error', onError)
    // destroyed without an error: the form can no longer complete
    parser.on('close', () => onError(new Error('Unexpected end of form')))
  })
  done.catch(() => {})
  done.then(
    () => {
      finished = true
      waiting?.(undefined)
    },
    () => {},
  )

  parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
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
    const parsed = parseImportRequestField(value, valueTruncated)
    if (parsed instanceof ProxyError) {
      fail(parsed)
      return
    }
    gotRequest = parsed
    resolveRequest(parsed)
  })
  const tooMany = () =>
    fail(
      new ProxyError(
        400,
        'VALIDATION_ERROR',
        `Send importRequest, then at most ${MAX_FILES_PER_IMPORT} files, each a part named "files".`,
      ),
    )
  parser.on('filesLimit', tooMany)
  parser.on('fieldsLimit', tooMany)
  parser.on('partsLimit', tooMany)
  const ended = done.then(() => {
    throw new ProxyError(400, 'VALIDATION_ERROR', 'The form has no importRequest part.')
  })
  ended.catch(() => {})

  const onAbort = () => parser.destroy(signal.reason as Error)
  signal.addEventListener('abort', onAbort, { once: true })
  incoming.pipe(parser)
  // after pipe(): the stream already flows, so this listener neither starts nor steals the data
  const onData = (chunk: Buffer) => onBytes(chunk.length)
  incoming.on('data', onData)

  const importRequest = Promise.race([requestPart, failed, ended])
  const formDone = Promise.race([done, failed])
  for (const promise of [importRequest, formDone]) promise.catch(() => {})
  return {
    importRequest,
    nextFile() {
      const next = arrived.shift()
      if (next || finished) return Promise.resolve(next)
      const part = new Promise<FilePart | undefined>((resolve) => {
        waiting = (file) => {
          waiting = undefined
          resolve(file)
        }
      })
      return Promise.race([part, failed])
    },
    done: formDone,
    stop() {
      signal.removeEventListener('abort', onAbort)
      incoming.off('data', onData)
      incoming.unpipe(parser)
      settled = true
      if (!parser.destroyed) parser.destroy()
    },
  }
}

/** Writes a file that arrived before its importRequest to a private temp file. */
export async function spoolToDisk(
  file: FilePart,
  touch: () => void,
): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), SPOOL_PREFIX))
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
