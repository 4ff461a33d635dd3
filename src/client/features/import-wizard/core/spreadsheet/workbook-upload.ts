/**
 * Whether a workbook goes to HubSpot as it is (`fileFormat: SPREADSHEET`) or as the clean CSV of
 * its sheet. It goes as it is when HubSpot would read the same rows the wizard checked: one sheet,
 * header on the first row that is not empty, every column imported under its own name, no value
 * changed and no row left out. Empty rows don't matter: a sheet's empty rows are not records for
 * HubSpot's reader as the simulator models it, nor for the wizard.
 */
import { cleanCsvReasons, type CleanCsvInput } from '../edits.ts'
import type { WorkbookSource } from './workbook-source.ts'

export const SEVERAL_SHEETS_REASON = 'HubSpot imports one sheet of a workbook'

/** Why the workbook can't be uploaded as it is (empty: it can). */
export function workbookUploadReasons(
  workbook: Pick<WorkbookSource, 'sheetNames'>,
  input: Omit<CleanCsvInput, 'ambiguities'>,
): string[] {
  // the sheet's CSV is written by the wizard: UTF-8, commas, standard quotes; blank lines are empty rows
  const reasons = cleanCsvReasons({ ...input, ambiguities: { blankRows: 0, quoteRows: 0 } })
  return workbook.sheetNames.length > 1 ? [SEVERAL_SHEETS_REASON, ...reasons] : reasons
}
