// suggestKind and suggestProperty: the kind a column's values suggest, a new property made from it
import { describe, expect, it } from 'vitest'
import { suggestKind, suggestProperty } from './suggest-property.ts'

describe('suggestKind', () => {
  it.each([
    ['LinkedIn URLs', ['https://linkedin.com/in/a', 'https://linkedin.com/in/b'], 'text'],
    ['repeated sources', ['Web', 'Fair', 'Web', 'Partner', 'Fair'], 'select'],
    ['distinct names', ['Ann', 'Ben', 'Cy'], 'text'],
    ['yes and no', ['Yes', 'No', 'yes'], 'checkbox'],
    ['numbers', ['12', '40.5', '7'], 'number'],
    ['dates', ['10.01.1980', '23.11.1975'], 'date'],
    ['postal codes with letters', ['1012 AB', '3011 CD'], 'text'],
    ['phone numbers', ['+49 30 1234567', '+1 555 0100 22'], 'phone'],
    ['long notes', ['x'.repeat(150), 'short'], 'textarea'],
    ['nothing', ['', ' '], 'text'],
  ])('%s → %s', (_, values, kind) => {
    expect(suggestKind(values)).toBe(kind)
  })
})

describe('suggestProperty', () => {
  it('offers a dropdown of the distinct values under a name made from the header', () => {
    expect(suggestProperty('Lead Source', ['Web', 'Fair', 'Web'], '0-1')).toMatchObject({
      kind: 'select',
      name: 'lead_source',
      label: 'Lead Source',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'contactinformation',
      options: [
        { value: 'Web', label: 'Web' },
        { value: 'Fair', label: 'Fair' },
      ],
    })
  })

  it("puts a company column in the companies' group", () => {
    expect(suggestProperty('Postal Code', ['10115'], '0-2')).toMatchObject({
      groupName: 'companyinformation',
    })
  })
})
