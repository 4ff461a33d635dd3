/**
 * The properties a new record still needs, by HubSpot's `REQUIRED_TO_CREATE` groups.
 *
 * Choices where HubSpot is SILENT:
 * - Missing required-to-create properties: one MISSING_REQUIRED_PROPERTY error for the object,
 *   on the first missing property's column when it is mapped.
 */
import { REQUIRED_TO_CREATE, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { objectName } from './import-errors.ts'

/**
 * For each group with no property in `present`, the group's first property (companies: `name`
 * when neither a name nor a domain is there); empty when every group is satisfied.
 */
export function missingRequiredToCreate(
  objectTypeId: string,
  present: (propertyName: string) => boolean,
): string[] {
  const groups = Object.hasOwn(REQUIRED_TO_CREATE, objectTypeId)
    ? REQUIRED_TO_CREATE[objectTypeId as ObjectTypeId]
    : []
  return groups.filter((group) => !group.some(present)).flatMap((group) => group.slice(0, 1))
}

export function missingRequiredMessage(objectTypeId: string, missing: readonly string[]): string {
  return `A new ${objectName(objectTypeId)} needs ${missing.join(', ')}; the row has no valid value for ${missing.length > 1 ? 'them' : 'it'}.`
}
