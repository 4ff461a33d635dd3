// Creating a property in the simulator's catalogue, checked and answered as HubSpot does
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import {
  groupsOf,
  propertyCreateProblems,
  propertyCreateSchema,
  REQUIRED_CREATE_FIELDS,
} from '#shared/hubspot/property-create.ts'
import type { Property, PropertyType } from '#shared/hubspot/property.ts'
import type { PropertyCatalogueLike } from './engine/types.ts'
import { HubSpotError, unableToProcessJson, validationError } from './hubspot-errors.ts'

/**
 * `POST /crm/v3/properties/{objectType}`: 201 with the new property. HubSpot's published errors
 * are the 400 VALIDATION_ERROR and the 409 for a name in use; where it is SILENT on wording the
 * simulator answers:
 * - a body that is not JSON → the observed `Unable to process JSON` 400;
 * - required fields missing → 400 "Some required fields were not set: [groupName]" (the
 *   wording HubSpot's JSON reader uses for a missing required field);
 * - the first rule broken (`propertyCreateProblems`: name shape, type/field type, group, options)
 *   → 400 VALIDATION_ERROR with `context.propertyName`;
 * - a name already used by an active or archived property of the object → 409
 *   OBJECT_ALREADY_EXISTS "Property named 'x' already exists.".
 * The property is custom (`hubspotDefined: false`, archivable), writable, and its groups are the
 * ones the object's properties already use.
 */
export function createProperty(
  catalogue: PropertyCatalogueLike,
  objectTypeId: ObjectTypeId,
  body: unknown,
  now = new Date(),
): Property {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unableToProcessJson()
  const missing = REQUIRED_CREATE_FIELDS.filter(
    (field) => typeof (body as Record<string, unknown>)[field] !== 'string',
  )
  if (missing.length > 0) {
    throw validationError(`Some required fields were not set: [${missing.join(', ')}]`)
  }
  const parsed = propertyCreateSchema.safeParse(body)
  if (!parsed.success) {
    throw validationError(`Invalid input JSON: ${parsed.error.issues[0]?.message ?? 'bad body'}`)
  }
  const input = parsed.data
  const all = [...catalogue.list(objectTypeId), ...catalogue.list(objectTypeId, { archived: true })]
  const [problem] = propertyCreateProblems(input, groupsOf(all))
  if (problem) throw validationError(problem, { context: { propertyName: [input.name] } })
  if (all.some((p) => p.name === input.name)) {
    throw new HubSpotError(409, {
      message: `Property named '${input.name}' already exists.`,
      category: 'OBJECT_ALREADY_EXISTS',
      context: { propertyName: [input.name] },
    })
  }
  const stamp = now.toISOString()
  const property: Property = {
    name: input.name,
    label: input.label,
    type: input.type as PropertyType,
    fieldType: input.fieldType as Property['fieldType'],
    groupName: input.groupName,
    description: input.description ?? '',
    options: (input.options ?? []).map((option, displayOrder) => ({
      displayOrder,
      ...option,
      hidden: option.hidden ?? false,
    })),
    displayOrder: input.displayOrder ?? -1,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? false,
    calculated: false,
    externalOptions: false,
    hubspotDefined: false,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
    dataSensitivity: 'non_sensitive',
    modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
  }
  catalogue.add(objectTypeId, property)
  return property
}
