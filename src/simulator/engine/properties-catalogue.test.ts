// The simulator's property catalogues: types covered, archived, added properties
import { describe, expect, it } from 'vitest'
import { OBJECT_TYPES, REQUIRED_TO_CREATE } from '#shared/hubspot/object-types.ts'
import {
  FIELD_TYPES,
  PROPERTY_TYPES,
  isWritable,
  propertySchema,
  type Property,
} from '#shared/hubspot/property.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'

const objectTypeIds = OBJECT_TYPES.map((o) => o.objectTypeId)

describe('PropertyCatalogue', () => {
  const catalogue = new PropertyCatalogue()
  const all = objectTypeIds.flatMap((id) => [
    ...catalogue.list(id),
    ...catalogue.list(id, { archived: true }),
  ])

  it.each(objectTypeIds)('%s: every property parses as a HubSpot Property, names unique', (id) => {
    const props = catalogue.list(id)
    expect(props.length).toBeGreaterThan(5)
    for (const p of props) expect(propertySchema.parse(p)).toEqual(p)
    expect(new Set(props.map((p) => p.name)).size).toBe(props.length)
    for (const p of props) {
      expect(p).toMatchObject({ groupName: expect.any(String), description: expect.any(String) })
      expect(p.modificationMetadata).toBeDefined()
      expect(typeof p.displayOrder).toBe('number')
      expect(typeof p.hubspotDefined).toBe('boolean')
      expect(typeof p.formField).toBe('boolean')
    }
  })

  it.each(PROPERTY_TYPES)('covers type %s', (type) => {
    expect(all.some((p) => p.type === type)).toBe(true)
  })

  it.each(FIELD_TYPES)('covers fieldType %s', (fieldType) => {
    expect(all.some((p) => p.fieldType === fieldType)).toBe(true)
  })

  it.each([
    [
      '0-1',
      'email',
      { type: 'string', fieldType: 'text', hasUniqueValue: true, textDisplayHint: 'email' },
    ],
    ['0-1', 'phone', { type: 'string', fieldType: 'phonenumber' }],
    ['0-1', 'lifecyclestage', { type: 'enumeration', fieldType: 'radio' }],
    ['0-1', 'hs_lead_status', { type: 'enumeration', fieldType: 'select' }],
    ['0-1', 'interests', { type: 'enumeration', fieldType: 'checkbox', hubspotDefined: false }],
    ['0-1', 'newsletter_opt_in', { type: 'bool', fieldType: 'booleancheckbox' }],
    ['0-1', 'date_of_birth', { type: 'date', fieldType: 'date' }],
    ['0-1', 'hs_last_contacted', { type: 'datetime', fieldType: 'date' }],
    ['0-1', 'annualrevenue', { type: 'number', fieldType: 'number' }],
    ['0-1', 'customer_number', { hasUniqueValue: true, hubspotDefined: false }],
    ['0-2', 'domain', { type: 'string', textDisplayHint: 'domain_name' }],
    ['0-2', 'industry', { type: 'enumeration', fieldType: 'select' }],
    ['0-3', 'amount', { type: 'number', numberDisplayHint: 'currency' }],
    ['0-3', 'closedate', { type: 'datetime' }],
    ['0-5', 'hs_ticket_category', { type: 'enumeration', fieldType: 'checkbox' }],
    ['0-5', 'subject', { label: 'Ticket name' }],
  ] as const)('%s %s has the expected definition', (objectTypeId, name, expected) => {
    expect(catalogue.get(objectTypeId, name)).toMatchObject(expected)
  })

  it.each([
    ['0-1', 'lifecyclestage', 'marketingqualifiedlead', 'Marketing Qualified Lead'],
    ['0-1', 'hs_lead_status', 'ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
    ['0-3', 'pipeline', 'default', 'Sales Pipeline'],
    ['0-3', 'dealstage', 'decisionmakerboughtin', 'Decision Maker Bought-In'],
    ['0-5', 'hs_pipeline', '0', 'Support Pipeline'],
    ['0-5', 'hs_pipeline_stage', '2', 'Waiting on contact'],
    ['0-5', 'hs_ticket_priority', 'URGENT', 'Urgent'],
  ])('%s %s has option %s labelled %s', (objectTypeId, name, value, label) => {
    expect(catalogue.get(objectTypeId, name)?.options).toContainEqual(
      expect.objectContaining({ value, label }),
    )
  })

  it.each([
    ['0-1', 'hs_object_id', false],
    ['0-1', 'createdate', false],
    ['0-1', 'lastmodifieddate', false],
    ['0-1', 'num_associated_deals', false],
    ['0-2', 'hs_lastmodifieddate', false],
    ['0-3', 'hs_closed_amount', false],
    ['0-5', 'hs_object_id', false],
    ['0-1', 'email', true],
    ['0-2', 'name', true],
    ['0-3', 'dealstage', true],
  ])('%s %s writable: %s', (objectTypeId, name, writable) => {
    const property = catalogue.get(objectTypeId, name) as Property
    expect(isWritable(property)).toBe(writable)
  })

  it('marks one contact property sensitive, the rest non-sensitive', () => {
    const sensitive = catalogue.list('0-1').filter((p) => p.dataSensitivity !== 'non_sensitive')
    expect(sensitive.map((p) => [p.name, p.dataSensitivity])).toEqual([
      ['passport_number', 'sensitive'],
    ])
  })

  it('flags hs_object_id read-only and unique, num_associated_deals calculated', () => {
    expect(catalogue.get('0-1', 'hs_object_id')).toMatchObject({
      hasUniqueValue: true,
      modificationMetadata: { readOnlyValue: true },
    })
    expect(catalogue.get('0-1', 'num_associated_deals')).toMatchObject({ calculated: true })
  })

  it.each(objectTypeIds)('%s: archived properties only with archived=true', (id) => {
    const archived = catalogue.list(id, { archived: true })
    expect(archived.length).toBeGreaterThan(0)
    expect(archived.every((p) => p.archived === true && typeof p.archivedAt === 'string')).toBe(
      true,
    )
    const active = catalogue.list(id).map((p) => p.name)
    for (const p of archived) {
      expect(active).not.toContain(p.name)
      expect(catalogue.get(id, p.name)).toBeUndefined()
    }
  })

  it('cannot be changed through what it returns; add() adds or replaces, reset() restores', () => {
    const c = new PropertyCatalogue()
    const email = c.get('0-1', 'email') as Property
    expect(() => {
      email.label = 'changed'
    }).toThrow(TypeError)
    expect(() => email.options.push({ label: 'x', value: 'x', hidden: false })).toThrow(TypeError)
    expect(c.get('0-1', 'email')?.label).toBe('Email')

    const custom: Property = {
      ...(c.get('0-1', 'firstname') as Property),
      name: 'favourite_colour',
      label: 'Favourite colour',
      hubspotDefined: false,
    }
    const before = c.list('0-1').length
    c.add('0-1', custom)
    c.add('0-1', { ...custom, label: 'Colour' })
    expect(c.list('0-1')).toHaveLength(before + 1)
    expect(c.get('0-1', 'favourite_colour')?.label).toBe('Colour')
    c.add('2-99', { ...custom })
    expect(c.list('2-99').map((p) => p.name)).toEqual(['favourite_colour'])

    c.reset()
    expect(c.get('0-1', 'favourite_colour')).toBeUndefined()
    expect(c.list('2-99')).toEqual([])
    expect(c.list('0-1')).toEqual(new PropertyCatalogue().list('0-1'))
  })

  it('every required-to-create property exists and is writable', () => {
    for (const [objectTypeId, groups] of Object.entries(REQUIRED_TO_CREATE)) {
      for (const name of groups.flat()) {
        const property = catalogue.get(objectTypeId, name)
        expect(property, `${objectTypeId} ${name}`).toBeDefined()
        expect(isWritable(property as Property)).toBe(true)
      }
    }
  })
})
