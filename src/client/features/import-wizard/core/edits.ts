// The user's fixes to the file (cell edits, replace-all, excluded rows) as plain data
import type { EncodingDetection } from './detect-encoding.ts'
import type { MappingDraft } from './mapping-draft.ts'
import type { ParseSettings } from './parse-settings.ts'
import type { ScanAmbiguities } from './scan-result.ts'

export interface CellEdit {
  rowIndex: number
  columnIndex: number
  value: string
}

/** "apply to all equal values" in one column */
export interface ValueReplacement {
  columnIndex: number
  from: string
  to: string
}

export interface Edits {
  /** applied after replacements, so a cell edit wins */
  cells: CellEdit[]
  replacements: ValueReplacement[]
  /** data row indexes left out of the import */
  excludedRows: number[]
}

export const NO_EDITS: Edits = Object.freeze({
  cells: [],
  replacements: [],
  excludedRows: [],
}) as Edits

interface CompiledEdits {
  /** rowIndex → columnIndex → value */
  cells: Map<number, Map<number, string>>
  /** columnIndex → trimmed from → to */
  replacements: Map<number, Map<string, string>>
  excluded: Set<number>
}

// edits are plain data (IndexedDB, postMessage); the lookup maps are built once per edits object
const compiled = new WeakMap<Edits, CompiledEdits>()

function compile(edits: Edits): CompiledEdits {
  let result = compiled.get(edits)
  if (result) return result
  result = { cells: new Map(), replacements: new Map(), excluded: new Set(edits.excludedRows) }
  for (const { rowIndex, columnIndex, value } of edits.cells) {
    let row = result.cells.get(rowIndex)
    if (!row) result.cells.set(rowIndex, (row = new Map()))
    row.set(columnIndex, value)
  }
  for (const { columnIndex, from, to } of edits.replacements) {
    let column = result.replacements.get(columnIndex)
    if (!column) result.replacements.set(columnIndex, (column = new Map()))
    column.set(from.trim(), to)
  }
  compiled.set(edits, result)
  return result
}

/** Whether there is nothing to apply (the scan's fast path). */
export function isEmptyEdits(edits: Edits): boolean {
  return (
    edits.cells.length === 0 && edits.replacements.length === 0 && edits.excludedRows.length === 0
  )
}

/**
 * A data row with the user's fixes: value replacements first (matching trimmed values), then
 * cell edits, which win. Returns null for an excluded row. The input row is not changed.
 */
export function applyEdits(
  row: readonly string[],
  rowIndex: number,
  edits: Edits,
): string[] | null {
  if (compile(edits).excluded.has(rowIndex)) return null
  return applyValueEdits(row, rowIndex, edits)
}

/**
 * The row's values after replacements and cell edits, whether or not the row is excluded: what
 * an excluded row shows, and what it sends once brought back.
 */
export function applyValueEdits(row: readonly string[], rowIndex: number, edits: Edits): string[] {
  const c = compile(edits)
  let out: string[] | undefined
  if (c.replacements.size > 0) {
    for (const [columnIndex, map] of c.replacements) {
      const value = row[columnIndex]
      if (value === undefined) continue
      const to = map.get(value.trim())
      if (to === undefined) continue
      out ??= [...row]
      out[columnIndex] = to
    }
  }
  const cellEdits = c.cells.get(rowIndex)
  if (cellEdits) {
    out ??= [...row]
    for (const [columnIndex, value] of cellEdits) {
      while (out.length <= columnIndex) out.push('')
      out[columnIndex] = value
    }
  }
  return out ?? (row as string[])
}

/** Sets (or replaces) one cell's value. */
export function withCellEdit(
  edits: Edits,
  rowIndex: number,
  columnIndex: number,
  value: string,
): Edits {
  const cells = edits.cells.filter((e) => e.rowIndex !== rowIndex || e.columnIndex !== columnIndex)
  return { ...edits, cells: [...cells, { rowIndex, columnIndex, value }] }
}

/** "Apply to all equal values" in a column; a later replacement of the same value wins. */
export function withReplacement(
  edits: Edits,
  columnIndex: number,
  from: string,
  to: string,
): Edits {
  const replacements = edits.replacements.filter(
    (r) => r.columnIndex !== columnIndex || r.from.trim() !== from.trim(),
  )
  return { ...edits, replacements: [...replacements, { columnIndex, from, to }] }
}

/** Leaves a row out of the import, or brings it back. */
export function withRowExcluded(edits: Edits, rowIndex: number, excluded: boolean): Edits {
  const rest = edits.excludedRows.filter((r) => r !== rowIndex)
  return { ...edits, excludedRows: excluded ? [...rest, rowIndex] : rest }
}

export interface CleanCsvInput {
  settings: ParseSettings
  encoding: Pick<EncodingDetection, 'hasBom'>
  /** header cells as in the file */
  headers: readonly string[]
  /** the names the upload will use (inspection's `columnNames`) */
  columnNames: readonly string[]
  mapping: MappingDraft
  edits: Edits
  /** what the full scan found another reader may read differently; undefined: no scan seen */
  ambiguities: ScanAmbiguities | undefined
}

/**
 * Why the original bytes can't be uploaded as they are (empty: they can). HubSpot reads UTF-8,
 * comma-separated files with the header on line 1 and every column mapped; anything else gets a
 * clean CSV generated in the worker. So does anything HubSpot may read differently from the
 * wizard (blank rows, quotes not written the standard way): the clean CSV has neither.
 */
export function cleanCsvReasons(input: CleanCsvInput): string[] {
  const reasons: string[] = []
  const { settings, edits } = input
  if (settings.encoding !== 'utf-8') reasons.push('the file is not UTF-8')
  if (input.encoding.hasBom) reasons.push('the file starts with a byte order mark')
  if (settings.delimiter !== ',') reasons.push('columns are not separated by commas')
  if (settings.headerRowIndex !== 0) reasons.push('the header is not on the first line')
  if (input.headers.some((h, i) => h !== input.columnNames[i])) {
    reasons.push('some column names are blank, repeated or padded with spaces')
  }
  if (input.mapping.some((c) => !c.objectTypeId || !c.propertyName))
    reasons.push('some columns are not imported')
  if (edits.cells.length > 0 || edits.replacements.length > 0) reasons.push('you changed values')
  if (edits.excludedRows.length > 0) reasons.push('you left rows out')
  const { ambiguities } = input
  if (!ambiguities) reasons.push('the whole file was not checked')
  else {
    if (ambiguities.blankRows > 0) reasons.push('the file has blank rows')
    if (ambiguities.quoteRows > 0) reasons.push('some quotes are not written the standard way')
  }
  return reasons
}

/** Whether a clean CSV must be generated instead of uploading the original bytes. */
export function hasChanges(input: CleanCsvInput): boolean {
  return cleanCsvReasons(input).length > 0
}

/** Leaves several rows out at once ("Exclude all rows with the wrong number of cells"). */
export function withRowsExcluded(edits: Edits, rowIndexes: readonly number[]): Edits {
  const excluded = new Set(edits.excludedRows)
  const added = rowIndexes.filter((row) => !excluded.has(row))
  if (added.length === 0) return edits
  return { ...edits, excludedRows: [...edits.excludedRows, ...added] }
}
