/**
 * What each mapped column does (identifier, value, association, problem) and which objects a
 * file writes, decided once per file from the mappings and the property catalogue.
 *
 * Choices where HubSpot is SILENT:
 * - Only one identifier is used per object and row, by priority: record ID (`hs_object_id` or a
 *   HUBSPOT_OBJECT_ID column), a HUBSPOT_ALTERNATE_ID column, email (contacts) / domain
 *   (companies), then any other `hasUniqueValue` property. Other unique columns are written as
 *   values (see object-values.ts).
 */
import type { ColumnType, NormalizedColumnMapping } from '#shared/hubspot/import-request.ts'
import type { LocatedMapping } from '#shared/hubspot/multi-file-request.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import type { CellCheck } from '#shared/value-rules/index.ts'
import { builtInAlternateId, isBuiltInUnique } from './record-keys.ts'
import { planForeignKey } from './foreign-keys.ts'
import { ImportFailure } from './import-errors.ts'
import type { ColumnPlan, ObjectPlan } from './import-plan.ts'
import type { StoredImportFile } from './types.ts'

/** What planning a column needs to know about the account and the rest of the import. */
export interface ColumnPlanContext {
  file: StoredImportFile
  /** the file's position in `importRequest.files` */
  fileIndex?: number
  /** every file's `associationIdentifierColumn` mappings, for joining on a common column */
  identifierColumns: readonly LocatedMapping[]
  knowsObject(objectTypeId: string): boolean
  property(objectTypeId: string, propertyName: string): Property | undefined
  checkFor(objectTypeId: string, property: Property): CellCheck
}

/** Plans one column; a column for an object type the account lacks fails the import. */
export function planColumn(
  mapping: NormalizedColumnMapping,
  index: number,
  context: ColumnPlanContext,
): ColumnPlan {
  const objectTypeId = mapping.columnObjectTypeId
  const base = { index, mapping, objectTypeId }
  if (mapping.ignored) return { ...base, role: 'skip' }
  if (!context.knowsObject(objectTypeId)) {
    throw new ImportFailure(
      'MISSING_OBJECT_DEFINITION',
      `Column ${mapping.columnName} maps to ${objectTypeId}, which is not an object type in this account.`,
      context.file,
      { knownColumnNumber: index, invalidValue: objectTypeId, objectTypeId },
    )
  }
  if (mapping.columnType === 'FLEXIBLE_ASSOCIATION_LABEL')
    return { ...base, role: 'association-label' }
  const foreignKey = planForeignKey(mapping, context.identifierColumns, context.fileIndex)
  if (foreignKey) {
    // a joined column's cells are read as the common property, so both files' values compare alike
    const target = foreignKey.join
      ? context.property(foreignKey.toObjectTypeId, foreignKey.propertyName)
      : undefined
    return target
      ? {
          ...base,
          role: 'foreign-key',
          foreignKey,
          property: target,
          check: context.checkFor(foreignKey.toObjectTypeId, target),
        }
      : { ...base, role: 'foreign-key', foreignKey }
  }

  const propertyName =
    mapping.propertyName ?? (mapping.columnType === 'HUBSPOT_OBJECT_ID' ? 'hs_object_id' : null)
  if (propertyName === null) return { ...base, role: 'skip' }
  const property = context.property(objectTypeId, propertyName)
  if (!property) return { ...base, role: 'unknown-property', mapping: { ...mapping, propertyName } }
  const check = context.checkFor(objectTypeId, property)
  const withProperty = { ...base, property, check }
  if (propertyName === 'hs_object_id')
    return { ...withProperty, role: 'identifier', rank: 0, isRecordId: true }
  if (!isWritable(property)) return { ...withProperty, role: 'read-only' }
  // from the import's catalogue, so a store built without one still dedupes custom keys
  if (isBuiltInUnique(objectTypeId, propertyName) || property.hasUniqueValue === true) {
    const rank = identifierRank(objectTypeId, propertyName, mapping.columnType)
    return { ...withProperty, role: 'identifier', rank, unique: true }
  }
  return { ...withProperty, role: 'value' }
}

/** Priority of a unique (non record ID) identifier column; lower wins, record IDs are 0. */
export function identifierRank(
  objectTypeId: string,
  propertyName: string,
  columnType: ColumnType,
): number {
  if (columnType === 'HUBSPOT_ALTERNATE_ID') return 1
  return builtInAlternateId(objectTypeId) === propertyName ? 2 : 3
}

function emptyObject(objectTypeId: string): ObjectPlan {
  return { objectTypeId, identifiers: [], values: [], problems: [] }
}

/**
 * The objects a file writes, in column order, with their identifiers by priority. A unique
 * identifier is also a value (it is written on create); a record ID is not. An association
 * column's source object is written even without columns of its own, so it can be associated.
 */
export function groupColumnsByObject(columns: readonly ColumnPlan[]): ObjectPlan[] {
  const objects = new Map<string, ObjectPlan>()
  for (const column of columns) {
    if (
      column.role === 'skip' ||
      column.role === 'association-label' ||
      column.role === 'foreign-key'
    )
      continue
    let object = objects.get(column.objectTypeId)
    if (!object) {
      object = emptyObject(column.objectTypeId)
      objects.set(column.objectTypeId, object)
    }
    if (column.role === 'identifier') object.identifiers.push(column)
    if (column.role === 'value' || (column.role === 'identifier' && !column.isRecordId))
      object.values.push(column)
    if (column.role === 'unknown-property' || column.role === 'read-only')
      object.problems.push(column)
  }
  for (const object of objects.values())
    object.identifiers.sort((a, b) => (a.rank ?? 9) - (b.rank ?? 9))
  for (const column of columns) {
    const from = column.foreignKey?.fromObjectTypeId
    if (from && !objects.has(from)) objects.set(from, emptyObject(from))
  }
  return [...objects.values()]
}
