// Test fixture: properties and options for the value-rule tests
import type { Option, Property } from '../hubspot/property.ts'

/** A property for tests: a plain text property unless overridden. */
export function makeProperty(overrides: Partial<Property> & Pick<Property, 'name'>): Property {
  return {
    label: overrides.name,
    type: 'string',
    fieldType: 'text',
    groupName: 'testinformation',
    description: '',
    options: [],
    ...overrides,
  }
}

/** Options from [label, value] pairs (visible unless a third element says hidden). */
export function makeOptions(pairs: readonly (readonly [string, string, 'hidden'?])[]): Option[] {
  return pairs.map(([label, value, hidden], displayOrder) => ({
    label,
    value,
    hidden: hidden === 'hidden',
    displayOrder,
  }))
}
