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
import { SPREADSHEET_MESSAGES, type SpreadsheetErrorCode } from './file-kind.ts'
import { unpackWithProgress, type UnpackProgress } from './unpack-with-progress.ts'

// kept here too: what the reader refuses and how a file is told apart, without the reader itself
export { importFileKind, SPREADSHEET_MESSAGES } from './file-kind.ts'
export type { ImportFileKind, SpreadsheetErrorCode } from './file-kind.ts'

export interface SpreadsheetSheet {
  name: string
  rows: SpreadsheetCell[][]
}

/** One non-empty row as text, with its row number in the sheet. */
export interface SpreadsheetRecord {
  cells: string[]
  lineNumber: number
}

export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode

  constructor(code: SpreadsheetErrorCode, fileName: string, cause?: unknown) {
    super(`${fileName} ${SPREADSHEET_MESSAGES[code]}`, cause === undefined ? {} : { cause })
    this.name = 'SpreadsheetError'
    this.code = code
  }
}

export interface ReadProgressOptions {
  /** the file being unzipped, by compressed bytes (see unpack-with-progress.ts) */
  onUnpackProgress?: (progress: UnpackProgress) => void
  /** unzipped: the reader now parses `xmlBytes` of XML, in one step it reports nothing of */
  onParsing?: (xmlBytes: number) => void
  signal?: AbortSignal
}

/**
 * Reads every sheet of a workbook, cells typed; throws a `SpreadsheetError` for what cannot be
 * read. With progress callbacks, a Blob is unzipped here first, chunk by chunk.
 */
export async function readSpreadsheet(
  input: ArrayBuffer | Blob,
  fileName: string,
  progress: ReadProgressOptions = {},
): Promise<SpreadsheetSheet[]> {
  try {
    const source = await withProgress(input, progress)
    const sheets = await readXlsxFile(source, { trim: false })
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

/**
 * The workbook unzipped with progress and stored again, or `input` itself when no progress is
 * asked for, or when it does not unzip: the reader then says what is wrong with it.
 */
async function withProgress(
  input: ArrayBuffer | Blob,
  progress: ReadProgressOptions,
): Promise<ArrayBuffer | Blob> {
  if (!(input instanceof Blob) || (!progress.onUnpackProgress && !progress.onParsing)) return input
  let unpacked: Awaited<ReturnType<typeof unpackWithProgress>>
  try {
    unpacked = await unpackWithProgress(input, {
      ...(progress.onUnpackProgress ? { onProgress: progress.onUnpackProgress } : {}),
      ...(progress.signal ? { signal: progress.signal } : {}),
    })
  } catch (error) {
    if (progress.signal?.aborted) throw error
    return input
  }
  progress.onParsing?.(unpacked.xmlBytes)
  return unpacked.stored.buffer
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
