/**
 * An `.xlsx` workbook in the wizard: one sheet read with the shared reader (cells by type, not by
 * display text) and written as a CSV, so detection, mapping, the row scan and the clean CSV work on
 * it exactly as on a CSV file. Runs in the CSV worker.
 *
 * The CSV has one line per sheet row, empty rows as blank lines (which are not records), so a
 * row's line number is its row number in Excel. A cell holding a line break (Alt+Enter) adds a
 * line, and the rows after it are then numbered one further on: HubSpot is SILENT on how it
 * numbers such rows, and the wizard does not renumber them.
 *
 * Progress, in order: `unzipping` (compressed bytes inflated, of the file's size), `parsing` (the
 * reader parses the unzipped XML in one step it reports nothing of: its size is all that is
 * known), then `writing` (sheet rows written as CSV, of the sheet's rows), ending at all rows.
 */
import { readSpreadsheet, spreadsheetRecords } from '#shared/spreadsheet/read-spreadsheet.ts'
import { csvLine } from '../csv-writer.ts'
import type { WorkbookProgress, WorkbookReadResult } from './workbook-source.ts'

const PROGRESS_EVERY_ROWS = 5_000
const BATCH_CHARS = 1 << 20

/**
 * Reads the workbook and writes `sheetName` (the only sheet when there is one) as UTF-8 CSV text
 * without a BOM. Throws the shared reader's `SpreadsheetError` for what is not a readable `.xlsx`.
 */
export async function readWorkbookSheet(
  file: Blob,
  fileName: string,
  sheetName: string | undefined,
  options: { onProgress?: (progress: WorkbookProgress) => void; signal?: AbortSignal } = {},
): Promise<WorkbookReadResult> {
  const { onProgress, signal } = options
  const sheets = await readSpreadsheet(file, fileName, {
    onUnpackProgress: ({ bytes, totalBytes }) =>
      onProgress?.({ stage: 'unzipping', rows: 0, totalRows: 0, bytes, totalBytes }),
    onParsing: (xmlBytes) =>
      onProgress?.({ stage: 'parsing', rows: 0, totalRows: 0, bytes: xmlBytes }),
    ...(signal ? { signal } : {}),
  })
  signal?.throwIfAborted()
  const sheetNames = sheets.map((sheet) => sheet.name)
  if (sheetName === undefined && sheets.length > 1) return { kind: 'pick-sheet', sheetNames }
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName)
  if (!sheet) {
    throw new Error(
      sheetName === undefined
        ? `${fileName} has no sheets.`
        : `${fileName} has no sheet named "${sheetName}" any more. Choose the file again.`,
    )
  }
  const totalRows = sheet.rows.length
  const parts: Blob[] = []
  let batch = ''
  let nextLine = 1
  let rows = 0
  for (const record of spreadsheetRecords(sheet.rows)) {
    // empty rows become blank lines, so line numbers stay the sheet's row numbers
    batch += '\r\n'.repeat(record.lineNumber - nextLine) + csvLine(record.cells)
    nextLine = record.lineNumber + 1
    if (batch.length >= BATCH_CHARS) {
      parts.push(new Blob([batch]))
      batch = ''
    }
    if (++rows % PROGRESS_EVERY_ROWS === 0) {
      signal?.throwIfAborted()
      onProgress?.({ stage: 'writing', rows: record.lineNumber, totalRows })
    }
  }
  parts.push(new Blob([batch]))
  onProgress?.({ stage: 'writing', rows: totalRows, totalRows })
  return {
    kind: 'sheet',
    sheetNames,
    sheetName: sheet.name,
    csv: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    rows,
  }
}
