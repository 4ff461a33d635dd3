/**
 * The shapes a planned import takes before any row is read: what each column does, which objects
 * a file writes, and the row being processed. Types only, so every engine step can share them.
 */
import type { NormalizedColumnMapping } from '#shared/hubspot/import-request.ts'
import type { Property } from '#shared/hubspot/property.ts'
import type { CellCheck } from '#shared/value-rules/index.ts'
import type { CsvRecord } from './csv-records.ts'
import type { AssociationType } from './types.ts'
import type { StoredImportFile } from './types.ts'

export type ColumnRole =
  /** identifies the record; lower rank wins */
  | 'identifier'
  | 'value'
  | 'unknown-property'
  | 'read-only'
  | 'association-label'
  | 'foreign-key'
  | 'skip'

export interface ColumnPlan {
  index: number
  mapping: NormalizedColumnMapping
  objectTypeId: string
  role: ColumnRole
  property?: Property
  check?: CellCheck
  /** identifier priority, 0 = record ID */
  rank?: number
  /** the identifier is a record ID rather than a unique property */
  isRecordId?: boolean
  /** no two records may share a value (email, domain, `hasUniqueValue`) */
  unique?: boolean
  foreignKey?: ForeignKeyPlan
}

export interface ForeignKeyPlan {
  fromObjectTypeId: string
  toObjectTypeId: string
  /** the target's property that the cell holds; `hs_object_id` for record IDs */
  propertyName: string
  association?: AssociationType
  /** the other file's common column this one joins: its rows, not the CRM, hold the targets */
  join?: CommonColumnRef
}

/** A common column (`associationIdentifierColumn`) of one file of the import. */
export interface CommonColumnRef {
  fileIndex: number
  fileName: string
  columnName: string
}

export interface ObjectPlan {
  objectTypeId: string
  identifiers: ColumnPlan[]
  values: ColumnPlan[]
  problems: ColumnPlan[]
}

export interface FilePlan {
  file: StoredImportFile
  /** the file's position in `importRequest.files` */
  fileIndex: number
  hasHeader: boolean
  columnCount: number
  columns: ColumnPlan[]
  objects: ObjectPlan[]
  singleObject: boolean
  /** the object a row-wide error is filed under */
  primaryObjectTypeId: string
}

export interface RowContext {
  plan: FilePlan
  record: CsvRecord
}

/** A cell's raw text; a short row reads as blanks. */
export function cellOf(cells: readonly string[], column: ColumnPlan): string {
  return cells[column.index] ?? ''
}
