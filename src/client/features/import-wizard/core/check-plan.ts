import type { DateFormat } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { REQUIRED_TO_CREATE } from '#shared/hubspot/object-types.ts'
import { columnTypeFor } from './mapping-rules.ts'
import type {
  CheckPlan,
  ColumnCheckPlan,
  ImportOperations,
  MappingDraft,
  ObjectCheckPlan,
  PropertyCatalogs,
} from './types.ts'

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
