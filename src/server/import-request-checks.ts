/**
 * Checks on a create before anything goes upstream: the request's headers, one file named as in
 * importRequest, and a header line with one column per mapping.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { tooLarge } from './create-import-errors.ts'
import { countCsvFields, firstRecordEnd, headerRecord } from './csv-header.ts'
import { ProxyError } from './errors.ts'
import { MAX_IMPORT_REQUEST_BYTES } from './import-form.ts'

const MAX_HEADER_BYTES = 1024 * 1024
/** room for the multipart boundaries and part headers around importRequest and the file */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

/** An uncompressed multipart form whose declared length could fit the file limit. */
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
  if (length > maxFileBytes + MAX_IMPORT_REQUEST_BYTES + MULTIPART_OVERHEAD_BYTES)
    throw tooLarge(maxFileBytes)
}

/** RFC 2046: 1–70 characters, quoted or a plain token; undefined when it is not one. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"\\\r\n]*)"|([^\s;",]*))\s*(?:;|$)/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  if (!boundary || boundary.length > 70 || / $/.test(boundary)) return undefined
  return /^[0-9a-z'()+_,\-./:=? ]+$/i.test(boundary) ? boundary : undefined
}

/** The proxy streams one file per import, and importRequest must name it. */
export function checkOneFile(request: ImportRequest, uploadedName: string): void {
  const expected = request.files[0]?.fileName
  if (request.files.length !== 1) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      'The proxy takes exactly one file per import: importRequest.files must have one entry.',
    )
  }
  if (uploadedName !== expected) {
    throw new ProxyError(
      400,
      'VALIDATION_ERROR',
      `importRequest.files[0].fileName ("${expected}") must match the uploaded file's name ("${uploadedName}").`,
    )
  }
}

/** Reads until the first record (the header line) is complete, or the file ends. */
export async function readHead(chunks: AsyncIterator<Buffer>, touch: () => void): Promise<Buffer> {
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

/** A CSV's header line must have one column per mapping; spreadsheets are HubSpot's to read. */
export function checkColumns(request: ImportRequest, fileName: string, head: Buffer): void {
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
