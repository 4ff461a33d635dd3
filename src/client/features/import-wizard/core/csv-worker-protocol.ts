// The messages between the page and the CSV worker
import type { CheckPlan, ProblemType } from './check-plan.ts'
import type { Edits } from './edits.ts'
import type { FileInspection } from './inspect-file.ts'
import {
  packNumbers,
  packRecord,
  packRuns,
  unpackNumbers,
  unpackRecord,
  unpackRuns,
} from './packed-numbers.ts'
import type { ParseSettings, SettingsOverrides } from './parse-settings.ts'
import type { CrossFileCheckInput, CrossFileCheckResult } from './two-files/cross-file-check.ts'
import type {
  ExportPlan,
  ExportResult,
  ProblemRow,
  ScanProgress,
  ScanResult,
} from './scan-result.ts'
import type { WorkbookProgress, WorkbookReadResult } from './spreadsheet/workbook-source.ts'

export type WorkerRequest =
  | {
      type: 'scan'
      id: number
      file: Blob
      settings: ParseSettings
      plan: CheckPlan
      edits: Edits
      /** data row indexes of problem rows the page holds already: left out of the result's rows */
      knownRows?: readonly number[]
    }
  | { type: 'export'; id: number; file: Blob; settings: ParseSettings; plan: ExportPlan }
  /** an .xlsx workbook: its sheet names, and the chosen (or only) sheet as CSV */
  | { type: 'read-workbook'; id: number; file: Blob; fileName: string; sheetName?: string }
  /** a two-file import: the reference file's common values that match no owner row */
  | { type: 'cross-check'; id: number; input: CrossFileCheckInput }
  /** a chosen file's head: how to read it, its headers, a preview and whole-file issues */
  | { type: 'inspect'; id: number; file: Blob; fileName: string; overrides: SettingsOverrides }
  | { type: 'cancel'; id: number }

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ScanProgress | WorkbookProgress }
  /** a page of the scan's problem rows, posted before its `scan-result` (see `scanResultMessages`) */
  | { type: 'scan-rows'; id: number; rows: ProblemRow[] }
  /** the rest of the scan's result: its rows came in the `scan-rows` pages before it */
  | { type: 'scan-result'; id: number; result: PackedScanResult }
  | { type: 'export-result'; id: number; result: PackedExportResult }
  | { type: 'workbook-result'; id: number; result: WorkbookReadResult }
  | { type: 'cross-check-result'; id: number; result: CrossFileCheckResult }
  | { type: 'inspect-result'; id: number; result: FileInspection }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }

/** A scan's result as it crosses: no problem rows (they come in pages), number lists packed. */
export interface PackedScanResult extends Omit<
  ScanResult,
  'problemRows' | 'raggedRows' | 'problemRowIndexes' | 'rowLines'
> {
  raggedRows: Float64Array
  problemRowIndexes: Partial<Record<ProblemType, Float64Array>>
  rowLines?: Float64Array
}

/** The clean-CSV export's result as it crosses: its line maps packed. */
export interface PackedExportResult extends Omit<ExportResult, 'rowLines' | 'sourceRows'> {
  rowLines?: Float64Array
  sourceRows?: Float64Array
}

/**
 * The most cells (plus problems) one `scan-rows` page holds: about 700 rows of 13 columns. The page
 * reads each message in a task of its own; 50,000 problem rows in one message took it 150–195 ms
 * (a profile of the 1,000,000-row flow), about 3 µs a row, so a page is a few ms on a quiet
 * machine and stays under 50 ms on a loaded one.
 */
export const PROBLEM_ROW_PAGE_CELLS = 10_000

/**
 * A scan's result as messages: the problem rows in pages of about `pageCells` cells (a row wider
 * than that is a page of its own), then the rest of the result with its number lists packed.
 */
export function scanResultMessages(
  id: number,
  result: ScanResult,
  pageCells = PROBLEM_ROW_PAGE_CELLS,
): WorkerResponse[] {
  const messages: WorkerResponse[] = []
  let page: ProblemRow[] = []
  let cells = 0
  for (const row of result.problemRows) {
    page.push(row)
    cells += row.cells.length + row.problems.length
    if (cells >= pageCells) {
      messages.push({ type: 'scan-rows', id, rows: page })
      page = []
      cells = 0
    }
  }
  if (page.length > 0) messages.push({ type: 'scan-rows', id, rows: page })
  const { problemRows: _sent, raggedRows, problemRowIndexes, rowLines, ...rest } = result
  const packed: PackedScanResult = {
    ...rest,
    raggedRows: packNumbers(raggedRows),
    problemRowIndexes: packRecord(problemRowIndexes),
    ...(rowLines ? { rowLines: packRuns(rowLines) } : {}),
  }
  messages.push({ type: 'scan-result', id, result: packed })
  return messages
}

/** The page's side of `scanResultMessages`: the result with the pages' rows put back, in order. */
export function joinScanResult(
  packed: PackedScanResult,
  pages: readonly ProblemRow[][],
): ScanResult {
  const { raggedRows, problemRowIndexes, rowLines, ...rest } = packed
  return {
    ...rest,
    problemRows: pages.length === 1 ? pages[0]! : pages.flat(),
    raggedRows: unpackNumbers(raggedRows),
    problemRowIndexes: unpackRecord(problemRowIndexes),
    ...(rowLines ? { rowLines: unpackRuns(rowLines) } : {}),
  }
}

export function packExportResult(result: ExportResult): PackedExportResult {
  const { rowLines, sourceRows, ...rest } = result
  return {
    ...rest,
    ...(rowLines ? { rowLines: packRuns(rowLines) } : {}),
    ...(sourceRows ? { sourceRows: packRuns(sourceRows) } : {}),
  }
}

export function unpackExportResult(packed: PackedExportResult): ExportResult {
  const { rowLines, sourceRows, ...rest } = packed
  return {
    ...rest,
    ...(rowLines ? { rowLines: unpackRuns(rowLines) } : {}),
    ...(sourceRows ? { sourceRows: unpackRuns(sourceRows) } : {}),
  }
}

/**
 * The result without the problem rows the page holds already (a re-check after edits finds
 * mostly the same rows): they need not cross again, nor be read by the page.
 */
export function withoutKnownRows(result: ScanResult, knownRows: readonly number[]): ScanResult {
  if (knownRows.length === 0 || result.problemRows.length === 0) return result
  const known = new Set(knownRows)
  return { ...result, problemRows: result.problemRows.filter((row) => !known.has(row.rowIndex)) }
}
