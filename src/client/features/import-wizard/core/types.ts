import type { ColumnType, DateFormat, ImportOperation } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { ImportErrorType } from '#shared/hubspot/public-import-error.ts'
import type { Property } from '#shared/hubspot/property.ts'

// everything here crosses postMessage or IndexedDB, so: plain data only (no Maps, functions, classes)

/* ---------- parse settings ---------- */

/** TextDecoder labels the wizard offers (WHATWG Encoding names). */
export const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8 (Unicode)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Excel "Unicode text")' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1252', label: 'Windows-1252 / Latin-1 (Western Europe, Excel on Windows)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 / Latin-9 (Western Europe with €)' },
  { value: 'windows-1250', label: 'Windows-1250 (Central Europe)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'macintosh', label: 'Mac OS Roman (old Excel for Mac)' },
] as const
export type Encoding = (typeof ENCODINGS)[number]['value']

export const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
] as const
export type Delimiter = (typeof DELIMITERS)[number]['value']

/** How the file is read. Every field is detected by `inspectFile` and can be overridden in the UI. */
export interface ParseSettings {
  encoding: Encoding
  delimiter: Delimiter
  /** 0-based index of the header among the file's records (blank records are not records) */
  headerRowIndex: number
}
export type SettingsOverrides = Partial<ParseSettings>

/* ---------- detection ---------- */

export interface EncodingDetection {
  encoding: Encoding
  hasBom: boolean
  /** for a person: "UTF-8 byte order mark", "bytes are not valid UTF-8 …" */
  reason: string
}

export interface DelimiterDetection {
  delimiter: Delimiter
  /** field count per line that the winner gives on most lines */
  columnCount: number
  /** 0..1: share of sampled lines that have `columnCount` fields */
  consistency: number
  reason: string
}

export interface HeaderRowDetection {
  headerRowIndex: number
  reason: string
}

/* ---------- inspection ---------- */

export const FILE_ISSUE_CODES = [
  'EMPTY_FILE',
  'HEADER_ONLY',
  'NOT_A_CSV',
  'FILE_TOO_LARGE',
  'TOO_MANY_COLUMNS',
  'DUPLICATE_HEADERS',
  'BLANK_HEADERS',
  'ROWS_ABOVE_HEADER',
  'NOT_UTF8',
  'NOT_COMMA_DELIMITED',
  'UNTERMINATED_QUOTE',
  'INVALID_QUOTES',
  'RAGGED_ROWS',
  'TOO_MANY_ROWS',
] as const
export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number]

export interface FileIssue {
  code: FileIssueCode
  severity: 'error' | 'warning'
  /** clear, specific, for a person */
  message: string
  /** 1-based physical line numbers in the original file */
  lines?: number[]
  /** 0-based column indexes (after the header row) */
  columns?: number[]
}

export interface FileInspection {
  fileName: string
  fileSize: number
  /** the settings used (detected, then overrides applied) */
  settings: ParseSettings
  detected: {
    encoding: EncodingDetection
    delimiter: DelimiterDetection
    headerRow: HeaderRowDetection
  }
  /** header cells as in the file (BOM stripped, not trimmed, not renamed) */
  headers: string[]
  /** unique, non-blank names for display and for a clean CSV: `Email`, `Email (2)`, `Column 3` */
  columnNames: string[]
  /** the first data rows after the header (~20), padded/truncated to headers.length */
  previewRows: string[][]
  /** 1-based line number where each preview row starts */
  previewLineNumbers: number[]
  /** the first records of the file as parsed (title rows included), for the header-row picker */
  headRows: string[][]
  /** false when the 256 KB sample held the whole file */
  sampled: boolean
  /** rows in the file, estimated from the sample's bytes per row (exact when !sampled) */
  estimatedRows: number
  issues: FileIssue[]
}

/* ---------- column matching and mapping ---------- */

export type MatchConfidence = 'exact' | 'high' | 'fuzzy' | 'ambiguous' | 'none'

export interface MatchCandidate {
  objectTypeId: ObjectTypeId
  propertyName: string
  label: string
  /** 0..1 */
  score: number
}

export interface ColumnMatch {
  columnIndex: number
  columnName: string
  objectTypeId?: ObjectTypeId
  propertyName?: string
  confidence: MatchConfidence
  /** 0..1; 0 when nothing matched */
  score: number
  /** best other candidates, best first (for the dropdown; both sides of an ambiguity) */
  alternatives: MatchCandidate[]
}

/** Property catalogues per object, as fetched from the properties API. */
export type PropertyCatalogs = Partial<Record<ObjectTypeId, Property[]>>

export type ImportOperations = Partial<Record<ObjectTypeId, ImportOperation>>

/** One file column in the mapping form. `propertyName: null` means the column is not imported. */
export interface ColumnMappingDraft {
  columnIndex: number
  columnName: string
  objectTypeId: ObjectTypeId | null
  propertyName: string | null
}
export type MappingDraft = ColumnMappingDraft[]

export const MAPPING_PROBLEM_CODES = [
  'NO_COLUMNS_MAPPED',
  'PROPERTY_MAPPED_TWICE',
  'UNKNOWN_PROPERTY',
  'READ_ONLY_PROPERTY',
  'MISSING_OBJECT',
  'MISSING_IDENTIFIER',
  'MISSING_REQUIRED_TO_CREATE',
  'NO_IDENTIFIER_MAY_DUPLICATE',
] as const
export type MappingProblemCode = (typeof MAPPING_PROBLEM_CODES)[number]

export interface MappingProblem {
  code: MappingProblemCode
  /** 'error' blocks the next step; 'warning' is shown only */
  severity: 'error' | 'warning'
  message: string
  objectTypeId?: ObjectTypeId
  /** columns involved (0-based); react-hook-form path is `columns.<index>.propertyName` */
  columnIndexes: number[]
}

export interface MappingEvaluation {
  /** per file column: the columnType to send, null for unmapped columns */
  columnTypes: (ColumnType | null)[]
  problems: MappingProblem[]
  /** no problem with severity 'error' */
  ok: boolean
}

/* ---------- pre-flight scan ---------- */

/** HubSpot's own errorType names where one fits (ragged row → INCORRECT_NUMBER_OF_COLUMNS, …). */
export type ProblemType = ImportErrorType | 'UNTERMINATED_QUOTE'

export type IdentifierKind = 'HUBSPOT_OBJECT_ID' | 'HUBSPOT_ALTERNATE_ID'

/** One mapped column as the scan checks it. */
export interface ColumnCheckPlan {
  columnIndex: number
  columnName: string
  objectTypeId: ObjectTypeId
  property: Property
  /** set when the column identifies records (record id, email, domain, unique property) */
  identifier?: IdentifierKind
  /** collect the first non-blank values for the date-format suggestion */
  collectDateSamples: boolean
}

export interface ObjectCheckPlan {
  objectTypeId: ObjectTypeId
  operation: ImportOperation
  /** identifier columns of this object (any one non-blank value identifies the record) */
  identifierColumns: number[]
  /** required to create: each group needs one non-blank cell (companies: [[name, domain]]) */
  requiredToCreate: { propertyNames: string[]; columnIndexes: number[] }[]
}

/** Everything the worker needs to check rows; built by `buildCheckPlan`, structured-cloneable. */
export interface CheckPlan {
  /** header field count; rows with another count are ragged */
  columnCount: number
  columns: ColumnCheckPlan[]
  objects: ObjectCheckPlan[]
  dateFormat: DateFormat
  /** problem rows kept with their cells (counts stay exact beyond it) */
  problemRowCap: number
  /** non-blank samples kept per date column */
  dateSampleSize: number
}

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
  /** file-wide findings (TOO_MANY_ROWS, UNTERMINATED_QUOTE, …) */
  fileIssues: FileIssue[]
  ambiguities: ScanAmbiguities
}

export interface ScanProgress {
  bytesRead: number
  totalBytes: number
  rows: number
}

/* ---------- user edits ---------- */

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

/* ---------- clean CSV export ---------- */

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
}

/* ---------- worker protocol ---------- */

export type WorkerRequest =
  | {
      type: 'scan'
      id: number
      file: Blob
      settings: ParseSettings
      plan: CheckPlan
      edits: Edits
    }
  | { type: 'export'; id: number; file: Blob; settings: ParseSettings; plan: ExportPlan }
  | { type: 'cancel'; id: number }

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ScanProgress }
  | { type: 'scan-result'; id: number; result: ScanResult }
  | { type: 'export-result'; id: number; result: ExportResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
