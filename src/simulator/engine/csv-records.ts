// Reads an uploaded CSV file from disk record by record, in the shared dialect
import { createReadStream } from 'node:fs'
import { createCsvRecordReader, type QuoteProblem } from '#shared/csv/record-reader.ts'

/** One CSV record: its cells, its 1-based record number, and a parse problem if it has one. */
export interface CsvRecord {
  cells: string[]
  /** 1-based position among the file's records (blank records are not records) */
  recordNumber: number
  parseError?: string
}

/** A record that never ends (an unterminated quote, usually) stops the file rather than eating memory. */
export class RecordTooLargeError extends Error {
  readonly recordNumber: number
  constructor(recordNumber: number, limit: number) {
    super(`record ${recordNumber} is longer than ${limit} characters; is a quote left open?`)
    this.name = 'RecordTooLargeError'
    this.recordNumber = recordNumber
  }
}

/** 1,000 columns × HubSpot's 65,536-character cell limit would be 64M; real rows are far smaller. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024

/**
 * Where HubSpot's reader is unknown (SILENT), the simulator fails the row as a strict RFC 4180
 * reader would; a quote inside an unquoted cell (`5'10"`) is text, as every common reader has it.
 */
const PARSE_ERRORS: Partial<Record<QuoteProblem, string>> = {
  UNTERMINATED_QUOTE: 'a quoted field is never closed',
  INVALID_QUOTES: 'a quote inside a quoted field is not doubled',
}

/**
 * Reads a CSV file record by record without holding it, in the dialect the wizard and the proxy
 * share (`#shared/csv/record-reader.ts`): comma-delimited, RFC 4180 quoting, CRLF, LF or CR,
 * UTF-8 with the BOM stripped. Blank records (empty lines, `,,`, whitespace) are not records,
 * matching the upload's row count.
 */
export async function* readCsvRecords(
  path: string,
  options: { maxRecordChars?: number; highWaterMark?: number } = {},
): AsyncGenerator<CsvRecord> {
  const maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: options.highWaterMark ?? 64 * 1024,
  })
  let ready: CsvRecord[] = []
  let recordNumber = 0
  let read = 0
  const reader = createCsvRecordReader(
    { delimiter: ',' },
    {
      record(cells, _line, problem) {
        recordNumber += 1
        const parseError = problem && PARSE_ERRORS[problem]
        ready.push(parseError ? { cells, recordNumber, parseError } : { cells, recordNumber })
      },
    },
  )
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      reader.push(chunk)
      read += chunk.length
      if (ready.length > 0) {
        const records = ready
        ready = []
        yield* records
      }
      if (read - reader.consumed > maxRecordChars)
        throw new RecordTooLargeError(recordNumber + 1, maxRecordChars)
    }
    reader.end()
    yield* ready
  } finally {
    stream.destroy()
  }
}
