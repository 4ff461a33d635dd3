// The mapping step's hints: identifiers and what creating needs, per object and operation, in the portal's labels
import { describe, expect, it } from 'vitest'
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { CATALOGS } from './fixtures/properties.ts'
import { mappingHint } from './mapping-hints.ts'

describe('mappingHint', () => {
  it.each<{
    objectTypeId: ObjectTypeId
    operation: ImportOperation
    identifiers: string[]
    requiredToCreate: string[]
    needs: string
  }>([
    {
      objectTypeId: '0-1',
      operation: 'UPSERT',
      identifiers: ['Record ID', 'Email', 'Customer code'],
      requiredToCreate: ['Email'],
      needs:
        'Create and update needs a unique identifier (Record ID, Email or Customer code) to find existing records, or Email to create new ones.',
    },
    {
      objectTypeId: '0-2',
      operation: 'CREATE',
      identifiers: ['Record ID', 'Company Domain Name'],
      requiredToCreate: ['Company name or Company Domain Name'],
      needs: 'Creating needs Company name or Company Domain Name.',
    },
    {
      objectTypeId: '0-3',
      operation: 'CREATE',
      identifiers: ['Record ID'],
      requiredToCreate: ['Deal Name', 'Pipeline', 'Deal Stage'],
      needs: 'Creating needs Deal Name, Pipeline and Deal Stage.',
    },
    {
      objectTypeId: '0-5',
      operation: 'UPDATE',
      identifiers: ['Record ID'],
      requiredToCreate: ['Ticket name', 'Pipeline', 'Ticket status'],
      needs: 'Updating needs a unique identifier (Record ID) to find each record.',
    },
  ])('$objectTypeId, $operation', ({ objectTypeId, operation, ...expected }) => {
    expect(mappingHint(objectTypeId, CATALOGS[objectTypeId] ?? [], operation)).toEqual(expected)
  })

  it('names an identifier once when the portal also marks it unique', () => {
    const catalog = (CATALOGS['0-1'] ?? []).map((p) =>
      p.name === 'email' ? { ...p, hasUniqueValue: true } : p,
    )
    expect(mappingHint('0-1', catalog, 'UPDATE').identifiers).toEqual([
      'Record ID',
      'Email',
      'Customer code',
    ])
  })

  it('falls back to internal names when the catalogue lacks a label', () => {
    expect(mappingHint('0-1', [], 'CREATE')).toMatchObject({
      identifiers: ['hs_object_id', 'email'],
      needs: 'Creating needs email.',
    })
  })
})
