// The sample file per object: which columns it has, what each type's example looks like, and that every value passes HubSpot's own rules
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { compileCellCheck } from '#shared/value-rules/index.ts'
import { DEFAULT_PORTAL } from './fixtures/default-portal.ts'
import { CATALOGS, prop } from './fixtures/properties.ts'
import { buildSampleCsv, sampleColumns, sampleValue } from './sample-file.ts'

const options = (labels: string[]) =>
  labels.map((label, displayOrder) => ({
    label,
    value: label.toLowerCase().replace(/ /g, '_'),
    displayOrder,
    hidden: false,
  }))

describe('sampleColumns', () => {
  it.each<{ objectTypeId: ObjectTypeId; names: string[] }>([
    {
      objectTypeId: '0-1',
      names: [
        'email',
        'customer_code',
        'firstname',
        'lastname',
        'phone',
        'company',
        'jobtitle',
        'lifecyclestage',
      ],
    },
    {
      objectTypeId: '0-2',
      names: ['name', 'domain', 'city', 'industry', 'phone', 'numberofemployees'],
    },
    { objectTypeId: '0-3', names: ['dealname', 'pipeline', 'dealstage', 'amount', 'closedate'] },
    { objectTypeId: '0-5', names: ['subject', 'hs_pipeline', 'hs_pipeline_stage', 'content'] },
  ])(
    '$objectTypeId: what HubSpot needs first, then unique and common properties',
    ({ objectTypeId, names }) => {
      expect(sampleColumns(objectTypeId, CATALOGS[objectTypeId] ?? []).map((p) => p.name)).toEqual(
        names,
      )
    },
  )

  it('leaves out the record ID, read-only, calculated and hidden properties', () => {
    const catalog = [
      prop('hs_object_id', 'Record ID'),
      prop('email', 'Email'),
      prop('firstname', 'First Name', { calculated: true }),
      prop('lastname', 'Last Name', { hidden: true }),
      prop('phone', 'Phone', {
        modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true },
      }),
      prop('company', 'Company Name'),
    ]
    expect(sampleColumns('0-1', catalog).map((p) => p.name)).toEqual(['email', 'company'])
  })

  it('keeps to nine columns however many unique properties there are', () => {
    const unique = Array.from({ length: 12 }, (_, i) =>
      prop(`code_${i}`, `Code ${i}`, { hasUniqueValue: true }),
    )
    expect(sampleColumns('0-1', [prop('email', 'Email'), ...unique])).toHaveLength(9)
  })
})

describe('sampleValue', () => {
  it.each([
    { property: prop('firstname', 'First Name'), row: 1, value: 'Grace' },
    { property: prop('note', 'Note'), row: 0, value: 'Example 1' },
    { property: prop('code', 'Code', { hasUniqueValue: true }), row: 2, value: 'CODE-1003' },
    { property: prop('n', 'N', { type: 'number', fieldType: 'number' }), row: 1, value: '2000' },
    {
      property: prop('b', 'B', { type: 'bool', fieldType: 'booleancheckbox' }),
      row: 1,
      value: 'false',
    },
    { property: prop('d', 'D', { type: 'date', fieldType: 'date' }), row: 0, value: '2026-01-15' },
    {
      property: prop('dt', 'DT', { type: 'datetime', fieldType: 'date' }),
      row: 2,
      value: '2026-03-15',
    },
    {
      property: prop('p', 'P', { type: 'phone_number', fieldType: 'phonenumber' }),
      row: 1,
      value: '+44 20 7946 0101',
    },
    {
      property: prop('stage', 'Stage', {
        type: 'enumeration',
        fieldType: 'select',
        options: options(['Lead', 'Customer']),
      }),
      row: 2,
      value: 'Lead',
    },
    {
      // two options labelled alike: the label would be ambiguous, so the internal value
      property: prop('tier', 'Tier', {
        type: 'enumeration',
        fieldType: 'select',
        options: [
          { label: 'Gold', value: 'gold_old', hidden: false },
          { label: 'Gold', value: 'gold', hidden: false },
        ],
      }),
      row: 1,
      value: 'gold',
    },
    {
      property: prop('hiddenfirst', 'H', {
        type: 'enumeration',
        fieldType: 'select',
        options: [
          { label: 'Old', value: 'old', hidden: true },
          { label: 'New', value: 'new', hidden: false },
        ],
      }),
      row: 0,
      value: 'New',
    },
  ])('$property.name row $row: $value', ({ property, row, value }) => {
    expect(sampleValue(property, row)).toBe(value)
  })
})

describe('buildSampleCsv', () => {
  it('writes labels as headers and one record per sample row, CRLF-ended', () => {
    const { fileName, text } = buildSampleCsv('0-2', CATALOGS['0-2'] ?? [])
    expect(fileName).toBe('sample-companies.csv')
    expect(text.split('\r\n')[0]).toBe(
      'Company name,Company Domain Name,City,Industry,Phone Number,Number of Employees',
    )
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4)
  })

  // against a portal's full default catalogues: every sample value is one HubSpot accepts
  it.each(OBJECT_TYPES.map((o) => o.objectTypeId))(
    '%s: every value of the sample passes the value rules for its column',
    (objectTypeId) => {
      const catalog = DEFAULT_PORTAL[objectTypeId] ?? []
      const { text } = buildSampleCsv(objectTypeId, catalog)
      const [header = [], ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
      expect(rows).toHaveLength(3)
      const columns = sampleColumns(objectTypeId, catalog)
      expect(header).toEqual(columns.map((p) => p.label))
      for (const row of rows) {
        row.forEach((cell, index) => {
          const check = compileCellCheck(columns[index]!, { dateFormat: 'YEAR_MONTH_DAY' })
          expect(check(cell), `${header[index]}: ${cell}`).toMatchObject({ kind: 'ok' })
        })
      }
    },
  )
})
