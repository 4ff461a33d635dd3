/**
 * The one CSV record reader the wizard, the proxy and the simulator share, so all three split a
 * file into the same records by construction. The dialect it reads is stated once, in
 * src/client/features/import-wizard/core/README.md ("The CSV dialect"); in short:
 *
 * - Records end at CRLF, LF or a lone CR outside quotes; a file may mix them. The line break
 *   after the last record does not start another one. A UTF-8 BOM at the start is not content.
 * - A cell is quoted when its first character is `"`; inside, `""` is a quote and line breaks
 *   and delimiters are text. It ends at a quote followed by the delimiter, a line break or the end.
 * - Quotes written any other way are read the way PapaParse reads them, and the record says so:
 *   `STRAY_QUOTE` (a quote inside an unquoted cell, `5'10"`: text), `INVALID_QUOTES` (a quote
 *   inside a quoted cell that neither doubles nor closes it, `"Ann "The" Lee"`, or spaces after
 *   the closing quote: the quote is text), `UNTERMINATED_QUOTE` (the cell runs to the end).
 * - A blank record (an empty line, only spaces, only empty cells: `,,`, `"", " "`) is not a
 *   row: it goes to `blank`, never to `record` (PapaParse's `skipEmptyLines: 'greedy'`).
 *
 * Papaparse itself is not underneath: its parser takes one line ending per file (guessed per
 * chunk, papaparse#1132) and says nothing of quotes inside unquoted cells. This one keeps its
 * state across chunks, so a record longer than a chunk is never read twice.
 */

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number]

/** How a record's quotes depart from RFC 4180, worst first. */
export type QuoteProblem = 'UNTERMINATED_QUOTE' | 'INVALID_QUOTES' | 'STRAY_QUOTE'

export interface CsvRecordSink {
  /** a record with at least one non-blank cell; `cells` belongs to the receiver */
  record(cells: string[], lineNumber: number, problem: QuoteProblem | undefined): void
  /** a blank record: not a row anywhere */
  blank?(lineNumber: number): void
}

export interface CsvRecordReader {
  /** reads a chunk of text; a record cut at its end is completed by the next chunk */
  push(text: string): void
  /** ends the last record (an open quote makes it UNTERMINATED_QUOTE) */
  end(): void
  /** characters read into ended records (blank ones included) */
  readonly consumed: number
  /** the record not yet ended already holds a non-blank character */
  readonly pendingContent: boolean
}

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const TAB = 0x09

const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
/** a quote inside a quoted cell: a doubled quote, the closing one, or a stray one */
const QUOTE_SEEN = 3

const SEVERITY: Record<QuoteProblem, number> = {
  STRAY_QUOTE: 1,
  INVALID_QUOTES: 2,
  UNTERMINATED_QUOTE: 3,
}

/** A record whose every cell is empty or white space: an empty line, `,,`, `"", " "`. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.length > 0 && cell.trim() !== '') return false
  return true
}

/** Where `search` next occurs in `text` from `from`, or the text's length when it doesn't. */
function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from)
  return at === -1 ? text.length : at
}

export function createCsvRecordReader(
  options: { delimiter: CsvDelimiter },
  sink: CsvRecordSink,
): CsvRecordReader {
  const delimiterText = options.delimiter
  const delimiter = delimiterText.charCodeAt(0)
  let state = FIELD_START
  let cells: string[] = []
  /** the current cell's text from earlier chunks (and, when quoted, up to its last quote) */
  let cell = ''
  /** spaces after a quote inside a quoted cell, until the next character decides */
  let spaces = ''
  let problem: QuoteProblem | undefined
  let line = 1
  let recordLine = 1
  /** the last character ended a record with CR: a LF right after it belongs to it */
  let afterCr = false
  /** the last character was a CR inside a quoted cell: a LF after it is the same line break */
  let crInQuotes = false
  let started = false
  let consumed = 0
  let offset = 0

  const flag = (found: QuoteProblem) => {
    if (!problem || SEVERITY[found] > SEVERITY[problem]) problem = found
  }

  /** `end`: the record's last character, its line break included, as an offset in all text read */
  const endRecord = (end: number) => {
    if (problem !== 'UNTERMINATED_QUOTE' && isBlankRecord(cells)) sink.blank?.(recordLine)
    else sink.record(cells, recordLine, problem)
    cells = []
    problem = undefined
    consumed = end
  }

  /** Ends a cell at `at`, where `c` (the delimiter or a line break) stands. */
  const endCell = (value: string, c: number, at: number) => {
    cells.push(value)
    cell = ''
    state = FIELD_START
    if (c === delimiter) return
    endRecord(at + 1)
    line++
    recordLine = line
    afterCr = c === CR
  }

  const push = (input: string) => {
    let text = input
    if (!started && text.length > 0) {
      started = true
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1)
        offset += 1
      }
    }
    const n = text.length
    // where the current cell's text starts in this chunk
    let from = 0
    // the next delimiter, LF, CR and quote at or after where they were last looked for (n: none)
    let nextDelimiter = -1
    let nextLf = -1
    let nextCr = -1
    let nextQuote = -1
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i)
      if (afterCr) {
        afterCr = false
        if (c === LF) {
          from = i + 1
          continue
        }
      }
      if (state === FIELD_START) {
        if (c === QUOTE) {
          state = QUOTED
          from = i + 1
          continue
        }
        // the character starts an unquoted cell
        from = i
        state = UNQUOTED
      }
      if (state === UNQUOTED) {
        // most cells are plain text up to the next delimiter or line break: jump there with
        // indexOf (papaparse's technique), each position found once and kept until passed
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(text, delimiterText, i)
        if (nextLf < i) nextLf = indexOrEnd(text, '\n', i)
        if (nextCr < i) nextCr = indexOrEnd(text, '\r', i)
        let end = nextDelimiter < nextLf ? nextDelimiter : nextLf
        if (nextCr < end) end = nextCr
        // a quote inside an unquoted cell is text
        if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i)
        if (nextQuote < end) flag('STRAY_QUOTE')
        i = end
        if (i === n) break
        c = text.charCodeAt(i)
        // (a cell begun in an earlier chunk is rare: no string concatenation for the rest)
        endCell(cell === '' ? text.slice(from, i) : cell + text.slice(from, i), c, offset + i)
        from = i + 1
      } else if (state === QUOTED) {
        for (; i < n; i++) {
          c = text.charCodeAt(i)
          if (c === QUOTE) break
          if (c === LF) {
            if (!crInQuotes) line++
            crInQuotes = false
          } else {
            crInQuotes = c === CR
            if (crInQuotes) line++
          }
        }
        if (i === n) break
        crInQuotes = false
        cell += text.slice(from, i)
        from = i + 1
        state = QUOTE_SEEN
      } else if (c === QUOTE && spaces === '') {
        // QUOTE_SEEN: "" is one quote
        cell += '"'
        from = i + 1
        state = QUOTED
      } else if (c === delimiter || c === LF || c === CR) {
        // QUOTE_SEEN: the closing quote
        if (spaces !== '') flag('INVALID_QUOTES')
        spaces = ''
        endCell(cell, c, offset + i)
        from = i + 1
      } else if (c === SPACE || c === TAB) {
        spaces += c === SPACE ? ' ' : '\t'
        from = i + 1
      } else {
        // QUOTE_SEEN: not a closing quote after all; it is text, and the cell goes on
        flag('INVALID_QUOTES')
        cell += `"${spaces}`
        spaces = ''
        from = i
        state = QUOTED
        i--
      }
    }
    if (state === UNQUOTED || state === QUOTED) cell += text.slice(from)
    offset += n
  }

  return {
    push,
    end() {
      if (state === QUOTED) {
        flag('UNTERMINATED_QUOTE')
        cells.push(cell)
      } else if (state === QUOTE_SEEN) {
        if (spaces !== '') flag('INVALID_QUOTES')
        cells.push(cell)
      } else if (state === UNQUOTED) {
        cells.push(cell)
      } else if (cells.length > 0) {
        // `a,` at the very end: the last cell is empty
        cells.push('')
      }
      if (cells.length > 0) endRecord(offset)
      cell = ''
      spaces = ''
      state = FIELD_START
    },
    get consumed() {
      return consumed
    },
    get pendingContent() {
      return !isBlankRecord(cells) || cell.trim() !== ''
    },
  }
}

export interface ParsedCsvText {
  /** non-blank records, in order */
  records: string[][]
  /** 1-based physical line where each record starts */
  lineNumbers: number[]
  /** quote problems by record index */
  problems: { recordIndex: number; lineNumber: number; problem: QuoteProblem }[]
  /** lines where blank records start */
  blankLines: number[]
  /** characters read into ended records */
  consumed: number
}

const READ_SLICE = 16 * 1024

/**
 * Reads a whole text, or with `sampled` the head of a file whose last record may be cut off
 * (that record is left out); with `maxRecords`, stops soon after that many records.
 */
export function readCsvText(
  text: string,
  options: { delimiter: CsvDelimiter; sampled?: boolean; maxRecords?: number },
): ParsedCsvText {
  const out: ParsedCsvText = {
    records: [],
    lineNumbers: [],
    problems: [],
    blankLines: [],
    consumed: 0,
  }
  const max = options.maxRecords ?? Infinity
  const reader = createCsvRecordReader(options, {
    record(cells, lineNumber, problem) {
      if (out.records.length >= max) return
      if (problem) out.problems.push({ recordIndex: out.records.length, lineNumber, problem })
      out.records.push(cells)
      out.lineNumbers.push(lineNumber)
    },
    blank(lineNumber) {
      out.blankLines.push(lineNumber)
    },
  })
  // in slices, so a caller that wants the first records only does not read the whole text
  for (let at = 0; at < text.length && out.records.length < max; at += READ_SLICE)
    reader.push(text.slice(at, at + READ_SLICE))
  if (!options.sampled && out.records.length < max) reader.end()
  out.consumed = reader.consumed
  return out
}
