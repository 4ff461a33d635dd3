// What the mapping step tells a person about an object: which columns identify its records, and which HubSpot needs to create one
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import {
  BUILT_IN_ALTERNATE_IDS,
  REQUIRED_TO_CREATE,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'

export interface MappingHint {
  /** properties that identify one record each: Record ID, the built-in one, unique properties */
  identifiers: string[]
  /** what creating a record needs, one entry per requirement ("Company name or Company Domain Name") */
  requiredToCreate: string[]
  /** what the operation asks of the mapping, in a sentence */
  needs: string
}

/** The hint for one object under one operation, in the portal's own property labels. */
export function mappingHint(
  objectTypeId: ObjectTypeId,
  catalog: readonly Property[],
  operation: ImportOperation,
): MappingHint {
  const labelOf = (name: string) => catalog.find((p) => p.name === name)?.label ?? name
  const alternate = BUILT_IN_ALTERNATE_IDS[objectTypeId]
  const unique = catalog.filter((p) => p.hasUniqueValue && isWritable(p)).map((p) => p.label)
  // a portal may mark its built-in identifier unique too: each name once
  const identifiers = [
    ...new Set([labelOf('hs_object_id'), ...(alternate ? [labelOf(alternate)] : []), ...unique]),
  ]
  const requiredToCreate = (REQUIRED_TO_CREATE[objectTypeId] ?? []).map((group) =>
    orList(group.map(labelOf)),
  )
  const identifier = `a unique identifier (${orList(identifiers)})`
  const required = andList(requiredToCreate)
  const needs =
    operation === 'UPDATE'
      ? `Updating needs ${identifier} to find each record.`
      : operation === 'CREATE'
        ? `Creating needs ${required}.`
        : `Create and update needs ${identifier} to find existing records, or ${required} to create new ones.`
  return { identifiers, requiredToCreate, needs }
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

function andList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
