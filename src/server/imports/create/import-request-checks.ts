/**
 * Checks on a create, per file part: the request's headers, each file named as its importRequest
 * entry, a file with something to import and a header line with one column per mapping of that
 * entry.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { fileNameProblem, sameUploadedFileName } from '#shared/file-name.ts'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { tooLarge } from './create-import-errors.ts'
import { readFirstRow, refuseZeroBytes, type CsvHead } from './csv-header.ts'
import { ProxyError } from '../../errors.ts'
import { MAX_FILES_PER_IMPORT, MAX_IMPORT_REQUEST_BYTES } from './import-form.ts'

/** room for the multipart boundaries and part headers around importRequest and the file */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

/** An uncompressed multipart form whose declared length could fit the file limit (per file, two files at most). */
export function checkRequestHeaders(headers: IncomingHttpHeaders, maxFileBytes: number): void {
  const type = headers['content-type'] ?? ''
  if (!/^multipart\/form-data\s*;.*\bboundary\b/i.test(type)) {
    throw new ProxyError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the import as multipart/form-data (importRequest, then files).',
    )
  }
  if (!multipartBoundary(type)) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      'The multipart boundary is empty, malformed or longer than 70 characters.',
    )
  }
  const encoding = headers['content-encoding']
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new ProxyError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Compressed uploads are not accepted.')
  }
  const length = Number(headers['content-length'] ?? 0)
  const most =
    MAX_FILES_PER_IMPORT * maxFileBytes + MAX_IMPORT_REQUEST_BYTES + MULTIPART_OVERHEAD_BYTES
  if (length > most) throw tooLarge(maxFileBytes)
}

/** RFC 2046: 1–70 characters, quoted or a plain token; undefined when it is not one. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"\\\r\n]*)"|([^\s;",]*))\s*(?:;|$)/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  if (!boundary || boundary.length > 70 || / $/.test(boundary)) return undefined
  return /^[0-9a-z'()+_,\-./:=? ]+$/i.test(boundary) ? boundary : undefined
}

/** The proxy streams one file, or two for a two-file import, each named by an entry. */
export function checkFileCount(request: ImportRequest): void {
  if (request.files.length <= MAX_FILES_PER_IMPORT) return
  throw new ProxyError(
    400,
    'VALIDATION_ERROR',
    `importRequest.files has ${request.files.length} entries; an import takes at most ${MAX_FILES_PER_IMPORT} files.`,
  )
}

/**
 * A file part must be named as one `files[]` entry, extension included (HubSpot matches parts to
 * entries by name), with a name HubSpot can be sent (`#shared/file-name.ts`), and each entry gets
 * one part; `sent` holds the entries already streamed. Returns the name to send upstream: the
 * entry's, which a browser's form encoding may have changed on the way (`"` → `%22`).
 */
export function checkFileName(
  request: ImportRequest,
  uploadedName: string,
  sent: ReadonlySet<string>,
): string {
  const entry = request.files.find((f) => sameUploadedFileName(f.fileName, uploadedName))
  if (!entry) {
    const problem = fileNameProblem(uploadedName)
    if (problem) throw new ProxyError(400, 'VALIDATION_ERROR', problem)
    const listed = request.files.map((f) => `"${f.fileName}"`).join(', ')
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `The uploaded file "${uploadedName}" has no entry in importRequest.files (${listed}): each fileName must equal its file's name, extension included.`,
    )
  }
  const problem = fileNameProblem(uploadedName) ?? fileNameProblem(entry.fileName)
  if (problem) throw new ProxyError(400, 'VALIDATION_ERROR', problem)
  if (sent.has(entry.fileName)) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `Two uploaded files are named "${uploadedName}": send each file of importRequest.files once.`,
    )
  }
  return entry.fileName
}

/** After the last part: every `files[]` entry had its file. */
export function checkAllFilesSent(request: ImportRequest, sent: ReadonlySet<string>): void {
  const missing = request.files.map((f) => f.fileName).filter((name) => !sent.has(name))
  if (missing.length === 0) return
  throw new ProxyError(
    400,
    'VALIDATION_ERROR',
    `importRequest.files lists ${missing.map((n) => `"${n}"`).join(', ')}, but the form has no file with that name.`,
  )
}

/** The `files[]` entry of a file, by the name `checkFileName` returned. */
function entryOf(request: ImportRequest, fileName: string) {
  return request.files.find((f) => f.fileName === fileName)
}

/** Whether the file is a CSV the proxy reads, rather than a spreadsheet HubSpot reads. */
function isCsv(request: ImportRequest, fileName: string): boolean {
  const file = entryOf(request, fileName)
  return file !== undefined && file.fileFormat !== 'SPREADSHEET' && !/\.xlsx?$/i.test(fileName)
}

/** The chunks after the head: a CSV's are refused at the first zero byte. */
export function checkedRest(
  request: ImportRequest,
  fileName: string,
  head: CsvHead,
  chunks: AsyncIterator<Buffer>,
): AsyncIterator<Buffer> {
  return isCsv(request, fileName) ? refuseZeroBytes(chunks, head.bytes.length) : chunks
}

/**
 * A CSV's header, as soon as it is in: the file is text HubSpot reads (not UTF-16, no zero bytes,
 * not empty) and the header has one column per mapping of its entry. Spreadsheets are HubSpot's
 * to read.
 */
export function checkColumns(request: ImportRequest, fileName: string, head: CsvHead): void {
  const file = entryOf(request, fileName)
  if (!file || !isCsv(request, fileName)) return
  const problem = head.survey.problem({ hasHeader: file.fileImportPage.hasHeader })
  // a header-only file with the wrong columns: the columns are the first thing to fix
  if (problem && problem.code !== 'HEADER_ONLY') {
    throw new ProxyError(400, 'VALIDATION_ERROR', problem.message)
  }
  const columns = head.survey.headerCells
  const mappings = file.fileImportPage.columnMappings.length
  if (columns !== mappings) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `The file's first line has ${columns} column${columns === 1 ? '' : 's'} but importRequest maps ${mappings}. Every column needs one mapping.`,
    )
  }
}

/**
 * A CSV must have a data row after its header, as the wizard requires: reads on until one begins
 * (the bytes join the head) or the file ends.
 */
export async function checkFirstRow(
  request: ImportRequest,
  fileName: string,
  head: CsvHead,
  chunks: AsyncIterator<Buffer>,
  touch: () => void,
): Promise<void> {
  const file = entryOf(request, fileName)
  if (!file || !isCsv(request, fileName)) return
  await readFirstRow(head, chunks, touch)
  const problem = head.survey.problem({ hasHeader: file.fileImportPage.hasHeader })
  if (problem) throw new ProxyError(400, 'VALIDATION_ERROR', problem.message)
}
