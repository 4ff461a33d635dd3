// Receives a multipart create: importRequest and files streamed to disk and surveyed
import { createWriteStream, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { CsvFileSurvey } from '#shared/csv/file-content.ts'
import {
  createMultipartParser,
  type MultipartFile,
  type MultipartParser,
} from '#shared/multipart-parser.ts'
import { importFileKind } from '#shared/spreadsheet/read-spreadsheet.ts'

export interface ReceivedFile {
  fileId: number
  fileName: string
  mimeType: string
  /** where the bytes were written, exactly as uploaded */
  path: string
  bytes: number
  /** CSV records, the header included when there is one (0 for a workbook) */
  records: number
  /** fields in the first record (0 for a workbook) */
  columns: number
  /** the first bytes, to recognise a spreadsheet sent as a file */
  head: Buffer
  /** what the file holds, read as a CSV in the shared dialect (empty, header only, UTF-16, …) */
  survey: CsvFileSurvey
}

/** An .xlsx or .xls upload, told by its first bytes. */
export function isWorkbook(file: Pick<ReceivedFile, 'fileName' | 'head'>): boolean {
  if (file.head.length < 4) return false
  const kind = importFileKind(file.fileName, file.head)
  return kind === 'xlsx' || kind === 'xls'
}

export interface ReceivedUpload {
  importRequest?: { text: string; mimeType: string }
  files: ReceivedFile[]
}

export type UploadFailure =
  | { kind: 'file-too-large'; fileName: string }
  | { kind: 'too-many-records'; fileName: string }
  | { kind: 'malformed'; message: string }
  | { kind: 'aborted' }

export class UploadError extends Error {
  readonly failure: UploadFailure

  constructor(failure: UploadFailure) {
    super(`upload failed: ${failure.kind}`)
    this.failure = failure
  }
}

export interface ReceiveOptions {
  dir: string
  maxFileBytes: number
  /** stop reading once a file has more records than this (the caller checks the exact row limit) */
  maxRecords: number
  nextFileId: () => number
}

const HEAD_BYTES = 8
/** an importRequest with 999 column mappings is about 150 kB; the parser's 1 MB default is close */
const MAX_IMPORT_REQUEST_BYTES = 16 * 1024 * 1024

/**
 * Reads a `multipart/form-data` import upload as a stream, in any part order: `importRequest`
 * (a text field, or a file part when a client sends it as a Blob) and one or more `files` parts,
 * each written straight to disk while its bytes, records and header columns are counted. A file
 * over `maxFileBytes` or `maxRecords` stops the read at once and removes what was written.
 */
export function receiveUpload(
  incoming: IncomingMessage,
  options: ReceiveOptions,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: MultipartParser
    try {
      parser = createMultipartParser(
        {
          headers: { 'content-type': '', ...incoming.headers },
          // names arrive in UTF-8 (RFC 7578 §4.2, browsers, HubSpot's Node client) or as an
          // RFC 5987 filename*; the name is kept whole
          defCharset: 'utf8',
          limits: { fileSize: options.maxFileBytes, fieldSize: MAX_IMPORT_REQUEST_BYTES },
        },
        (name, file) => onFile(name, file),
      )
    } catch (error) {
      reject(new UploadError({ kind: 'malformed', message: (error as Error).message }))
      return
    }

    const files: ReceivedFile[] = []
    const writes: Promise<void>[] = []
    const outputs = new Set<WriteStream>()
    let importRequest: ReceivedUpload['importRequest']
    let settled = false

    const fail = (failure: UploadFailure) => {
      if (settled) return
      settled = true
      incoming.unpipe(parser)
      for (const output of outputs) output.destroy()
      void Promise.allSettled(files.map((f) => rm(f.path, { force: true }))).then(() =>
        reject(new UploadError(failure)),
      )
    }

    parser.on('field', (name, value, _nameTruncated, _valueTruncated, _encoding, mimeType) => {
      if (name === 'importRequest') importRequest = { text: value, mimeType }
    })

    function onFile(name: string, info: MultipartFile) {
      const { stream } = info
      if (settled || (name !== 'files' && name !== 'importRequest')) {
        stream.resume()
        return
      }
      if (name === 'importRequest') {
        const chunks: Buffer[] = []
        let size = 0
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size <= MAX_IMPORT_REQUEST_BYTES) chunks.push(chunk)
        })
        stream.on('end', () => {
          importRequest = { text: Buffer.concat(chunks).toString('utf8'), mimeType: info.mimeType }
        })
        return
      }

      const fileId = options.nextFileId()
      const file: ReceivedFile = {
        fileId,
        fileName: info.filename,
        mimeType: info.mimeType,
        path: join(options.dir, `${fileId}.upload`),
        bytes: 0,
        records: 0,
        columns: 0,
        head: Buffer.alloc(0),
        survey: new CsvFileSurvey(),
      }
      files.push(file)
      const counter = file.survey
      const output = createWriteStream(file.path)
      outputs.add(output)

      stream.on('data', (chunk: Buffer) => {
        if (file.head.length < HEAD_BYTES) {
          file.head = Buffer.concat([file.head, chunk.subarray(0, HEAD_BYTES - file.head.length)])
        }
        file.bytes += chunk.length
        // a workbook's rows are counted when it is read, not by CSV rules over its ZIP bytes
        if (isWorkbook(file)) return
        counter.push(chunk)
        if (counter.records > options.maxRecords)
          fail({ kind: 'too-many-records', fileName: file.fileName })
      })
      stream.on('limit', () => fail({ kind: 'file-too-large', fileName: file.fileName }))
      writes.push(
        pipeline(stream, output).then(
          () => {
            outputs.delete(output)
            counter.finish()
            file.records = counter.records
            file.columns = counter.headerCells
          },
          (error: Error) => fail({ kind: 'malformed', message: error.message }),
        ),
      )
    }

    parser.on('error', (error: Error) => fail({ kind: 'malformed', message: error.message }))
    parser.on('finish', () => {
      void Promise.all(writes).then(() => {
        if (settled) return
        settled = true
        resolve({ ...(importRequest ? { importRequest } : {}), files })
      })
    })
    incoming.on('aborted', () => fail({ kind: 'aborted' }))
    incoming.on('error', () => fail({ kind: 'aborted' }))
    incoming.pipe(parser)
  })
}
