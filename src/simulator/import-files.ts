/**
 * The uploaded files of a create, checked the way HubSpot checks them before it answers: each
 * `files[]` entry matched to one part by file name, each file a CSV or an `.xlsx` workbook within
 * the limits. A problem is a HubSpotError (400, or 429 for the documented size and row limits).
 *
 * Choices where HubSpot is SILENT (see the README):
 * - The file's bytes say what it is; `fileFormat` may be left out, but one that contradicts the
 *   bytes (`CSV` for a workbook, `SPREADSHEET` for text) is a 400.
 * - `.xls` workbooks, which HubSpot reads, are refused: the simulator reads `.xlsx` only.
 * - A workbook is read when it arrives, so its problems are answered at once, like a CSV's:
 *   unreadable → `ImportError.INVALID_SPREADSHEET`, more than one sheet →
 *   `ImportError.INVALID_SHEET_COUNT` (HubSpot: "one sheet only").
 * - A file name with a control character or over 255 bytes, and a CSV with nothing to import
 *   (empty, blank or header only, UTF-16, a zero byte) are 400s, as the proxy answers them.
 */
import { readFile } from 'node:fs/promises'
import { fileNameProblem } from '#shared/file-name.ts'
import { sizeInWords } from '#shared/size-in-words.ts'
import type { ImportFile, ImportRequest } from '#shared/hubspot/import-request.ts'
import {
  importFileKind,
  readSpreadsheet,
  SpreadsheetError,
  spreadsheetRecords,
} from '#shared/spreadsheet/read-spreadsheet.ts'
import type { StoredImportFile } from './engine/types.ts'
import { HubSpotError, validationError } from './hubspot-errors.ts'
import type { ReceivedFile, UploadFailure } from './receive-upload.ts'
import type { SimulatorState } from './simulator-state.ts'

/** Matches every `files[]` entry to its uploaded part and checks each file. */
export async function storeImportFiles(
  state: SimulatorState,
  request: ImportRequest,
  files: readonly ReceivedFile[],
): Promise<StoredImportFile[]> {
  if (files.length === 0) {
    throw validationError("No file was uploaded: send each file as a multipart part named 'files'.")
  }
  for (const file of files) {
    const problem = fileNameProblem(file.fileName)
    if (problem) throw validationError(problem, { context: { fileName: [file.fileName] } })
  }
  const repeated = repeatedNames(files.map((f) => f.fileName))
  if (repeated.length > 0) {
    throw validationError(
      `More than one uploaded file is named ${repeated.map((n) => `"${n}"`).join(', ')}: give each file part its own name.`,
      { context: { fileName: repeated } },
    )
  }
  const stored: StoredImportFile[] = []
  for (const described of request.files) {
    const file = files.find((f) => f.fileName === described.fileName)
    if (!file) {
      throw validationError(
        `No uploaded file is named "${described.fileName}": files[].fileName must equal the uploaded file's name, extension included.`,
        {
          context: {
            fileName: [described.fileName],
            uploadedFileNames: files.map((f) => f.fileName),
          },
        },
      )
    }
    stored.push(await storeFile(state, file, described))
  }
  const unused = files.filter((f) => !request.files.some((d) => d.fileName === f.fileName))
  if (unused.length > 0) {
    throw validationError(
      `Uploaded file ${unused.map((f) => `"${f.fileName}"`).join(', ')} is not described in importRequest.files.`,
      { context: { fileName: unused.map((f) => f.fileName) } },
    )
  }
  return stored
}

function repeatedNames(names: readonly string[]): string[] {
  return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))]
}

async function storeFile(
  state: SimulatorState,
  file: ReceivedFile,
  described: ImportFile,
): Promise<StoredImportFile> {
  const kind = importFileKind(file.fileName, file.head)
  const { fileFormat } = described
  if (kind === 'xls') {
    throw invalidFileType(
      file,
      `"${file.fileName}" is an Excel 97–2003 workbook (.xls). HubSpot reads those, but this simulator reads only .xlsx and .csv: save it as .xlsx or .csv.`,
    )
  }
  if (kind === 'other') {
    throw invalidFileType(
      file,
      `"${file.fileName}" is neither a CSV file (.csv) nor an Excel workbook (.xlsx).`,
    )
  }
  if (kind === 'xlsx' && fileFormat === 'CSV') {
    throw invalidFileType(
      file,
      `"${file.fileName}" is an Excel workbook, but its files[] entry says fileFormat CSV: send fileFormat SPREADSHEET.`,
    )
  }
  if (kind === 'csv' && fileFormat === 'SPREADSHEET') {
    throw invalidFileType(
      file,
      `"${file.fileName}" is a CSV file, but its files[] entry says fileFormat SPREADSHEET: send fileFormat CSV.`,
    )
  }
  const hasHeader = described.fileImportPage.hasHeader
  const shape =
    kind === 'xlsx'
      ? await workbookShape(file)
      : { records: file.records, columns: file.columns, fileFormat: 'CSV' as const }
  checkColumnCount(state, file, shape.columns)
  if (kind === 'csv') checkCsvContent(file, hasHeader)
  const rowCount = shape.records - (hasHeader && shape.records > 0 ? 1 : 0)
  if (rowCount > state.limits.maxRows)
    throw uploadFailure({ kind: 'too-many-records', fileName: file.fileName }, state)
  return {
    fileName: file.fileName,
    path: file.path,
    fileId: file.fileId,
    rowCount,
    fileFormat: shape.fileFormat,
  }
}

/** A workbook's records and header width, read now so its problems are answered now. */
async function workbookShape(
  file: ReceivedFile,
): Promise<{ records: number; columns: number; fileFormat: 'SPREADSHEET' }> {
  const bytes = await readFile(file.path)
  let sheets
  try {
    sheets = await readSpreadsheet(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      `"${file.fileName}"`,
    )
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error
    throw validationError(error.message, {
      subCategory: 'ImportError.INVALID_SPREADSHEET',
      context: { fileName: [file.fileName] },
    })
  }
  if (sheets.length !== 1) {
    throw validationError(
      `"${file.fileName}" has ${sheets.length} sheets (${sheets.map((s) => s.name).join(', ')}); an import file must have exactly one.`,
      {
        subCategory: 'ImportError.INVALID_SHEET_COUNT',
        context: { fileName: [file.fileName], sheetNames: sheets.map((s) => s.name) },
      },
    )
  }
  let records = 0
  let columns = 0
  for (const record of spreadsheetRecords(sheets[0]?.rows ?? [])) {
    if (records === 0) columns = record.cells.length
    records += 1
  }
  return { records, columns, fileFormat: 'SPREADSHEET' }
}

function invalidFileType(file: ReceivedFile, message: string): HubSpotError {
  return validationError(message, {
    subCategory: 'ImportError.INVALID_FILE_TYPE',
    context: { fileName: [file.fileName] },
  })
}

/** SILENT: HubSpot's answer to these files is undocumented; refused as the wizard and proxy do. */
function checkCsvContent(file: ReceivedFile, hasHeader: boolean): void {
  const content = file.survey.problem({ hasHeader })
  if (!content) return
  throw validationError(`"${file.fileName}": ${content.message}`, {
    subCategory: `ImportError.${content.code}`,
    context: { fileName: [file.fileName] },
  })
}

function checkColumnCount(state: SimulatorState, file: ReceivedFile, columns: number): void {
  if (columns < state.limits.columnLimit) return
  throw validationError(
    `"${file.fileName}" has ${columns} columns; an import file must have fewer than ${state.limits.columnLimit}.`,
    {
      subCategory: 'ImportError.TOO_MANY_COLUMNS',
      context: { fileName: [file.fileName], columns: [String(columns)] },
    },
  )
}

/**
 * The guide says HubSpot answers 429 for a file over 512 MB or 1,048,576 rows; the body is
 * SILENT. This one has no `policyName` and no `errorType: RATE_LIMIT`, so no client mistakes it
 * for a request-rate limit and retries the same file: it says which limit and which file.
 * `Connection: close` because the rest of the upload is not read.
 */
export function uploadFailure(failure: UploadFailure, state: SimulatorState): HubSpotError {
  switch (failure.kind) {
    case 'file-too-large':
      return new HubSpotError(
        429,
        {
          message: `"${failure.fileName}" is larger than the import limit of ${sizeInWords(state.limits.maxFileBytes)}.`,
          category: 'RATE_LIMITS',
          subCategory: 'ImportError.FILE_SIZE_LIMIT_EXCEEDED',
          context: {
            fileName: [failure.fileName],
            maxFileBytes: [String(state.limits.maxFileBytes)],
          },
        },
        { Connection: 'close' },
      )
    case 'too-many-records':
      return new HubSpotError(
        429,
        {
          message: `"${failure.fileName}" has more than the import limit of ${state.limits.maxRows} rows.`,
          category: 'RATE_LIMITS',
          subCategory: 'ImportError.ROW_LIMIT_EXCEEDED',
          context: { fileName: [failure.fileName], maxRows: [String(state.limits.maxRows)] },
        },
        { Connection: 'close' },
      )
    case 'malformed':
      return validationError(`Unable to read the multipart/form-data body: ${failure.message}`)
    case 'aborted':
      return validationError('The upload was aborted before it was complete.')
  }
}
