// What the scan checks per column and per object, derived once from the mapping and the catalogues
import type { DateFormat } from '#shared/hubspot/import-request.ts'
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { REQUIRED_TO_CREATE } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import type { ImportErrorType } from '#shared/hubspot/public-import-error.ts'
import type { ImportOperations, MappingDraft, PropertyCatalogs } from './mapping-draft.ts'
import { columnTypeFor } from './mapping-rules.ts'

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

export const DEFAULT_PROBLEM_ROW_CAP = 50_000
export const DEFAULT_DATE_SAMPLE_SIZE = 200

export interface CheckPlanInput {
  mapping: MappingDraft
  operations: ImportOperations
  catalogs: PropertyCatalogs
  /** the header's field count */
  columnCount: number
  dateFormat: DateFormat
  problemRowCap?: number
  dateSampleSize?: number
}

/** What the worker checks per row, from the mapping: plain data, so it survives postMessage. */
export function buildCheckPlan(input: CheckPlanInput): CheckPlan {
  const columns: ColumnCheckPlan[] = []
  for (const column of input.mapping) {
    const { objectTypeId, propertyName } = column
    if (!objectTypeId || !propertyName) continue
    const property = input.catalogs[objectTypeId]?.find((p) => p.name === propertyName)
    if (!property) continue
    const columnType = columnTypeFor(objectTypeId, property)
    columns.push({
      columnIndex: column.columnIndex,
      columnName: column.columnName,
      objectTypeId,
      property,
      ...(columnType === 'HUBSPOT_OBJECT_ID' || columnType === 'HUBSPOT_ALTERNATE_ID'
        ? { identifier: columnType }
        : {}),
      collectDateSamples: property.type === 'date' || property.type === 'datetime',
    })
  }
  const objects: ObjectCheckPlan[] = []
  for (const [objectTypeId, operation] of Object.entries(input.operations) as [
    ObjectTypeId,
    NonNullable<ImportOperations[ObjectTypeId]>,
  ][]) {
    const own = columns.filter((c) => c.objectTypeId === objectTypeId)
    if (own.length === 0) continue
    objects.push({
      objectTypeId,
      operation,
      identifierColumns: own.filter((c) => c.identifier).map((c) => c.columnIndex),
      requiredToCreate: (REQUIRED_TO_CREATE[objectTypeId] ?? []).map((group) => ({
        propertyNames: [...group],
        columnIndexes: own.filter((c) => group.includes(c.property.name)).map((c) => c.columnIndex),
      })),
    })
  }
  return {
    columnCount: input.columnCount,
    columns,
    objects,
    dateFormat: input.dateFormat,
    problemRowCap: input.problemRowCap ?? DEFAULT_PROBLEM_ROW_CAP,
    dateSampleSize: input.dateSampleSize ?? DEFAULT_DATE_SAMPLE_SIZE,
  }
}
