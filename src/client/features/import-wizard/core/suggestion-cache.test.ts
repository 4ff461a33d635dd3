// The suggestion cache: the same file, objects and catalogue arrays reuse the answer; any change computes again
import { describe, expect, it, vi } from 'vitest'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { CATALOGS } from './fixtures/properties.ts'
import type { PropertyCatalogs } from './mapping-draft.ts'
import { suggestMapping } from './suggest-mapping.ts'
import { suggestMappingFor } from './suggestion-cache.ts'

const contacts: ObjectTypeId[] = ['0-1']
const companies: ObjectTypeId[] = ['0-2']

describe('suggestMappingFor', () => {
  it.each([
    { name: 'the same inputs', change: 'none', calls: 1 },
    { name: 'other objects', change: 'objects', calls: 2 },
    { name: 'a refetched catalogue', change: 'catalogue', calls: 2 },
    { name: 'other preview rows', change: 'rows', calls: 2 },
    { name: 'another file', change: 'file', calls: 2 },
  ])('$name: computed $calls time(s)', ({ change, calls }) => {
    const suggest = vi.fn(suggestMapping)
    const file = { columnNames: ['Email', 'Company name'], previewRows: [['a@b.co', 'Acme']] }
    const first = suggestMappingFor(file, CATALOGS, contacts, suggest)
    let again = file
    let catalogs: PropertyCatalogs = CATALOGS
    let objects = contacts
    if (change === 'objects') objects = companies
    if (change === 'catalogue') catalogs = { ...CATALOGS, '0-1': [...(CATALOGS['0-1'] ?? [])] }
    if (change === 'rows') again = { ...file, previewRows: [['c@d.co', 'Beta']] }
    if (change === 'file')
      again = { columnNames: [...file.columnNames], previewRows: file.previewRows }
    const second = suggestMappingFor(again, catalogs, objects, suggest)
    expect(suggest).toHaveBeenCalledTimes(calls)
    if (calls === 1) expect(second).toBe(first)
    // whatever was cached, the answer is suggestMapping's own
    expect(second).toEqual(
      suggestMapping(
        again.columnNames,
        again.previewRows[0]!.map((v) => [v]),
        catalogs,
        objects,
      ),
    )
  })
})
