/**
 * "Fix and re-import" of a two-file import: both files' failed rows (plus the anchor rows the
 * join needs, see two-file-rows.ts) under their own headers, with the same request: the same
 * mappings, operations and common column.
 *
 * Line numbers: the wizard records no line map for a two-file import, so problems name HubSpot's
 * line of each original file, and the file; the check step numbers the re-import's own rows.
 */
import { normalizeColumnMapping, type ImportRequest } from '#shared/hubspot/import-request.ts'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { findObjectType } from '#shared/hubspot/object-types.ts'
import { reimportName } from '#client/lib/hubspot/reimport-links.ts'
import {
  failedRowsFile,
  failedRowsFileName,
  HIDDEN_VALUES_WARNING,
  toReimportProblem,
  type ReimportProblem,
} from './reimport-problem.ts'
import { twoFileReimportRows, type FailedRow, type JoinColumns } from './two-file-rows.ts'

export interface TwoFileSeedInput {
  importId: string
  importName: string | undefined
  request: ImportRequest
  join: JoinColumns
  /** the import's `metadata.fileIds`, in the order of `request.files` */
  fileIds: readonly string[]
  /** the import's row errors (line > 0) */
  errors: readonly PublicImportError[]
}

export interface TwoFileSeedFile {
  file: File
  problemsByLine: Record<number, ReimportProblem[]>
}

export interface TwoFileSeed {
  files: [TwoFileSeedFile, TwoFileSeedFile]
  importRequest: ImportRequest
  warnings: string[]
}

export function buildTwoFileSeed(input: TwoFileSeedInput): TwoFileSeed {
  const { request, join } = input
  const headers = request.files.map((entry) =>
    entry.fileImportPage.columnMappings.map((column) => column.columnName),
  ) as [string[], string[]]
  const errorsBySide: [PublicImportError[], PublicImportError[]] = [[], []]
  let unplaced = 0
  for (const error of input.errors) {
    const side = input.fileIds.indexOf(String(error.sourceData.fileId))
    if (side === 0 || side === 1) errorsBySide[side].push(error)
    else unplaced += 1
  }
  const failedOf = (side: 0 | 1): FailedRow[] =>
    errorsBySide[side].map((error) => ({
      lineNumber: error.sourceData.lineNumber,
      cells:
        error.sourceData.rowData.length > 0
          ? error.sourceData.rowData
          : headers[side].map(() => ''),
      errorTypes: [error.errorType],
    }))
  const { files: rows, anchors } = twoFileReimportRows(
    join,
    [failedOf(0), failedOf(1)],
    [headers[0].length, headers[1].length],
  )

  const names = request.files.map((entry) => failedRowsFileName(entry.fileName, input.importId))
  if (names[0] === names[1]) names[1] = names[1]!.replace(/\.csv$/, '-2.csv')
  let hidden = false
  const files = ([0, 1] as const).map((side): TwoFileSeedFile => {
    const problemsByLine: Record<number, ReimportProblem[]> = {}
    rows[side].forEach((row, index) => {
      if (row.lineNumber === undefined) return
      const line = row.lineNumber
      problemsByLine[index + 2] = errorsBySide[side]
        .filter((error) => error.sourceData.lineNumber === line)
        .map((error) => {
          const problem = toReimportProblem(error, headers[side], line)
          hidden ||= problem.hiddenValues
          return { ...problem, originalFileName: request.files[side]?.fileName }
        })
    })
    const records = [headers[side], ...rows[side].map((row) => row.cells)]
    return { file: failedRowsFile(records, names[side]!), problemsByLine }
  }) as [TwoFileSeedFile, TwoFileSeedFile]

  const warnings: string[] = []
  if (unplaced > 0) warnings.push('Errors HubSpot did not place in either file were left out.')
  if (hidden) warnings.push(HIDDEN_VALUES_WARNING)
  if (anchors > 0) warnings.push(anchorNote(request, join, anchors))

  return {
    files,
    warnings,
    importRequest: {
      ...request,
      name: reimportName(request.name ?? input.importName, input.importId),
      files: request.files.map((entry, side) => ({
        ...entry,
        fileName: names[side]!,
        fileFormat: 'CSV',
        fileImportPage: { ...entry.fileImportPage, hasHeader: true },
      })),
    },
  }
}

/** Why the owner file holds rows that did not fail, and when they can't do their job. */
function anchorNote(request: ImportRequest, join: JoinColumns, anchors: number): string {
  const owner = request.files[join.ownerFile]
  const other = request.files[join.ownerFile === 0 ? 1 : 0]
  const raw = owner?.fileImportPage.columnMappings[join.ownerColumn]
  const column = raw && normalizeColumnMapping(raw)
  const objectTypeId = column?.columnObjectTypeId ?? ''
  const objects = findObjectType(objectTypeId)?.name ?? 'records'
  const rows = anchors === 1 ? '1 row' : `${anchors} rows`
  const verb = anchors === 1 ? 'holds' : 'hold'
  const note = `${rows} of ${owner?.fileName} ${verb} only the common column (${column?.columnName}), to match the ${objects} already imported, so the fixed rows of ${other?.fileName} are associated with them again. Blank cells change nothing in HubSpot.`
  return request.importOperations?.[objectTypeId] === 'CREATE'
    ? `${note} The import only creates ${objects}, so HubSpot will refuse these rows as existing: choose Create and update for ${objects}.`
    : note
}
