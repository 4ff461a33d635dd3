/**
 * Fix and re-import of a two-file import: which rows of each file go again so that the fixed rows
 * are joined on the same common column as before.
 *
 * HubSpot's errors name the file of each failed row (`sourceData.fileId`, in the order of the
 * import's `metadata.fileIds`), so the failed rows of each file are known, under that file's
 * header. A join is resolved within one import: a reference value is associated with the row of
 * the owner file that holds it. Two ways were possible to re-join a fixed row with a record the
 * first import already wrote:
 * - reference that record by its ID: HubSpot supports it (a `HUBSPOT_OBJECT_ID` association
 *   column), but the wizard only reaches the imports and properties endpoints and never learns
 *   the record IDs, and the reference file's mapping would no longer be the one imported;
 * - send that record's row of the owner file again. Only failed rows come back with their data,
 *   but a row holding only the common value is enough: with Create-and-update or Update it
 *   matches the existing record by that value, and blank cells never clear a value in HubSpot,
 *   so nothing of the record changes, and the association is made once (HubSpot keeps one
 *   association per pair of records).
 * We do the second (an "anchor" row): same request, same mapping, same join.
 *
 * Which rows:
 * - every failed row of each file, once, in line order;
 * - for each failed row of the reference file whose common value no failed row of the owner file
 *   holds, one anchor row in the owner file (once per value), unless HubSpot said the value itself
 *   could not join (`INVALID_ASSOCIATION_IDENTIFIER`, `NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER`):
 *   then no record of the owner file holds it, and an anchor would create one the first import
 *   never had. Owner rows that failed are among the failed rows already, by value.
 * With a Create-only operation on the owner's object an anchor would be refused as existing; the
 * caller warns about it.
 */
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import {
  isCommonColumnReference,
  locatedMappings,
  pairCommonColumn,
} from '#shared/hubspot/multi-file-request.ts'

/** The common column of a two-file request: the owner file and the column in each file. */
export interface JoinColumns {
  ownerFile: 0 | 1
  /** column index in the owner file (marked `associationIdentifierColumn`) */
  ownerColumn: number
  /** column index in the other file (the reference) */
  referenceColumn: number
}

/** One failed row of a file: HubSpot's line, its cells, the error types HubSpot reported for it. */
export interface FailedRow {
  lineNumber: number
  cells: readonly string[]
  errorTypes: readonly string[]
}

/** A row of a re-import file: a failed row (with its line) or an anchor (no line). */
export interface ReimportRow {
  lineNumber: number | undefined
  cells: string[]
}

/** Errors saying the reference value itself can't join: no anchor can help. */
export const JOIN_VALUE_ERRORS: ReadonlySet<string> = new Set([
  'INVALID_ASSOCIATION_IDENTIFIER',
  'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER',
])

/** The join of a two-file request, or undefined when the request is not two files joined on one column. */
export function joinColumnsOf(request: ImportRequest): JoinColumns | undefined {
  if (request.files.length !== 2) return undefined
  const located = locatedMappings(request)
  const identifiers = located.filter((m) => m.mapping.associationIdentifierColumn)
  const references = located.filter((m) => isCommonColumnReference(m.mapping))
  if (references.length !== 1) return undefined
  const reference = references[0]!
  const pairing = pairCommonColumn(reference, identifiers)
  if (pairing.kind !== 'found') return undefined
  const ownerFile = pairing.identifier.fileIndex
  if ((ownerFile !== 0 && ownerFile !== 1) || ownerFile === reference.fileIndex) return undefined
  return {
    ownerFile,
    ownerColumn: pairing.identifier.columnIndex,
    referenceColumn: reference.columnIndex,
  }
}

/** How a common value is compared: as HubSpot compares emails and domains, without case. */
const valueKey = (value: string) => value.trim().toLowerCase()

/**
 * The rows of each re-import file, in request order: the failed rows of each (once, by line), and
 * the anchors the reference file's failed rows need (see the module's comment).
 */
export function twoFileReimportRows(
  join: JoinColumns,
  failed: readonly [readonly FailedRow[], readonly FailedRow[]],
  widths: readonly [number, number],
): { files: [ReimportRow[], ReimportRow[]]; anchors: number } {
  const referenceFile = join.ownerFile === 0 ? 1 : 0
  const rowsOf = (side: 0 | 1): ReimportRow[] => {
    const byLine = new Map<number, FailedRow>()
    for (const row of failed[side]) if (!byLine.has(row.lineNumber)) byLine.set(row.lineNumber, row)
    return [...byLine.values()]
      .sort((a, b) => a.lineNumber - b.lineNumber)
      .map((row) => ({ lineNumber: row.lineNumber, cells: [...row.cells] }))
  }
  const files: [ReimportRow[], ReimportRow[]] = [rowsOf(0), rowsOf(1)]

  const held = new Set(
    files[join.ownerFile]
      .map((row) => valueKey(row.cells[join.ownerColumn] ?? ''))
      .filter((key) => key !== ''),
  )
  const canJoin = new Map<number, boolean>()
  for (const row of failed[referenceFile]) {
    const joinable = !row.errorTypes.some((type) => JOIN_VALUE_ERRORS.has(type))
    canJoin.set(row.lineNumber, (canJoin.get(row.lineNumber) ?? true) && joinable)
  }
  let anchors = 0
  for (const row of files[referenceFile]) {
    const value = (row.cells[join.referenceColumn] ?? '').trim()
    const key = valueKey(value)
    if (key === '' || held.has(key) || !canJoin.get(row.lineNumber as number)) continue
    held.add(key)
    const cells = Array.from({ length: widths[join.ownerFile] }, () => '')
    cells[join.ownerColumn] = value
    files[join.ownerFile].push({ lineNumber: undefined, cells })
    anchors += 1
  }
  return { files, anchors }
}
