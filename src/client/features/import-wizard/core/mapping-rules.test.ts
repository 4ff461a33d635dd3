// Mapping rules: column types and the problems that block a mapping
import { describe, expect, it } from 'vitest'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { CATALOGS } from './fixtures/properties.ts'
import type { ImportOperations, MappingDraft } from './mapping-draft.ts'
import { columnTypeFor, evaluateMapping, mappingIssues } from './mapping-rules.ts'

/** A draft from `objectTypeId/propertyName` strings; `-` leaves a column unmapped. */
function draft(...targets: string[]): MappingDraft {
  return targets.map((t, columnIndex) => {
    const [objectTypeId, propertyName] =
      t === '-' ? [null, null] : (t.split('/') as [ObjectTypeId, string])
    return { columnIndex, columnName: `Column ${columnIndex + 1}`, objectTypeId, propertyName }
  })
}

const codes = (ops: ImportOperations, ...targets: string[]) =>
  evaluateMapping(draft(...targets), ops, CATALOGS).problems.map((p) => `${p.severity}:${p.code}`)

describe('evaluateMapping', () => {
  it.each([
    {
      description: 'contacts CREATE with email',
      ops: { '0-1': 'CREATE' },
      targets: ['0-1/email', '0-1/firstname'],
      expected: [],
    },
    {
      description: 'contacts CREATE without email',
      ops: { '0-1': 'CREATE' },
      targets: ['0-1/firstname'],
      expected: ['error:MISSING_REQUIRED_TO_CREATE'],
    },
    {
      description: 'contacts UPDATE by record id',
      ops: { '0-1': 'UPDATE' },
      targets: ['0-1/hs_object_id', '0-1/city'],
      expected: [],
    },
    {
      description: 'contacts UPDATE by unique property',
      ops: { '0-1': 'UPDATE' },
      targets: ['0-1/customer_code', '0-1/city'],
      expected: [],
    },
    {
      description: 'contacts UPDATE without identifier',
      ops: { '0-1': 'UPDATE' },
      targets: ['0-1/city'],
      expected: ['error:MISSING_IDENTIFIER'],
    },
    {
      description: 'contacts UPSERT by email',
      ops: { '0-1': 'UPSERT' },
      targets: ['0-1/email'],
      expected: [],
    },
    {
      description: 'companies UPSERT by name only: works but may duplicate',
      ops: { '0-2': 'UPSERT' },
      targets: ['0-2/name'],
      expected: ['warning:NO_IDENTIFIER_MAY_DUPLICATE'],
    },
    {
      description: 'companies UPSERT with neither identifier nor name',
      ops: { '0-2': 'UPSERT' },
      targets: ['0-2/city'],
      expected: ['error:MISSING_REQUIRED_TO_CREATE'],
    },
    {
      description: 'companies CREATE with domain only',
      ops: { '0-2': 'CREATE' },
      targets: ['0-2/domain'],
      expected: [],
    },
    {
      description: 'deals CREATE without stage and pipeline',
      ops: { '0-3': 'CREATE' },
      targets: ['0-3/dealname', '0-3/amount'],
      expected: ['error:MISSING_REQUIRED_TO_CREATE'],
    },
    {
      description: 'tickets CREATE with all three',
      ops: { '0-5': 'CREATE' },
      targets: ['0-5/subject', '0-5/hs_pipeline', '0-5/hs_pipeline_stage'],
      expected: [],
    },
    {
      description: 'nothing mapped',
      ops: { '0-1': 'CREATE' },
      targets: ['-', '-'],
      expected: ['error:NO_COLUMNS_MAPPED'],
    },
    {
      description: 'one property twice',
      ops: { '0-1': 'UPSERT' },
      targets: ['0-1/email', '0-1/email'],
      expected: ['error:PROPERTY_MAPPED_TWICE'],
    },
    {
      description: 'a calculated property',
      ops: { '0-1': 'UPSERT' },
      targets: ['0-1/email', '0-1/num_contacted_notes'],
      expected: ['error:READ_ONLY_PROPERTY'],
    },
    {
      description: 'a deleted property',
      ops: { '0-1': 'UPSERT' },
      targets: ['0-1/email', '0-1/gone'],
      expected: ['error:UNKNOWN_PROPERTY'],
    },
    {
      description: 'contacts and companies, each identified',
      ops: { '0-1': 'UPSERT', '0-2': 'UPSERT' },
      targets: ['0-1/email', '0-2/domain', '0-2/name'],
      expected: [],
    },
    {
      description: 'companies chosen but nothing mapped to them',
      ops: { '0-1': 'UPSERT', '0-2': 'UPSERT' },
      targets: ['0-1/email'],
      expected: ['error:MISSING_OBJECT'],
    },
    {
      description: 'a column mapped to an object not in the import',
      ops: { '0-1': 'UPSERT' },
      targets: ['0-1/email', '0-3/dealname'],
      expected: ['error:MISSING_OBJECT'],
    },
  ] as const)('$description', ({ ops, targets, expected }) => {
    expect(codes(ops, ...targets)).toEqual(expected)
  })

  it('says what to map', () => {
    const [create] = evaluateMapping(draft('0-3/amount'), { '0-3': 'CREATE' }, CATALOGS).problems
    expect(create!.message).toBe(
      'To create deals, HubSpot needs "Deal Name", "Pipeline", "Deal Stage". Map columns to them.',
    )
    const [update] = evaluateMapping(draft('0-1/city'), { '0-1': 'UPDATE' }, CATALOGS).problems
    expect(update!.message).toBe(
      'To update existing contacts, HubSpot has to find each record: map a column to Record ID, Email or a unique property (Customer code).',
    )
    const [companies] = evaluateMapping(draft('0-2/city'), { '0-2': 'CREATE' }, CATALOGS).problems
    expect(companies!.message).toContain('"Company name" or "Company Domain Name"')
  })

  it('gives each mapped column its columnType', () => {
    const result = evaluateMapping(
      draft('0-1/hs_object_id', '0-1/email', '0-1/customer_code', '0-1/city', '-', '0-2/domain'),
      { '0-1': 'UPSERT', '0-2': 'UPSERT' },
      CATALOGS,
    )
    expect(result.columnTypes).toEqual([
      'HUBSPOT_OBJECT_ID',
      'HUBSPOT_ALTERNATE_ID',
      'HUBSPOT_ALTERNATE_ID',
      'STANDARD',
      null,
      'HUBSPOT_ALTERNATE_ID',
    ])
    expect(result.ok).toBe(true)
  })
})

describe('columnTypeFor', () => {
  it.each([
    { objectTypeId: '0-1', name: 'email', expected: 'HUBSPOT_ALTERNATE_ID' },
    { objectTypeId: '0-2', name: 'email', expected: 'STANDARD' },
    { objectTypeId: '0-2', name: 'domain', expected: 'HUBSPOT_ALTERNATE_ID' },
    { objectTypeId: '0-3', name: 'hs_object_id', expected: 'HUBSPOT_OBJECT_ID' },
  ] as const)('$objectTypeId $name → $expected', ({ objectTypeId, name, expected }) => {
    expect(columnTypeFor(objectTypeId, { name })).toBe(expected)
  })
})

describe('mappingIssues', () => {
  it('puts column problems on the column and object problems on the list', () => {
    const evaluation = evaluateMapping(
      draft('0-1/email', '0-1/email', '0-1/city'),
      { '0-1': 'CREATE', '0-2': 'CREATE' },
      CATALOGS,
    )
    expect(mappingIssues(evaluation).map((i) => i.path)).toEqual([
      ['columns', 0, 'propertyName'],
      ['columns', 1, 'propertyName'],
      ['columns'],
    ])
  })
})
