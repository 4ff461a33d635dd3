/**
 * Association columns: a common column of a multi-file import (`associationIdentifierColumn`), or
 * a column holding another object's record ID or key (`foreignKeyType`, `toColumnObjectTypeId`).
 */
import type { NormalizedColumnMapping } from '#shared/hubspot/import-request.ts'
import { associationPair } from '#shared/hubspot/object-types.ts'
import { builtInAlternateId } from './crm-store.ts'
import type { ForeignKeyPlan } from './import-plan.ts'

/**
 * What an association column points at, or undefined when the mapping is not one (a property
 * column, or one that would associate an object with its own type). The target is found by the
 * property the other file maps the same column name to, else by its built-in key, else by ID.
 */
export function planForeignKey(
  mapping: NormalizedColumnMapping,
  identifierColumns: readonly NormalizedColumnMapping[],
): ForeignKeyPlan | undefined {
  if (mapping.propertyName !== null || (!mapping.foreignKeyType && !mapping.toColumnObjectTypeId))
    return undefined
  const typeId = mapping.foreignKeyType?.associationTypeId
  const pair = typeId === undefined ? undefined : associationPair(typeId)
  const fromObjectTypeId = pair?.[0] ?? mapping.columnObjectTypeId
  const toObjectTypeId = mapping.toColumnObjectTypeId ?? pair?.[1]
  if (!toObjectTypeId || toObjectTypeId === fromObjectTypeId) return undefined
  const joined = identifierColumns.find(
    (m) =>
      m.columnName === mapping.columnName &&
      m.columnObjectTypeId === toObjectTypeId &&
      m.propertyName,
  )
  const propertyName =
    mapping.columnType === 'HUBSPOT_OBJECT_ID'
      ? 'hs_object_id'
      : (joined?.propertyName ?? builtInAlternateId(toObjectTypeId) ?? 'hs_object_id')
  const category = mapping.foreignKeyType?.associationCategory
  return {
    fromObjectTypeId,
    toObjectTypeId,
    propertyName,
    ...(mapping.foreignKeyType
      ? {
          association: {
            associationTypeId: mapping.foreignKeyType.associationTypeId,
            associationCategory:
              category === 'HUBSPOT_DEFINED' ? 'HUBSPOT_DEFINED' : 'USER_DEFINED',
          },
        }
      : {}),
  }
}
