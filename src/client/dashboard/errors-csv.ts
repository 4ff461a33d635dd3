import type { ErrorRow } from './error-rows.ts'

/** Excel reads a CSV as the local code page unless it starts with a UTF-8 byte order mark. */
export const UTF8_BOM = '\uFEFF'

// OWASP CSV injection + ASVS 1.2.10: these first characters make spreadsheets evaluate a cell
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\0']

/** Prefixes a `'` to a cell a spreadsheet would otherwise read as a formula (reliability.md §3.2). */
export function neutralizeFormula(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.includes(value.charAt(0)) ? `'${value}` : value
}

/** RFC 4180 field: always quoted (a quote cannot start a new cell), embedded quotes doubled. */
export function csvField(value: string): string {
  return `"${value.replaceAll('"', '""')}"`
}

/** One CSV record, CRLF-terminated as RFC 4180 §2.1 asks. */
export function csvRecord(cells: readonly string[], options: { neutralize: boolean }): string {
  return (
    cells.map((cell) => csvField(options.neutralize ? neutralizeFormula(cell) : cell)).join(',') +
    '\r\n'
  )
}

// the raw code beside the plain words: it is what HubSpot's docs and support search for
export const ERRORS_CSV_COLUMNS = [
  'Line',
  'Column',
  'Error type',
  'Error code',
  'Message',
  'Invalid value',
] as const

/**
 * The errors report: our six columns, then the original row's cells under the file's header.
 * Values are exported as HubSpot returned them (a hidden value stays `REDACTED`), but guarded.
 */
export function errorsToCsv(rows: readonly ErrorRow[], header: readonly string[]): string {
  const width = Math.max(header.length, ...rows.map((row) => row.rowData.length))
  const originalHeader = Array.from(
    { length: width },
    (_, index) => header[index] || `Column ${index + 1}`,
  )
  const lines = [csvRecord([...ERRORS_CSV_COLUMNS, ...originalHeader], { neutralize: true })]
  for (const row of rows) {
    const cells = [
      String(row.lineNumber),
      row.columnName ?? '',
      row.errorTypeLabel,
      row.errorType,
      row.message,
      row.invalidValue ?? '',
      ...Array.from({ length: width }, (_, index) => row.rowData[index] ?? ''),
    ]
    lines.push(csvRecord(cells, { neutralize: true }))
  }
  return UTF8_BOM + lines.join('')
}

export const errorsCsvFileName = (importId: string): string =>
  `import-${importId.replace(/[^\w-]/g, '_')}-errors.csv`

/** Saves text as a file through a Blob URL (no data: URL size limits, nothing sent anywhere). */
export function downloadText(
  fileName: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  anchor.rel = 'noopener'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
