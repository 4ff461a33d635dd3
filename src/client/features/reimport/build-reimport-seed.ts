// "Fix and re-import": the failed rows of an import as a new file, with the original mapping and options
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import type { PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import { getImportErrorsPage, loadAllImportErrors } from '#client/api/imports/get-import-errors.ts'
import { getImport } from '#client/api/imports/get-import.ts'
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
import { buildTwoFileSeed } from './build-two-file-seed.ts'
import {
  failedRowsFile,
  failedRowsFileName,
  HIDDEN_VALUES_WARNING,
  toReimportProblem,
  type ReimportProblem,
} from './reimport-problem.ts'
import { joinColumnsOf } from './two-file-rows.ts'

export type { ReimportProblem } from './reimport-problem.ts'

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
  lineOrigin: LineOrigin | undefined
  /**
   * A two-file import's second file, its failed rows under its own header (`importRequest` then
   * has both files, with the same join); `file` is then the first file's.
   */
  second?: { file: File; problemsByLine: Record<number, ReimportProblem[]> } | undefined
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
 * A two-file import joined on a common column comes back as two files with the same join
 * (build-two-file-seed.ts); any other multi-file import as its first failed file's rows alone.
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

  const join = summary?.request && joinColumnsOf(summary.request)
  if (summary?.request && join) {
    const seed = buildTwoFileSeed({
      importId,
      importName: importResponse.importName,
      request: summary.request,
      join,
      fileIds: importResponse.metadata.fileIds,
      errors: loaded.errors.filter((error) => error.sourceData.lineNumber > 0),
    })
    for (const error of loaded.errors) {
      if (error.sourceData.lineNumber > 0) continue
      const message = `File-wide error: ${error.errorMessage ?? describeErrorType(error.errorType)}`
      if (!warnings.includes(message)) warnings.push(message)
    }
    const [first, second] = seed.files
    return {
      file: first.file,
      importRequest: seed.importRequest,
      problemsByLine: first.problemsByLine,
      warnings: [...warnings, ...seed.warnings],
      sourceImportId: importId,
      lineOrigin: undefined,
      second,
    }
  }

  // a multi-file import the wizard can't join again: keep the first file's rows only
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
      const problem = toReimportProblem(error, csvHeader, ownLine(lineNumber))
      hidden ||= problem.hiddenValues
      return problem
    })
  })
  if (hidden) warnings.push(HIDDEN_VALUES_WARNING)

  const fileName = failedRowsFileName(summary?.fileNames[fileIndex], importId)
  const file = failedRowsFile(records, fileName)
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
