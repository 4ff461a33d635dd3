// What a scan of every row finds, and what the clean-CSV export returns (plain data: it crosses postMessage)
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { OffsetRuns } from '#client/lib/offset-runs.ts'
import type { ProblemType } from './check-plan.ts'
import type { Edits } from './edits.ts'
import type { FileIssue } from './file-issue.ts'

export interface RowProblem {
  type: ProblemType
  message: string
  /** 0-based file column, absent for whole-row problems */
  columnIndex?: number
  objectTypeId?: ObjectTypeId
}

export interface ProblemRow {
  /** 0-based data row index (first row after the header is 0); the key for edits */
  rowIndex: number
  /** 1-based physical line in the original file where the record starts */
  lineNumber: number
  /** cells as in the file, before edits: the grid applies the current edits to show them */
  cells: string[]
  problems: RowProblem[]
}

/** What HubSpot should do with each object's rows, given the operation and identifiers. */
export interface ExpectedObjectResult {
  objectTypeId: ObjectTypeId
  operation: ImportOperation
  toCreate: number
  toUpdate: number
  /** UPSERT rows identified by a non-record-id value: HubSpot decides */
  toCreateOrUpdate: number
  /** rows where this object has a problem */
  withProblems: number
  /** rows where every cell of this object is blank: no record for this object */
  skipped: number
}

/**
 * What the file holds that another CSV reader may read differently from the wizard (HubSpot is
 * SILENT on both): any of it makes the wizard upload a clean CSV, so the result does not depend
 * on HubSpot's choice.
 */
export interface ScanAmbiguities {
  /** blank records anywhere: empty lines, only spaces, only empty cells (`,,`, `"",""`) */
  blankRows: number
  /** records with quotes not written the RFC 4180 way (`5'10"`, `"Ann "The" Lee"`), header included */
  quoteRows: number
}

export interface ScanResult {
  /** data rows after the header (excluded rows not counted) */
  totalRows: number
  excludedRows: number
  bytesRead: number
  problemCounts: Partial<Record<ProblemType, number>>
  /** rows with at least one problem (exact) */
  problemRowCount: number
  problemRows: ProblemRow[]
  /** problemRows stopped at plan.problemRowCap */
  problemRowsTruncated: boolean
  expected: ExpectedObjectResult[]
  /** column index → first non-blank values (date columns only) */
  dateSamples: Record<number, string[]>
  /** 1-based lines of ragged rows (first 1,000) */
  raggedLines: number[]
  /** data row indexes of ragged rows (first 100,000), to exclude them in one action */
  raggedRows: number[]
  /** per problem type, the data row indexes with it (first 100,000 each), to exclude them in one action */
  problemRowIndexes: Partial<Record<ProblemType, number[]>>
  /** file-wide findings (TOO_MANY_ROWS, UNTERMINATED_QUOTE, …) */
  fileIssues: FileIssue[]
  ambiguities: ScanAmbiguities
  /** data row index (excluded rows too) → its physical line; absent when too irregular to keep */
  rowLines?: OffsetRuns
}

export interface ScanProgress {
  bytesRead: number
  totalBytes: number
  rows: number
}

export interface ExportPlan {
  /** file columns to keep, in order (ignored columns dropped) */
  columnIndexes: number[]
  /** header names written for the kept columns (same length as columnIndexes) */
  headerNames: string[]
  edits: Edits
}

export interface ExportResult {
  blob: Blob
  rows: number
  bytes: number
  /** row of the clean copy (0 = first after the header) → physical line in the original file */
  rowLines?: OffsetRuns
  /** row of the clean copy → data row index in the original file */
  sourceRows?: OffsetRuns
}
