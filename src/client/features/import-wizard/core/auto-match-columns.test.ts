// Auto-matching headers to properties: exact, synonyms, fuzzy, ambiguity, one column per property
import { describe, expect, it } from 'vitest'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { autoMatchColumns, compact } from './auto-match-columns.ts'
import { CATALOGS, prop } from './fixtures/properties.ts'
import { inspectFile } from './inspect-file.ts'
import { fixtureFile } from './test-helpers.ts'

const one = (header: string, objects: ObjectTypeId[] = ['0-1']) =>
  autoMatchColumns([header], CATALOGS, objects)[0]!

describe('autoMatchColumns, one object', () => {
  it.each([
    { header: 'Email', objects: ['0-1'], property: 'email', confidence: 'exact' },
    { header: 'E-mail address', objects: ['0-1'], property: 'email', confidence: 'high' },
    { header: 'First Name', objects: ['0-1'], property: 'firstname', confidence: 'exact' },
    { header: 'first_name', objects: ['0-1'], property: 'firstname', confidence: 'exact' },
    { header: 'Prénom', objects: ['0-1'], property: 'firstname', confidence: 'high' },
    { header: 'Surname', objects: ['0-1'], property: 'lastname', confidence: 'high' },
    { header: 'Phone number', objects: ['0-1'], property: 'phone', confidence: 'exact' },
    { header: 'Telephone', objects: ['0-1'], property: 'phone', confidence: 'high' },
    { header: 'ZIP', objects: ['0-1'], property: 'zip', confidence: 'exact' },
    { header: 'Postcode', objects: ['0-1'], property: 'zip', confidence: 'high' },
    { header: 'Record ID', objects: ['0-1'], property: 'hs_object_id', confidence: 'exact' },
    { header: 'Company Name', objects: ['0-1'], property: 'company', confidence: 'exact' },
    { header: 'Company name', objects: ['0-2'], property: 'name', confidence: 'exact' },
    { header: 'Lead Stat', objects: ['0-1'], property: 'hs_lead_status', confidence: 'fuzzy' },
    {
      header: 'Lifecycle stages',
      objects: ['0-1'],
      property: 'lifecyclestage',
      confidence: 'high',
    },
    { header: 'Email opt-out', objects: ['0-1'], property: 'hs_email_optout', confidence: 'high' },
    { header: 'Deal name', objects: ['0-3'], property: 'dealname', confidence: 'exact' },
    { header: 'Stage', objects: ['0-3'], property: 'dealstage', confidence: 'high' },
    { header: 'Status', objects: ['0-5'], property: 'hs_pipeline_stage', confidence: 'high' },
    { header: 'Pipeline', objects: ['0-5'], property: 'hs_pipeline', confidence: 'exact' },
  ] as const)('$header → $property ($confidence)', ({ header, objects, property, confidence }) => {
    expect(one(header, [...objects])).toMatchObject({
      propertyName: property,
      confidence,
      objectTypeId: objects[0],
    })
  })

  it.each([
    { header: 'Number of times contacted', why: 'calculated properties are not offered' },
    { header: 'Create Date', why: 'read-only properties are not offered' },
    { header: 'Notes', why: 'nothing is close' },
    { header: '   ', why: 'blank header' },
  ])('leaves "$header" unmapped: $why', ({ header }) => {
    expect(one(header)).toMatchObject({ confidence: 'none', score: 0 })
    expect(one(header).propertyName).toBeUndefined()
  })

  it('reports both candidates instead of guessing between two close ones', () => {
    const catalogs = { '0-1': [prop('plan_a', 'Plan A'), prop('plan_b', 'Plan B')] }
    const [match] = autoMatchColumns(['Plan'], catalogs)
    expect(match).toMatchObject({ confidence: 'ambiguous' })
    expect(match!.propertyName).toBeUndefined()
    expect(match!.alternatives.map((a) => a.propertyName).sort()).toEqual(['plan_a', 'plan_b'])
  })

  it('never maps two columns to one property: the better match keeps it', () => {
    const matches = autoMatchColumns(['Mail', 'Email', 'email'], CATALOGS, ['0-1'])
    expect(matches.map((m) => m.propertyName)).toEqual([undefined, 'email', undefined])
    expect(matches[0]!.alternatives[0]).toMatchObject({ propertyName: 'email', label: 'Email' })
  })
})

describe('autoMatchColumns, contacts and companies in one file', () => {
  it.each([
    { header: 'Email', objectTypeId: '0-1', property: 'email' },
    { header: 'First name', objectTypeId: '0-1', property: 'firstname' },
    { header: 'Company name', objectTypeId: '0-2', property: 'name' },
    { header: 'Company domain', objectTypeId: '0-2', property: 'domain' },
    { header: 'Company Domain Name', objectTypeId: '0-2', property: 'domain' },
    { header: 'Company phone', objectTypeId: '0-2', property: 'phone' },
    { header: 'Phone', objectTypeId: '0-1', property: 'phone' },
    { header: 'City', objectTypeId: '0-1', property: 'city' },
    { header: 'Industry', objectTypeId: '0-2', property: 'industry' },
    { header: 'Contact record ID', objectTypeId: '0-1', property: 'hs_object_id' },
    { header: 'Company record ID', objectTypeId: '0-2', property: 'hs_object_id' },
  ] as const)('$header → $objectTypeId $property', ({ header, objectTypeId, property }) => {
    expect(one(header, ['0-1', '0-2'])).toMatchObject({ objectTypeId, propertyName: property })
  })
})

describe('autoMatchColumns over a fixture file', () => {
  it('maps the headers of the UTF-8 fixture', async () => {
    const { headers } = await inspectFile(fixtureFile('utf8.csv'))
    const matches = autoMatchColumns(headers, CATALOGS, ['0-1'])
    expect(matches.map((m) => [m.columnName, m.propertyName, m.confidence])).toEqual([
      ['Email', 'email', 'exact'],
      ['First Name', 'firstname', 'exact'],
      ['City', 'city', 'exact'],
    ])
  })
})

describe('compact', () => {
  it.each([
    ['E-Mail', 'email'],
    ['First  Name ', 'firstname'],
    ['Straße', 'straße'],
    ['Société', 'societe'],
    ['address_line1', 'addressline1'],
  ])('%s → %s', (input, expected) => {
    expect(compact(input)).toBe(expected)
  })
})
