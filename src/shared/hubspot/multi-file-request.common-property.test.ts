// Which property can be the common column joining two files: its object's key (email, domain, record ID) or a unique one
import { describe, expect, it } from 'vitest'
import { commonPropertyProblem, type CommonPropertyInfo } from './multi-file-request.ts'

describe('commonPropertyProblem', () => {
  it.each<[string, string, CommonPropertyInfo, string | undefined]>([
    ['contact email', '0-1', { name: 'email', label: 'Email' }, undefined],
    ['company domain', '0-2', { name: 'domain', label: 'Domain' }, undefined],
    ['a record ID', '0-3', { name: 'hs_object_id', label: 'Record ID' }, undefined],
    [
      'a unique property',
      '0-1',
      { name: 'customer_number', label: 'C', hasUniqueValue: true },
      undefined,
    ],
    [
      'a company name',
      '0-2',
      { name: 'name', label: 'Company name' },
      `"Company name" can't be the common column: its values don't identify one company. Use the company's domain, the record ID or a property with unique values.`,
    ],
    [
      'a contact domain is not a contact key',
      '0-1',
      { name: 'domain', label: 'Domain' },
      `"Domain" can't be the common column: its values don't identify one contact. Use the contact's email, the record ID or a property with unique values.`,
    ],
    [
      'a deal name (deals have no built-in key)',
      '0-3',
      { name: 'dealname', label: 'Deal name' },
      `"Deal name" can't be the common column: its values don't identify one deal. Use the record ID or a property with unique values.`,
    ],
  ])('%s', (_case, objectTypeId, property, problem) => {
    expect(commonPropertyProblem(objectTypeId, property)).toBe(problem)
  })
})
