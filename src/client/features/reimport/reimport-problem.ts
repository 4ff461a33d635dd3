// One problem HubSpot reported for a failed row, as the re-import shows it, and the re-import's file name
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { toCsv } from '#client/lib/csv.ts'
import { toErrorRow } from '#client/lib/hubspot/error-rows.ts'

/** One problem HubSpot reported for a row, placed on the row of the re-import file. */
export interface ReimportProblem {
  /** the row's line in the person's own file when known, else HubSpot's line (header = line 1) */
  originalLineNumber: number
  errorType: string
  errorTypeLabel: string
  message: string
  /** 0-based column in the file, when known */
  columnIndex: number | undefined
  columnName: string | undefined
  invalidValue: string | undefined
  /** HubSpot hid values of this row (`REDACTED`): they must be typed in again */
  hiddenValues: boolean
  /** the file of the source import the row was in, when the import had several */
  originalFileName?: string | undefined
}

/** HubSpot's error as a problem of the re-import's row; `originalLineNumber` as the caller knows it. */
export function toReimportProblem(
  error: PublicImportError,
  header: readonly string[],
  originalLineNumber: number,
): ReimportProblem {
  const row = toErrorRow(error, header)
  return {
    originalLineNumber,
    errorType: row.errorType,
    errorTypeLabel: row.errorTypeLabel,
    message: row.message,
    columnIndex: row.columnIndex,
    columnName: row.columnName,
    invalidValue: row.invalidValueHidden ? undefined : row.invalidValue,
    hiddenValues: row.rowHasHiddenValues,
  }
}

export const HIDDEN_VALUES_WARNING =
  'HubSpot hid sensitive values in some rows (shown as REDACTED): type them in again.'

/** `<original name>-failed-rows.csv`, safe as a file name. */
export function failedRowsFileName(fileName: string | undefined, importId: string): string {
  const base = (fileName ?? '').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-')
  return `${base || `import-${importId}`}-failed-rows.csv`
}

/**
 * The re-import's file: every cell quoted. Values are written exactly as HubSpot returned them: no
 * formula guard, since the file goes back to HubSpot, not into a spreadsheet, and the guard would
 * change the user's data (a phone number `+49…` would become `'+49…`).
 */
export function failedRowsFile(records: readonly (readonly string[])[], fileName: string): File {
  return new File([toCsv(records, { quoteAll: true })], fileName, {
    type: 'text/csv',
  })
}
