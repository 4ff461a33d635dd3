/**
 * An import file's records, whatever its format: a CSV streamed record by record, or the one
 * sheet of an `.xlsx` workbook read with the shared spreadsheet reader. Both give the same text
 * cells to the same value rules.
 *
 * Choices where HubSpot is SILENT:
 * - A workbook's line numbers are its sheet row numbers (what Excel shows), and its empty rows
 *   are skipped like a CSV's blank lines; see `src/shared/spreadsheet/read-spreadsheet.ts`.
 * - A workbook is read whole (HubSpot's file limit is 512 MB, and Excel's sheet limit equals its
 *   1,048,576-row limit); a CSV is streamed.
 */
import { readFile } from 'node:fs/promises'
import {
  readSpreadsheet,
  SpreadsheetError,
  spreadsheetRecords,
} from '#shared/spreadsheet/read-spreadsheet.ts'
import { readCsvRecords, type CsvRecord } from './csv-records.ts'
import { ImportFailure } from './import-errors.ts'
import type { StoredImportFile } from './types.ts'

/** The file's records in order; a workbook that cannot be read fails the import. */
export async function* readImportRecords(file: StoredImportFile): AsyncGenerator<CsvRecord> {
  if (file.fileFormat !== 'SPREADSHEET') {
    yield* readCsvRecords(file.path)
    return
  }
  const rows = await readWorkbookSheet(file)
  for (const { cells, lineNumber } of spreadsheetRecords(rows)) {
    yield { cells, recordNumber: lineNumber }
  }
}

async function readWorkbookSheet(file: StoredImportFile) {
  const bytes = await readFile(file.path)
  try {
    const sheets = await readSpreadsheet(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      file.fileName,
    )
    // the upload checked for exactly one sheet; a file changed since is a failure, not a guess
    if (sheets.length !== 1) {
      throw new ImportFailure(
        'INVALID_SHEET_COUNT',
        `The file ${file.fileName} has ${sheets.length} sheets; an import file must have exactly one.`,
        file,
      )
    }
    return sheets[0]?.rows ?? []
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error
    throw new ImportFailure('INVALID_SPREADSHEET', error.message, file)
  }
}
