import { createReadStream } from 'node:fs'
import Papa from 'papaparse'

/** One CSV record: its cells, its 1-based record number, and a parse problem if Papa saw one. */
export interface CsvRecord {
  cells: string[]
  /** 1-based position among the file's records (blank lines are not records) */
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
 * Reads a CSV file record by record without holding it: comma-delimited RFC 4180 (HubSpot's CSV
 * format — a semicolon file is one column per row, so its rows fail the column count), UTF-8
 * with the BOM stripped, line ending (CRLF, LF or CR) detected from the first chunk. Blank
 * lines are skipped and do not count as records, matching the upload's row count.
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
  let parser: Papa.Parser | undefined
  let pending = ''
  let recordNumber = 0
  let first = true

  function* drain(input: string, final: boolean): Generator<CsvRecord> {
    if (!parser) return
    const result = parser.parse(input, 0, !final) as {
      data: string[][]
      errors: { row?: number; message: string }[]
      meta: { cursor: number }
    }
    const problems = new Map<number, string>()
    for (const error of result.errors) {
      if (error.row !== undefined && !problems.has(error.row))
        problems.set(error.row, error.message)
    }
    pending = final ? '' : input.slice(result.meta.cursor)
    for (let i = 0; i < result.data.length; i++) {
      const cells = result.data[i] as string[]
      if (cells.length === 1 && cells[0] === '') continue
      recordNumber += 1
      const parseError = problems.get(i)
      yield parseError === undefined ? { cells, recordNumber } : { cells, recordNumber, parseError }
    }
    if (pending.length > maxRecordChars)
      throw new RecordTooLargeError(recordNumber + 1, maxRecordChars)
  }

  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let text = chunk
      if (first) {
        first = false
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      }
      if (!parser) {
        // wait for the first line ending (or the end) before choosing it
        pending += text
        const newline = detectNewline(pending)
        if (newline === undefined) {
          if (pending.length > maxRecordChars) throw new RecordTooLargeError(1, maxRecordChars)
          continue
        }
        parser = createParser(newline)
        text = pending
        pending = ''
      }
      yield* drain(pending + text, false)
    }
    // no line ending seen before the end: a lone trailing CR is one
    parser ??= createParser(pending.endsWith('\r') ? '\r' : '\n')
    yield* drain(pending, true)
  } finally {
    stream.destroy()
  }
}

function createParser(newline: '\r\n' | '\n' | '\r'): Papa.Parser {
  return new Papa.Parser({ delimiter: ',', quoteChar: '"', newline })
}

// the first line ending outside quotes decides; a CR at the very end may still become CRLF
function detectNewline(text: string): '\r\n' | '\n' | '\r' | undefined {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) quoted = !quoted
    else if (!quoted && c === 0x0a) return '\n'
    else if (!quoted && c === 0x0d) {
      if (i + 1 >= text.length) return undefined
      return text.charCodeAt(i + 1) === 0x0a ? '\r\n' : '\r'
    }
  }
  return undefined
}
