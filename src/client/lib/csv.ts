// CSV text written by papaparse's writer: RFC 4180 quoting, CRLF records, an optional formula guard
import Papa from 'papaparse'

/**
 * Cells a spreadsheet would evaluate as a formula start with one of these: OWASP's list
 * (https://owasp.org/www-community/attacks/CSV_Injection: `=`, `+`, `-`, `@`, tab, CR, LF) and
 * NUL, which ASVS 5.0 requirement 1.2.10 adds. papaparse's own default pattern leaves out LF and
 * NUL, and its `.*$` misses a formula followed by a line break inside the cell, so the guard
 * passes this pattern instead.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\0]/

export interface CsvOptions {
  /** quote every field, not only those that need it (a spreadsheet then never splits a cell) */
  quoteAll?: boolean
  /** prefix `'` to cells that would run as formulas: for files opened in spreadsheets only */
  guardFormulas?: boolean
}

// papaparse quotes fields holding the delimiter, a quote or a line break, and a leading or
// trailing space; other edge whitespace (a tab, a no-break space) must survive a re-read too
const EDGE_WHITESPACE = /^\s|\s$/

/** CSV records, each ended by CRLF (RFC 4180 §2.1), so records can be appended to one another. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  if (rows.length === 0) return ''
  const text = Papa.unparse(rows as string[][], {
    newline: '\r\n',
    quotes: options.quoteAll ? true : (value: string) => EDGE_WHITESPACE.test(value),
    escapeFormulae: options.guardFormulas ? FORMULA_START : false,
  })
  return `${text}\r\n`
}
