// A property to create in HubSpot: the problems that block it, and internal names from headers
import { describe, expect, it } from 'vitest'
import { propertyCreateProblems, propertyNameFrom, type PropertyCreate } from './property-create.ts'

const base: PropertyCreate = {
  name: 'lead_source',
  label: 'Lead Source',
  type: 'string',
  fieldType: 'text',
  groupName: 'contactinformation',
}
const groups = ['contactinformation']

describe('propertyCreateProblems', () => {
  it('accepts a plain text property', () => {
    expect(propertyCreateProblems(base, groups)).toEqual([])
  })

  it.each<[string, Partial<PropertyCreate>, RegExp]>([
    ['a name with capitals and spaces', { name: 'Lead Source' }, /name 'Lead Source' is invalid/],
    ['a name starting with a digit', { name: '1st' }, /is invalid/],
    ['a blank label', { label: '  ' }, /label must not be blank/],
    ['an unknown type', { type: 'money' }, /type 'money' is not valid/],
    [
      'a field type of another type',
      { type: 'string', fieldType: 'select' },
      /Field type 'select' is not valid for type 'string'/,
    ],
    ['an unknown group', { groupName: 'nope' }, /group 'nope' does not exist/],
    [
      'an option value twice',
      { type: 'enumeration', fieldType: 'select', options: [opt('a'), opt('a')] },
      /Option value 'a' is used twice/,
    ],
    ['options on a text property', { options: [opt('a')] }, /only for enumeration/],
  ])('refuses %s', (_, change, message) => {
    expect(propertyCreateProblems({ ...base, ...change }, groups)[0]).toMatch(message)
  })
})

function opt(value: string) {
  return { value, label: value, hidden: false }
}

describe('propertyNameFrom', () => {
  it.each([
    ['Lead Source', 'lead_source'],
    ['LinkedIn', 'linkedin'],
    ['Straße & Nr.', 'strasse_nr'],
    ['Größe (cm)', 'grosse_cm'],
    ['2nd phone', 'p_2nd_phone'],
    ['!!!', 'custom_property'],
  ])('%s → %s', (label, name) => {
    expect(propertyNameFrom(label)).toBe(name)
  })
})
