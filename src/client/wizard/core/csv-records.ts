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

  const newline = options.newline
  const recordEnd = createRecordWalker(options.delimiter.length, newline)

  const emit = (text: string, last: boolean) => {
    const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>
    const rows = result.data
    const rowLines: number[] = new Array<number>(rows.length)
    recordEnd.reset(text)
    let pos = 0
    for (let i = 0; i < rows.length; i++) {
      rowLines[i] = line
      const cells = rows[i]!
      const end = recordEnd.plain(cells, pos)
      if (end !== -1) {
        line++
        pos = end
      } else {
        line += 1 + countLineBreaks(cells)
        pos = recordEnd.quoted(cells, pos)
      }
    }
    for (const e of result.errors) {
      const row = e.row ?? 0
      // an error in the carried-over partial record is reported when that record completes
      if (row >= rows.length && !last) continue
      const at = rowLines[row] ?? line
      if (e.code === 'MissingQuotes') sink.error('UNTERMINATED_QUOTE', at)
      else if (e.code === 'InvalidQuotes') sink.error('INVALID_QUOTES', at)
    }
    for (let i = 0; i < rows.length; i++) sink.record(rows[i]!, rowLines[i]!)
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

/**
 * Finds where each parsed record ends in the chunk's text, so line numbers come from one
 * `indexOf` per line instead of scanning every cell for line breaks.
 */
function createRecordWalker(delimiterLength: number, newline: Newline) {
  let text = ''
  // next `\n`, `\r` and `"` at or after the last position asked about (-1: none left)
  let nextLf = -1
  let nextCr = -1
  let nextQuote = -1
  return {
    reset(chunk: string) {
      text = chunk
      nextLf = text.indexOf('\n')
      nextCr = text.indexOf('\r')
      nextQuote = text.indexOf('"')
    },
    /**
     * The end (after the line break) of a record starting at `pos` when its text is just its
     * cells and delimiters, with no quote or line break inside: a one-line record. Else -1.
     */
    plain(cells: string[], pos: number): number {
      let end = pos + (cells.length - 1) * delimiterLength
      for (let i = 0; i < cells.length; i++) end += cells[i]!.length
      if (nextLf !== -1 && nextLf < pos) nextLf = text.indexOf('\n', pos)
      if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf('\r', pos)
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos)
      if (nextQuote !== -1 && nextQuote < end) return -1
      if (nextLf !== -1 && nextLf < end) return -1
      if (nextCr !== -1 && nextCr < end) return -1
      if (end === text.length) return end
      return text.startsWith(newline, end) ? end + newline.length : -1
    },
    /**
     * The end of any other record: after as many line breaks as its cells hold, plus its own.
     * Unquoting only drops quote characters, so every line break of the record's text is in a cell.
     */
    quoted(cells: string[], pos: number): number {
      let inside = 0
      for (const cell of cells) {
        for (
          let at = cell.indexOf(newline);
          at !== -1;
          at = cell.indexOf(newline, at + newline.length)
        )
          inside++
      }
      let at = pos
      for (;;) {
        const found = text.indexOf(newline, at)
        if (found === -1) return text.length
        if (inside-- === 0) return found + newline.length
        at = found + newline.length
      }
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
