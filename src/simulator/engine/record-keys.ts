// How the simulator's CRM recognises a record by a unique value: which properties, compared how
import { BUILT_IN_ALTERNATE_IDS, type ObjectTypeId } from '#shared/hubspot/object-types.ts'

/** Thrown when a write would give two records the same unique value. */
export class UniqueValueConflictError extends Error {
  readonly objectTypeId: string
  readonly propertyName: string
  readonly existingId: string

  constructor(objectTypeId: string, propertyName: string, existingId: string) {
    super(`${propertyName} is already used by ${objectTypeId} record ${existingId}`)
    this.name = 'UniqueValueConflictError'
    this.objectTypeId = objectTypeId
    this.propertyName = propertyName
    this.existingId = existingId
  }
}

/** The built-in alternate id of an object type (contacts: email, companies: domain), if any. */
export function builtInAlternateId(objectTypeId: string): string | undefined {
  return Object.hasOwn(BUILT_IN_ALTERNATE_IDS, objectTypeId)
    ? BUILT_IN_ALTERNATE_IDS[objectTypeId as ObjectTypeId]
    : undefined
}

/** Whether HubSpot treats the property as a record's key even without `hasUniqueValue`. */
export function isBuiltInUnique(objectTypeId: string, propertyName: string): boolean {
  return propertyName === 'hs_object_id' || builtInAlternateId(objectTypeId) === propertyName
}

/**
 * How a unique value is compared. Emails are case-insensitive; domains too, and HubSpot strips
 * the scheme, `www.` and anything past the host (its import-file article). Other unique values compare exactly, since
 * HubSpot is SILENT and record ids or customer numbers are usually case-sensitive codes.
 * Not `normalizeEmail`/`normalizeDomain` from the value rules: those refuse invalid text, and a
 * stored value must always have a key.
 */
export function uniqueKey(propertyName: string, value: string): string {
  const trimmed = value.trim()
  if (propertyName === 'email') return trimmed.toLowerCase()
  if (propertyName === 'domain') {
    return trimmed
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/^www\./, '')
      .replace(/[/?#:].*$/, '')
      .replace(/\.$/, '')
  }
  return trimmed
}
