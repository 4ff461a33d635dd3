// "Fix and re-import": the failed rows of an import as a new file, with the original mapping and options
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import type { PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import { getImportErrorsPage, loadAllImportErrors } from '#client/api/imports/get-import-errors.ts'
import { getImport } from '#client/api/imports/get-import.ts'
import { toCsv } from '#client/lib/csv.ts'
import { toErrorRow } from '#client/lib/hubspot/error-rows.ts'
import { describeErrorType } from '#client/lib/hubspot/error-types.ts'
import {
  importLineMap,
  lineInOwnFile,
  type ImportLineMap,
  type LineOrigin,
} from '#client/lib/hubspot/import-line-maps.ts'
import {
  headerFromSummary,
  readImportRequestJson,
} from '#client/lib/hubspot/import-request-json.ts'
import { reimportName } from '#client/lib/hubspot/reimport-links.ts'

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
}

export interface ReimportSeed {
  file: File
  /**
   * The original request with the re-import's name and file name, ready to send once the rows are
   * fixed; undefined when `importRequestJson` is absent or no longer valid (map the columns again).
   */
  importRequest: ImportRequest | undefined
  /**
   * Problems keyed by the line number in the new file (header = line 1, first row = line 2), so
   * the wizard can mark the cells as it shows them.
   */
  problemsByLine: Record<number, ReimportProblem[]>
  /** things the user should know before importing again */
  warnings: string[]
  sourceImportId: string
  /** each row's line in the person's own file (or HubSpot's line, when that is all we know) */
  lineOrigin: LineOrigin
}

export interface ReimportFetchers {
  getImport: (importId: string, signal?: AbortSignal) => Promise<PublicImportResponse>
  getErrorsPage: typeof getImportErrorsPage
  /** the source import's line map, recorded by the wizard that started it (this browser only) */
  lineMap: (importId: string) => ImportLineMap | undefined
}

const defaultFetchers: ReimportFetchers = {
  getImport,
  getErrorsPage: getImportErrorsPage,
  lineMap: importLineMap,
}

function baseFileName(fileName: string | undefined, importId: string): string {
  const base = (fileName ?? '').replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-')
  return base || `import-${importId}`
}

/**
 * Builds the starting point of "fix and re-import": a CSV of only the failed rows, under the
 * original header, with the same mapping and options.
 *
 * Which rows: every row with at least one row error, once (deduplicated by lineNumber), in file
 * order. HubSpot does not say per error whether the rest of the row was written (for some errors it
 * writes the record and leaves the bad value blank), so a row cannot be safely dropped; re-importing
 * a written row with Create-and-update matches the same record by its unique key, so every record
 * still exists once. File-wide errors (line 0) have no row and are reported as warnings.
 *
 * Values are written exactly as HubSpot returned them: no formula guard, since the file goes back
 * to HubSpot, not into a spreadsheet, and the guard would change the user's data (a phone number
 * `+49…` would become `'+49…`).
 */
export async function buildReimportSeed(
  importId: string,
  fetchers: Partial<ReimportFetchers> = {},
  options: { signal?: AbortSignal; onProgress?: (loadedErrors: number) => void } = {},
): Promise<ReimportSeed> {
  const {
    getImport: fetchImport,
    getErrorsPage,
    lineMap: lineMapOf,
  } = { ...defaultFetchers, ...fetchers }
  const lineMap = lineMapOf(importId)
  const ownLine = (hubspotLine: number) =>
    lineMap ? lineInOwnFile(lineMap, hubspotLine) : hubspotLine
  const importResponse = await fetchImport(importId, options.signal)
  const summary = readImportRequestJson(importResponse.importRequestJson)
  const loaded = await loadAllImportErrors(importId, {
    getPage: getErrorsPage,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })

  const warnings: string[] = []
  if (!loaded.complete) {
    warnings.push(
      'HubSpot stopped returning errors before the end: some failed rows may be missing.',
    )
  }
  if (!summary?.request) {
    warnings.push('The original mapping could not be read: map the columns again.')
  }

  // a multi-file import's other files have other headers: keep the first file's rows only
  const fileId = loaded.errors.find((error) => error.sourceData.lineNumber > 0)?.sourceData.fileId
  const byLine = new Map<number, PublicImportError[]>()
  let otherFiles = 0
  for (const error of loaded.errors) {
    const { lineNumber } = error.sourceData
    if (lineNumber <= 0) {
      const message = `File-wide error: ${error.errorMessage ?? describeErrorType(error.errorType)}`
      if (!warnings.includes(message)) warnings.push(message)
      continue
    }
    if (error.sourceData.fileId !== fileId) {
      otherFiles += 1
      continue
    }
    const list = byLine.get(lineNumber)
    if (list) list.push(error)
    else byLine.set(lineNumber, [error])
  }
  if (otherFiles > 0) warnings.push('Errors of other files in this import were left out.')

  // which file of a multi-file import the rows are of: its header, mapping and name
  const fileIndex =
    fileId === undefined ? 0 : Math.max(0, importResponse.metadata.fileIds.indexOf(String(fileId)))
  const entry = summary?.request?.files[fileIndex]
  const header = entry
    ? entry.fileImportPage.columnMappings.map((column) => column.columnName)
    : fileIndex === 0
      ? headerFromSummary(summary)
      : []
  if ((summary?.fileNames.length ?? 0) > 1 && entry) {
    warnings.push(
      `This import joined ${summary?.fileNames.length} files: the failed rows of ${entry.fileName} are imported again on their own, without the column that associated them with the other file.`,
    )
  }

  const lines = [...byLine.keys()].sort((a, b) => a - b)
  const csvHeader = header.length > 0 ? header : inferHeader(byLine)
  const records = [csvHeader]
  const problemsByLine: Record<number, ReimportProblem[]> = {}
  const lineOrigin: LineOrigin = { fileName: lineMap?.fileName, lines: lines.map(ownLine) }
  let hidden = false
  lines.forEach((lineNumber, index) => {
    const errors = byLine.get(lineNumber) ?? []
    const rowData = errors.find((error) => error.sourceData.rowData.length > 0)?.sourceData.rowData
    records.push(rowData ?? csvHeader.map(() => ''))
    problemsByLine[index + 2] = errors.map((error) => {
      const row = toErrorRow(error, csvHeader)
      hidden ||= row.rowHasHiddenValues
      return {
        originalLineNumber: ownLine(lineNumber),
        errorType: row.errorType,
        errorTypeLabel: row.errorTypeLabel,
        message: row.message,
        columnIndex: row.columnIndex,
        columnName: row.columnName,
        invalidValue: row.invalidValueHidden ? undefined : row.invalidValue,
        hiddenValues: row.rowHasHiddenValues,
      }
    })
  })
  if (hidden) {
    warnings.push(
      'HubSpot hid sensitive values in some rows (shown as REDACTED): type them in again.',
    )
  }

  const fileName = `${baseFileName(summary?.fileNames[fileIndex], importId)}-failed-rows.csv`
  const file = new File([toCsv(records, { quoteAll: true })], fileName, { type: 'text/csv' })
  const importRequest = summary?.request
    ? {
        ...summary.request,
        name: reimportName(summary.request.name ?? importResponse.importName, importId),
        files: summary.request.files.slice(fileIndex, fileIndex + 1).map((entry) => ({
          ...entry,
          fileName,
          fileImportPage: { ...entry.fileImportPage, hasHeader: true },
        })),
      }
    : undefined
  return { file, importRequest, problemsByLine, warnings, sourceImportId: importId, lineOrigin }
}

/** Without a mapping, name the columns by position so the wizard can still show the rows. */
function inferHeader(byLine: Map<number, PublicImportError[]>): string[] {
  let width = 0
  for (const errors of byLine.values()) {
    for (const error of errors) width = Math.max(width, error.sourceData.rowData.length)
  }
  return Array.from({ length: width }, (_, index) => `Column ${index + 1}`)
}
