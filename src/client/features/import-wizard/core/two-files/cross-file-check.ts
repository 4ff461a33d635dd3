/**
 * The cross-file check of a two-file import, run in the CSV worker before submit: the reference
 * file's common values that match no row of the owner file. Both files are read with the person's
 * edits (excluded rows left out), and values are compared through the owner property's own rules,
 * as the simulator joins them (`#shared/value-rules/common-values.ts`). Such rows still import;
 * HubSpot reports them as not associated.
 */
import type { DateFormat } from '#shared/hubspot/import-request.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { compileCellCheck } from '#shared/value-rules/cell-check.ts'
import {
  CommonValueIndex,
  unmatchedCommonValues,
  type UnmatchedCommonValue,
} from '#shared/value-rules/common-values.ts'
import { applyEdits, type Edits } from '../edits.ts'
import type { ParseSettings } from '../parse-settings.ts'
import { streamRows, type StreamOptions } from '../scan-file.ts'

/** One file's common column, read as the upload will hold it. */
export interface CommonColumnSource {
  file: Blob
  settings: ParseSettings
  columnIndex: number
  edits: Edits
}

export interface CrossFileCheckInput {
  owner: CommonColumnSource
  reference: CommonColumnSource
  /** the owner's common property */
  property: Property
  dateFormat: DateFormat
}

export interface CrossFileCheckResult {
  /** reference rows with a common value, blank ones not counted */
  referenceRows: number
  unmatchedCount: number
  /** the first unmatched values, in file order, by line of the reference file */
  unmatched: UnmatchedCommonValue[]
}

export const UNMATCHED_LISTED = 200

/** Each non-excluded row's common value after edits, with its line. */
async function columnCells(
  source: CommonColumnSource,
  options: StreamOptions,
): Promise<{ value: string; lineNumber: number }[]> {
  const cells: { value: string; lineNumber: number }[] = []
  await streamRows(
    source.file,
    source.settings,
    {
      row(row, rowIndex, lineNumber) {
        const edited = applyEdits(row, rowIndex, source.edits)
        if (edited) cells.push({ value: edited[source.columnIndex] ?? '', lineNumber })
      },
    },
    options,
  )
  return cells
}

export async function crossFileCheck(
  input: CrossFileCheckInput,
  options: StreamOptions = {},
): Promise<CrossFileCheckResult> {
  const index = new CommonValueIndex<number>(
    compileCellCheck(input.property, { dateFormat: input.dateFormat }),
  )
  for (const { value, lineNumber } of await columnCells(input.owner, options)) {
    index.add(value, lineNumber)
  }
  const referenceCells = (await columnCells(input.reference, options)).filter(
    (cell) => cell.value.trim() !== '',
  )
  const unmatched = unmatchedCommonValues(index, referenceCells)
  return {
    referenceRows: referenceCells.length,
    unmatchedCount: unmatched.length,
    unmatched: unmatched.slice(0, UNMATCHED_LISTED),
  }
}
