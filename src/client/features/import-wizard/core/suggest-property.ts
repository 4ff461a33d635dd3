// A new property's definition suggested from a column: its header and preview values
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { propertyNameFrom, type PropertyCreate } from '#shared/hubspot/property-create.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { valueFit } from './column-values.ts'

/** The kinds of property the form offers, each one type and field type. */
export const PROPERTY_KINDS = {
  text: { label: 'Single-line text', type: 'string', fieldType: 'text' },
  textarea: { label: 'Multi-line text', type: 'string', fieldType: 'textarea' },
  number: { label: 'Number', type: 'number', fieldType: 'number' },
  date: { label: 'Date picker', type: 'date', fieldType: 'date' },
  select: { label: 'Dropdown select', type: 'enumeration', fieldType: 'select' },
  checkbox: { label: 'Single checkbox', type: 'bool', fieldType: 'booleancheckbox' },
  phone: { label: 'Phone number', type: 'phone_number', fieldType: 'phonenumber' },
} as const
export type PropertyKind = keyof typeof PROPERTY_KINDS

/** HubSpot's default group for each object's own information. */
export const DEFAULT_GROUPS: Partial<Record<ObjectTypeId, string>> = {
  '0-1': 'contactinformation',
  '0-2': 'companyinformation',
  '0-3': 'dealinformation',
  '0-5': 'ticketinformation',
}

/** At most this many distinct values make a dropdown; more read as free text. */
export const MAX_DROPDOWN_OPTIONS = 12

const probe = (type: Property['type'], fieldType: Property['fieldType']): Property => ({
  name: 'probe',
  label: 'probe',
  type,
  fieldType,
  groupName: '',
  description: '',
  options: [],
})

/**
 * The kind a column's values suggest, checked with the same value rules the import uses: all
 * yes/no → checkbox, all dates → date, all numbers → number, all phone numbers → phone, a few
 * values repeated → dropdown (its options the distinct values), long text → multi-line, else text.
 */
export function suggestKind(values: readonly string[]): PropertyKind {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '')
  const distinct = [...new Set(filled)]
  if (distinct.length === 0) return 'text'
  const all = (property: Property) => valueFit(property, distinct).share === 1
  if (distinct.every((v) => /^(yes|no|true|false|ja|nein|oui|non|si|sí)$/i.test(v)))
    return 'checkbox'
  if (all(probe('number', 'number'))) return 'number'
  if (all(probe('date', 'date'))) return 'date'
  if (
    distinct.every((v) => /^\+?[\d\s()./-]{7,}$/.test(v)) &&
    all(probe('phone_number', 'phonenumber'))
  )
    return 'phone'
  if (distinct.length <= MAX_DROPDOWN_OPTIONS && distinct.length < filled.length) return 'select'
  if (distinct.some((v) => v.length > 100 || v.includes('\n'))) return 'textarea'
  return 'text'
}

/** The form's starting point for a column with no property. */
export function suggestProperty(
  header: string,
  values: readonly string[],
  objectTypeId: ObjectTypeId,
): PropertyCreate & { kind: PropertyKind } {
  const kind = suggestKind(values)
  const { type, fieldType } = PROPERTY_KINDS[kind]
  const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))]
  return {
    kind,
    name: propertyNameFrom(header),
    label: header.trim() || 'New property',
    type,
    fieldType,
    groupName: DEFAULT_GROUPS[objectTypeId] ?? 'contactinformation',
    ...(kind === 'select'
      ? {
          options: distinct.map((value, displayOrder) => ({
            label: value,
            value,
            hidden: false,
            displayOrder,
          })),
        }
      : {}),
  }
}
