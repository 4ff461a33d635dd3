// Mapping suggestions: header translations, column values and the chosen property
import { describe, expect, it } from 'vitest'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { DEFAULT_PORTAL } from './fixtures/default-portal.ts'
import { prop } from './fixtures/properties.ts'
import { suggestMapping, suggestObject } from './suggest-mapping.ts'

const one = (header: string, values: string[], object: ObjectTypeId = '0-1') =>
  suggestMapping([header], [values], DEFAULT_PORTAL, [object])[0]!

describe('suggestMapping', () => {
  it.each([
    {
      why: 'a German header',
      header: 'Lebenszyklusphase',
      values: ['Lead', 'Customer', 'Subscriber'],
      expected: { propertyName: 'lifecyclestage', confidence: 'high', basis: 'header' },
    },
    {
      why: 'a German date header, dates written the German way',
      header: 'Geburtstag',
      values: ['10.01.1980'],
      expected: { propertyName: 'date_of_birth', confidence: 'high' },
    },
    {
      why: 'plain English',
      header: 'Birthday',
      values: [],
      expected: { propertyName: 'date_of_birth', confidence: 'high' },
    },
    {
      why: 'the values name one dropdown’s options',
      header: 'Stufe',
      values: ['Lead', 'Customer'],
      expected: { propertyName: 'lifecyclestage', confidence: 'fuzzy', basis: 'values' },
    },
  ])('$why: $header → $expected.propertyName', ({ header, values, expected }) => {
    expect(one(header, values)).toMatchObject(expected)
  })

  it.each([
    { why: 'one value says too little', header: 'Stufe', values: ['Lead'] },
    { why: 'dates alone never decide', header: 'Datum', values: ['2024-01-01', '2024-02-02'] },
    { why: 'yes/no fits every checkbox', header: 'Aktiv', values: ['yes', 'no'] },
    {
      why: 'another system’s ids are not HubSpot record IDs',
      header: 'Contact ID',
      values: ['0035g00000ABC', '0035g00000ABD'],
    },
  ])('no suggestion when $why', ({ header, values }) => {
    expect(one(header, values).propertyName).toBeUndefined()
  })

  it('makes no value-only guess when two dropdowns hold the values', () => {
    const catalogs = {
      '0-1': [
        prop('size_a', 'Size A', { type: 'enumeration', fieldType: 'select', options: sizes }),
        prop('size_b', 'Size B', { type: 'enumeration', fieldType: 'select', options: sizes }),
      ],
    }
    expect(suggestMapping(['Größe'], [['S', 'M']], catalogs)[0]?.propertyName).toBeUndefined()
  })

  it('leaves a dropdown to the column whose header names it', () => {
    const [stage, other] = suggestMapping(
      ['Lifecycle Stage', 'Stufe'],
      [['Lead'], ['Lead', 'Customer']],
      DEFAULT_PORTAL,
      ['0-1'],
    )
    expect(stage?.propertyName).toBe('lifecyclestage')
    expect(other?.propertyName).toBeUndefined()
  })
})

const sizes = ['S', 'M', 'L'].map((value, displayOrder) => ({
  value,
  label: value,
  displayOrder,
  hidden: false,
}))

describe('suggestObject', () => {
  it.each<{ headers: string[]; expected: ObjectTypeId | undefined }>([
    { headers: ['Company name', 'Company Domain Name'], expected: '0-2' },
    { headers: ['Email', 'First Name'], expected: '0-1' },
    { headers: ['Deal Name', 'Amount', 'Close Date'], expected: '0-3' },
    { headers: ['Betreff', 'Priorität'], expected: '0-5' },
    { headers: ['Notes', 'Misc'], expected: undefined },
  ])('$headers → $expected', ({ headers, expected }) => {
    expect(
      suggestObject(
        headers,
        headers.map(() => []),
        DEFAULT_PORTAL,
      ),
    ).toBe(expected)
  })
})
