// Creating a property (POST /crm/v3/properties/{objectType}): the body and the rules both sides check
import * as z from 'zod'
import { optionSchema, type Property } from './property.ts'

/** The types a property can be created with (object_coordinates and json are HubSpot's own). */
export const CREATABLE_TYPES = [
  'bool',
  'date',
  'datetime',
  'enumeration',
  'number',
  'phone_number',
  'string',
] as const
export type CreatableType = (typeof CREATABLE_TYPES)[number]

/** Field types each type takes, from HubSpot's properties guide (calculations left out: not importable). */
export const FIELD_TYPES_BY_TYPE: Record<CreatableType, readonly string[]> = {
  bool: ['booleancheckbox'],
  enumeration: ['booleancheckbox', 'checkbox', 'radio', 'select'],
  date: ['date'],
  datetime: ['date'],
  string: ['text', 'textarea', 'html', 'file', 'phonenumber'],
  number: ['number'],
  phone_number: ['phonenumber'],
}

/** Internal names: lowercase letters, digits and underscores, starting with a letter. */
export const PROPERTY_NAME_PATTERN = /^[a-z][a-z0-9_]*$/
export const PROPERTY_NAME_MAX = 100

export const REQUIRED_CREATE_FIELDS = ['name', 'label', 'type', 'fieldType', 'groupName'] as const

export const propertyCreateSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  options: z.array(optionSchema).optional(),
  displayOrder: z.number().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
})
export type PropertyCreate = z.infer<typeof propertyCreateSchema>

/**
 * What is wrong with a new property for an object, first problem first: the name's shape, the
 * type and field type, the group, the options. A name already taken is not here: HubSpot answers
 * it with its own status (409), and the caller knows the names.
 */
export function propertyCreateProblems(body: PropertyCreate, groups: readonly string[]): string[] {
  const problems: string[] = []
  if (!PROPERTY_NAME_PATTERN.test(body.name) || body.name.length > PROPERTY_NAME_MAX) {
    problems.push(
      `Property name '${body.name}' is invalid: use at most ${PROPERTY_NAME_MAX} lowercase letters, digits and underscores, starting with a letter.`,
    )
  }
  if (body.label.trim() === '') problems.push('Property label must not be blank.')
  const fieldTypes = FIELD_TYPES_BY_TYPE[body.type as CreatableType]
  if (!fieldTypes) {
    problems.push(
      `Property type '${body.type}' is not valid: use one of ${CREATABLE_TYPES.join(', ')}.`,
    )
  } else if (!fieldTypes.includes(body.fieldType)) {
    problems.push(
      `Field type '${body.fieldType}' is not valid for type '${body.type}': use one of ${fieldTypes.join(', ')}.`,
    )
  }
  if (!groups.includes(body.groupName)) {
    problems.push(`Property group '${body.groupName}' does not exist.`)
  }
  const values = (body.options ?? []).map((option) => option.value)
  const repeated = values.find((value, index) => values.indexOf(value) !== index)
  if (repeated !== undefined) problems.push(`Option value '${repeated}' is used twice.`)
  if (body.type !== 'enumeration' && body.type !== 'bool' && values.length > 0) {
    problems.push(`Options are only for enumeration properties, not '${body.type}'.`)
  }
  return problems
}

/** A safe internal name from a column header: "Lead Source" → "lead_source". */
export function propertyNameFrom(label: string): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  if (base === '') return 'custom_property'
  const name = /^[a-z]/.test(base) ? base : `p_${base}`
  return name.slice(0, PROPERTY_NAME_MAX).replace(/_+$/, '')
}

/** The groups an object's properties use: where a new property may go. */
export const groupsOf = (properties: readonly Property[]): string[] => [
  ...new Set(properties.map((p) => p.groupName)),
]
