// Reference columns of a two-file import and the common columns they point to
import { describe, expect, it } from 'vitest'
import { testMapping } from './column-fixtures.ts'
import { planForeignKey } from './foreign-keys.ts'

describe('planForeignKey', () => {
  const companyName = testMapping('0-2', 'name', {
    columnName: 'Company',
    associationIdentifierColumn: true,
  })
  // every case but the joined one is a single-file import: no other file's common column
  it.each([
    ['a property column', testMapping('0-1', 'email'), undefined],
    ['no target', testMapping('0-1', null), undefined],
    [
      'a target of its own type',
      testMapping('0-1', null, { toColumnObjectTypeId: '0-1' }),
      undefined,
    ],
    [
      'a company by its built-in key',
      testMapping('0-1', null, { toColumnObjectTypeId: '0-2' }),
      { fromObjectTypeId: '0-1', toObjectTypeId: '0-2', propertyName: 'domain' },
    ],
    [
      'a deal, which has no built-in key, by record ID',
      testMapping('0-1', null, { toColumnObjectTypeId: '0-3' }),
      { fromObjectTypeId: '0-1', toObjectTypeId: '0-3', propertyName: 'hs_object_id' },
    ],
    [
      'a record-ID column',
      testMapping('0-1', null, { toColumnObjectTypeId: '0-2', columnType: 'HUBSPOT_OBJECT_ID' }),
      { fromObjectTypeId: '0-1', toObjectTypeId: '0-2', propertyName: 'hs_object_id' },
    ],
    [
      'a common column joined to the other file',
      testMapping('0-1', null, { columnName: 'Company', toColumnObjectTypeId: '0-2' }),
      {
        fromObjectTypeId: '0-1',
        toObjectTypeId: '0-2',
        propertyName: 'name',
        join: { fileIndex: 1, fileName: 'companies.csv', columnName: 'Company' },
      },
    ],
    [
      'a foreign key type that names both ends',
      testMapping('0-3', null, {
        foreignKeyType: { associationTypeId: 3, associationCategory: 'HUBSPOT_DEFINED' },
      }),
      {
        fromObjectTypeId: '0-3',
        toObjectTypeId: '0-1',
        propertyName: 'email',
        association: { associationTypeId: 3, associationCategory: 'HUBSPOT_DEFINED' },
      },
    ],
    [
      'a user-defined type, to the column given',
      testMapping('0-1', null, {
        toColumnObjectTypeId: '0-2',
        foreignKeyType: { associationTypeId: 77, associationCategory: 'USER_DEFINED' },
      }),
      {
        fromObjectTypeId: '0-1',
        toObjectTypeId: '0-2',
        propertyName: 'domain',
        association: { associationTypeId: 77, associationCategory: 'USER_DEFINED' },
      },
    ],
  ])('%s', (_case, mapping, plan) => {
    const located = {
      fileIndex: 1,
      fileName: 'companies.csv',
      columnIndex: 0,
      mapping: companyName,
    }
    const identifiers = plan && 'join' in plan ? [located] : []
    expect(planForeignKey(mapping, identifiers, 0)).toEqual(plan)
  })
})
