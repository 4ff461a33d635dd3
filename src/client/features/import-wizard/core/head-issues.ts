// What is wrong with a file's head as a whole: header names, quotes, not a CSV at all
import type { ParsedCsvText } from '#shared/csv/record-reader.ts'
import type { FileIssue } from './file-issue.ts'

/** At most this many line numbers are named in one issue. */
export const LINES_LISTED = 20

export function headerIssues(headers: readonly string[], line: number): FileIssue[] {
  const issues: FileIssue[] = []
  const byName = new Map<string, number[]>()
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase()
    if (key === '') return
    byName.set(key, [...(byName.get(key) ?? []), i])
  })
  const dupes = [...byName.values()].filter((cols) => cols.length > 1)
  if (dupes.length > 0) {
    const list = dupes
      .map(
        (cols) => `"${headers[cols[0]!]!.trim()}" (columns ${cols.map((c) => c + 1).join(', ')})`,
      )
      .join('; ')
    issues.push({
      code: 'DUPLICATE_HEADERS',
      severity: 'warning',
      message: `Some column names appear more than once: ${list}. HubSpot matches columns by name, so they will be renamed in the uploaded copy; map each one on purpose.`,
      lines: [line],
      columns: dupes.flat(),
    })
  }
  const blank = headers.flatMap((h, i) => (h.trim() === '' ? [i] : []))
  if (blank.length > 0) {
    issues.push({
      code: 'BLANK_HEADERS',
      severity: 'warning',
      message: `${blank.length === 1 ? 'Column' : 'Columns'} ${blank.map((c) => c + 1).join(', ')} ${blank.length === 1 ? 'has' : 'have'} no name in the header (line ${line}). Name ${blank.length === 1 ? 'it' : 'them'} by mapping, or leave ${blank.length === 1 ? 'it' : 'them'} out of the import.`,
      lines: [line],
      columns: blank,
    })
  }
  return issues
}

export function quoteIssues(
  problems: ParsedCsvText['problems'],
  stuckInQuote: boolean,
  parsed: ParsedCsvText,
): FileIssue[] {
  const issues: FileIssue[] = []
  const unterminated = problems
    .filter((e) => e.problem === 'UNTERMINATED_QUOTE')
    .map((e) => e.lineNumber)
  if (stuckInQuote) {
    const last = parsed.records.length - 1
    const line = last >= 0 ? parsed.lineNumbers[last]! + 1 + countBreaks(parsed.records[last]!) : 1
    unterminated.push(line)
  }
  if (unterminated.length > 0) {
    issues.push({
      code: 'UNTERMINATED_QUOTE',
      severity: 'error',
      message: `A quoted cell starting on line ${unterminated[0]} is never closed, so everything after it would be read as one cell. Add the missing closing quote (") and choose the file again.`,
      lines: unterminated,
    })
  }
  const invalid = problems.filter((e) => e.problem === 'INVALID_QUOTES').map((e) => e.lineNumber)
  if (invalid.length > 0) {
    issues.push({
      code: 'INVALID_QUOTES',
      severity: 'warning',
      message: `A quote (") inside a quoted cell is not doubled on line${invalid.length === 1 ? '' : 's'} ${listLines(invalid)}. It is read as part of the cell, as shown, and the uploaded copy writes it the standard way ("") so HubSpot reads the same.`,
      lines: invalid.slice(0, LINES_LISTED),
    })
  }
  return issues
}

function countBreaks(cells: string[]): number {
  return cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
}

// zip (xlsx), ole2 (xls), pdf, or nul bytes in what should be 8-bit text
export function sniffNotCsv(head: Uint8Array, encoding: string): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'This is an Excel workbook (.xlsx) or another zip file, not a CSV. Save it as "CSV UTF-8 (comma delimited)" and choose that file.'
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'This is an old Excel workbook (.xls), not a CSV. Save it as "CSV UTF-8 (comma delimited)" and choose that file.'
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'This is a PDF, not a CSV file.'
  if (!encoding.startsWith('utf-16') && head.subarray(0, 8192).includes(0)) {
    return 'The file contains binary data (zero bytes), so it is not a text CSV file.'
  }
  return undefined
}

export function listLines(lines: number[]): string {
  const shown = lines.slice(0, LINES_LISTED).join(', ')
  return lines.length > LINES_LISTED ? `${shown} and ${lines.length - LINES_LISTED} more` : shown
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
