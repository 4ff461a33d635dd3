/**
 * Reading `.xlsx` workbooks, the same way in the browser's worker and in the simulator: with
 * `read-excel-file`'s universal build (an ArrayBuffer or Blob in, no Node API, no DOM), cells
 * typed by what they hold, then turned into text by `cell-text.ts`.
 *
 * Choices where HubSpot is SILENT:
 * - Rows are numbered as the sheet numbers them (row 1 is the first row), so an error's line is
 *   the row a person sees in Excel. Rows whose cells are all empty are skipped, like blank lines
 *   in a CSV: they are not records, and the header is the first row that is not empty.
 * - Every row has as many cells as the sheet's widest row: Excel has no ragged rows.
 * - Text is not trimmed (the value rules trim), formulas give the value Excel last computed, and
 *   an error cell (`#N/A`, `#DIV/0!`) is empty.
 */
import readXlsxFile, { InvalidInputError } from 'read-excel-file/universal'
import { cellText, type SpreadsheetCell } from './cell-text.ts'

export interface SpreadsheetSheet {
  name: string
  rows: SpreadsheetCell[][]
}

/** One non-empty row as text, with its row number in the sheet. */
export interface SpreadsheetRecord {
  cells: string[]
  lineNumber: number
}

export type SpreadsheetErrorCode =
  /** a legacy Excel 97–2003 workbook */
  | 'XLS_NOT_SUPPORTED'
  /** not a workbook at all (a CSV named .xlsx, a ZIP of something else, an empty file) */
  | 'NOT_A_WORKBOOK'
  /** a workbook whose content cannot be read */
  | 'INVALID_SPREADSHEET'

export const SPREADSHEET_MESSAGES: Readonly<Record<SpreadsheetErrorCode, string>> = {
  XLS_NOT_SUPPORTED:
    'is an Excel 97–2003 workbook (.xls), which cannot be read: save it as an Excel workbook (.xlsx) or as CSV and choose it again.',
  NOT_A_WORKBOOK: 'is not an Excel workbook (.xlsx).',
  INVALID_SPREADSHEET: 'is an Excel workbook that cannot be read; it may be damaged.',
}

export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode

  constructor(code: SpreadsheetErrorCode, fileName: string, cause?: unknown) {
    super(`${fileName} ${SPREADSHEET_MESSAGES[code]}`, cause === undefined ? {} : { cause })
    this.name = 'SpreadsheetError'
    this.code = code
  }
}

/** Reads every sheet of a workbook, cells typed; throws a `SpreadsheetError` for what cannot be read. */
export async function readSpreadsheet(
  input: ArrayBuffer | Blob,
  fileName: string,
): Promise<SpreadsheetSheet[]> {
  try {
    const sheets = await readXlsxFile(input, { trim: false })
    // the package types a date cell as `typeof Date`; it is a Date instance
    return sheets.map((s) => ({ name: s.sheet, rows: s.data as SpreadsheetCell[][] }))
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new SpreadsheetError(
        error.code === 'XLS_FILE_NOT_SUPPORTED' ? 'XLS_NOT_SUPPORTED' : 'NOT_A_WORKBOOK',
        fileName,
        error,
      )
    }
    throw new SpreadsheetError('INVALID_SPREADSHEET', fileName, error)
  }
}

/** The sheet's non-empty rows as text, in order, numbered as the sheet numbers them. */
export function* spreadsheetRecords(
  rows: readonly (readonly SpreadsheetCell[])[],
): Generator<SpreadsheetRecord> {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly SpreadsheetCell[]
    if (row.every((cell) => cell === null)) continue
    yield { cells: row.map(cellText), lineNumber: i + 1 }
  }
}

/** What kind of file an upload is, from its first bytes, else from its name. */
export type ImportFileKind = 'csv' | 'xlsx' | 'xls' | 'other'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]

/**
 * The bytes decide first: an `.xlsx` is a ZIP archive and an `.xls` an OLE2 compound file,
 * whatever the name says. Otherwise the extension: `.csv`, `.xlsx` (bytes that then fail to read
 * as a workbook) or `.xls`.
 */
export function importFileKind(fileName: string, head: Uint8Array): ImportFileKind {
  const starts = (magic: readonly number[]) => magic.every((byte, i) => head[i] === byte)
  if (starts(OLE2_MAGIC)) return 'xls'
  if (starts(ZIP_MAGIC)) return 'xlsx'
  const extension = /\.([^.]*)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'csv') return 'csv'
  if (extension === 'xlsx') return 'xlsx'
  if (extension === 'xls') return 'xls'
  return 'other'
}
