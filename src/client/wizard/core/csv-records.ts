import Papa from 'papaparse'
import type { Delimiter } from './types.ts'

export type Newline = '\r\n' | '\n' | '\r'

/** The first line break outside quotes; papaparse guesses per chunk and leaves stray `\r`s (papaparse#1132). */
export function guessNewline(text: string): Newline {
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') inQuotes = !inQuotes
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      return c === '\n' ? '\n' : text[i + 1] === '\n' ? '\r\n' : '\r'
    }
  }
  return text.includes('\r\n')
    ? '\r\n'
    : text.includes('\n')
      ? '\n'
      : text.includes('\r')
        ? '\r'
        : '\n'
}

export type RecordErrorCode = 'UNTERMINATED_QUOTE' | 'INVALID_QUOTES'

export interface RecordSink {
  /** a parsed record; `cells` is owned by the receiver */
  record(cells: string[], lineNumber: number): void
  error(code: RecordErrorCode, lineNumber: number): void
}

export interface RecordReader {
  /** feeds decoded text; a record cut at the end waits for the next chunk */
  push(text: string): void
  /** flushes the last record */
  end(): void
  /** characters consumed into whole records so far */
  readonly consumed: number
}

/**
 * Streams text chunks into records through papaparse's low-level parser (arrays, no header
 * objects), carrying a partial record across chunks the way papaparse's own ChunkStreamer does.
 * Line numbers are 1-based physical lines where each record starts.
 */
export function createRecordReader(
  options: { delimiter: Delimiter; newline: Newline },
  sink: RecordSink,
): RecordReader {
  const parser = new Papa.Parser({ delimiter: options.delimiter, newline: options.newline })
  let partial = ''
  let line = 1
  let consumed = 0

  const emit = (text: string, last: boolean) => {
    const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>
    const rowLines: number[] = []
    for (const cells of result.data) {
      rowLines.push(line)
      line += 1 + countLineBreaks(cells)
    }
    for (const e of result.errors) {
      const row = e.row ?? 0
      // an error in the carried-over partial record is reported when that record completes
      if (row >= result.data.length && !last) continue
      const at = rowLines[row] ?? line
      if (e.code === 'MissingQuotes') sink.error('UNTERMINATED_QUOTE', at)
      else if (e.code === 'InvalidQuotes') sink.error('INVALID_QUOTES', at)
    }
    for (let i = 0; i < result.data.length; i++) sink.record(result.data[i]!, rowLines[i]!)
    const cursor = last ? text.length : result.meta.cursor
    consumed += cursor
    return text.slice(cursor)
  }

  return {
    push(text) {
      const input = partial + text
      // a record longer than the chunk gets re-scanned each time; cheap next to the decode
      partial = emit(input, false)
    },
    end() {
      if (partial) emit(partial, true)
      partial = ''
    },
    get consumed() {
      return consumed
    },
  }
}

function countLineBreaks(cells: string[]): number {
  let count = 0
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i)
      if (c === 10) count++
      else if (c === 13 && cell.charCodeAt(i + 1) !== 10) count++
    }
  }
  return count
}

/** A blank line or a record of empty cells (`,,,` from Excel): not a data row. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false
  return true
}

/** Parses a whole string (or a sample whose last record may be cut off) into records. */
export function parseRecords(
  text: string,
  options: { delimiter: Delimiter; newline?: Newline; sampled?: boolean },
): {
  records: string[][]
  lineNumbers: number[]
  errors: { code: RecordErrorCode; lineNumber: number }[]
  consumed: number
} {
  const records: string[][] = []
  const lineNumbers: number[] = []
  const errors: { code: RecordErrorCode; lineNumber: number }[] = []
  const reader = createRecordReader(
    { delimiter: options.delimiter, newline: options.newline ?? guessNewline(text) },
    {
      record(cells, lineNumber) {
        records.push(cells)
        lineNumbers.push(lineNumber)
      },
      error(code, lineNumber) {
        errors.push({ code, lineNumber })
      },
    },
  )
  reader.push(text)
  // a sample's last record may be cut off: leave it out
  if (!options.sampled) reader.end()
  return { records, lineNumbers, errors, consumed: reader.consumed }
}
