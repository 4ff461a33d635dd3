/**
 * Association columns: a common column of a multi-file import (joined to another file's
 * `associationIdentifierColumn`, see src/shared/hubspot/multi-file-request.ts), or a column
 * holding another object's record ID or key (`foreignKeyType`, `toColumnObjectTypeId`).
 */
import type { NormalizedColumnMapping } from '#shared/hubspot/import-request.ts'
import { pairCommonColumn, type LocatedMapping } from '#shared/hubspot/multi-file-request.ts'
import { associationPair } from '#shared/hubspot/object-types.ts'
import { builtInAlternateId } from './record-keys.ts'
import type { ForeignKeyPlan } from './import-plan.ts'

/**
 * What an association column points at, or undefined when the mapping is not one (a property
 * column, or one that would associate an object with its own type). A column joined to another
 * file's common column finds its record among that file's rows; any other finds it in the CRM by
 * its built-in key, else by record ID.
 */
export function planForeignKey(
  mapping: NormalizedColumnMapping,
  identifierColumns: readonly LocatedMapping[],
  fileIndex = -1,
): ForeignKeyPlan | undefined {
  if (mapping.propertyName !== null || (!mapping.foreignKeyType && !mapping.toColumnObjectTypeId))
    return undefined
  const typeId = mapping.foreignKeyType?.associationTypeId
  const pair = typeId === undefined ? undefined : associationPair(typeId)
  const fromObjectTypeId = pair?.[0] ?? mapping.columnObjectTypeId
  const toObjectTypeId = mapping.toColumnObjectTypeId ?? pair?.[1]
  if (!toObjectTypeId || toObjectTypeId === fromObjectTypeId) return undefined
  const byRecordId = mapping.columnType === 'HUBSPOT_OBJECT_ID'
  const pairing = byRecordId
    ? undefined
    : pairCommonColumn(
        { fileIndex, mapping: { ...mapping, toColumnObjectTypeId: toObjectTypeId } },
        identifierColumns,
      )
  const joined = pairing?.kind === 'found' ? pairing.identifier : undefined
  const propertyName = byRecordId
    ? 'hs_object_id'
    : (joined?.mapping.propertyName ?? builtInAlternateId(toObjectTypeId) ?? 'hs_object_id')
  const category = mapping.foreignKeyType?.associationCategory
  return {
    fromObjectTypeId,
    toObjectTypeId,
    propertyName,
    ...(joined
      ? {
          join: {
            fileIndex: joined.fileIndex,
            fileName: joined.fileName,
            columnName: joined.mapping.columnName,
          },
        }
      : {}),
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
