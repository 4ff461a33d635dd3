// The row-errors report as a CSV file for spreadsheets
import { toCsv } from '#client/lib/csv.ts'
import { shownLine, type ErrorRow } from '#client/lib/hubspot/error-rows.ts'

/** Excel reads a CSV as the local code page unless it starts with a UTF-8 byte order mark. */
export const UTF8_BOM = '\uFEFF'

// the raw code beside the plain words: it is what HubSpot's docs and support search for
// "Line" is the line of the person's file when known ("Line of" names the file), else HubSpot's
export const ERRORS_CSV_COLUMNS = [
  'Line',
  'Line of',
  'Column',
  'Error type',
  'Error code',
  'Message',
  'Invalid value',
  'HubSpot line',
] as const

/** What "Line of" says when only HubSpot's numbering is known. */
export const HUBSPOT_NUMBERING = "the file HubSpot received (HubSpot's numbering)"

/**
 * The errors report: our eight columns, then the original row's cells under the file's header.
 * Values are exported as HubSpot returned them (a hidden value stays `REDACTED`), but guarded.
 */
export function errorsToCsv(
  rows: readonly ErrorRow[],
  header: readonly string[],
  /** the person's file the line map counts in, when the import has one */
  lineFileName?: string,
): string {
  const width = Math.max(header.length, ...rows.map((row) => row.rowData.length))
  const originalHeader = Array.from(
    { length: width },
    (_, index) => header[index] || `Column ${index + 1}`,
  )
  const records = [[...ERRORS_CSV_COLUMNS, ...originalHeader]]
  for (const row of rows) {
    records.push([
      String(shownLine(row)),
      row.fileLine !== undefined && lineFileName ? lineFileName : HUBSPOT_NUMBERING,
      row.columnName ?? '',
      row.errorTypeLabel,
      row.errorType,
      row.message,
      row.invalidValue ?? '',
      String(row.lineNumber),
      ...Array.from({ length: width }, (_, index) => row.rowData[index] ?? ''),
    ])
  }
  // every cell quoted and formula-guarded: the report is opened in spreadsheets, not re-imported
  return UTF8_BOM + toCsv(records, { quoteAll: true, guardFormulas: true })
}

export const errorsCsvFileName = (importId: string): string =>
  `import-${importId.replace(/[^\w-]/g, '_')}-errors.csv`
