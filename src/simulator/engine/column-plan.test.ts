// How each mapped column is read, and which identifier a row is matched on first
import { describe, expect, it } from 'vitest'
import { testColumn, testMapping, testPlanContext } from './column-fixtures.ts'
import { groupColumnsByObject, identifierRank, planColumn } from './column-plan.ts'
import type { ImportFailure } from './import-errors.ts'

describe('identifierRank', () => {
  it.each([
    ['0-1', 'email', 'HUBSPOT_ALTERNATE_ID', 1],
    ['0-1', 'customer_number', 'HUBSPOT_ALTERNATE_ID', 1],
    ['0-1', 'email', 'STANDARD', 2],
    ['0-2', 'domain', 'STANDARD', 2],
    ['0-2', 'email', 'STANDARD', 3],
    ['0-1', 'customer_number', 'STANDARD', 3],
    ['2-99', 'code', 'STANDARD', 3],
  ] as const)('%s %s (%s) → %i', (objectTypeId, propertyName, columnType, rank) => {
    expect(identifierRank(objectTypeId, propertyName, columnType)).toBe(rank)
  })
})

describe('planColumn', () => {
  it.each([
    ['an ignored column', testMapping('0-1', 'email', { ignored: true }), { role: 'skip' }],
    ['no property', testMapping('0-1', null), { role: 'skip' }],
    [
      'an association label',
      testMapping('0-1', null, { columnType: 'FLEXIBLE_ASSOCIATION_LABEL' }),
      { role: 'association-label' },
    ],
    [
      'another object’s key',
      testMapping('0-1', null, { toColumnObjectTypeId: '0-2' }),
      { role: 'foreign-key' },
    ],
    ['a property that does not exist', testMapping('0-1', 'nope'), { role: 'unknown-property' }],
    ['a read-only property', testMapping('0-1', 'createdate'), { role: 'read-only' }],
    [
      'the record ID',
      testMapping('0-1', 'hs_object_id'),
      { role: 'identifier', rank: 0, isRecordId: true },
    ],
    [
      'a record-ID column without a property',
      testMapping('0-1', null, { columnType: 'HUBSPOT_OBJECT_ID' }),
      { role: 'identifier', rank: 0, isRecordId: true },
    ],
    ['email', testMapping('0-1', 'email'), { role: 'identifier', rank: 2, unique: true }],
    [
      'email as the alternate id',
      testMapping('0-1', 'email', { columnType: 'HUBSPOT_ALTERNATE_ID' }),
      { role: 'identifier', rank: 1, unique: true },
    ],
    [
      'a hasUniqueValue property',
      testMapping('0-1', 'customer_number'),
      { role: 'identifier', rank: 3, unique: true },
    ],
    ['a plain property', testMapping('0-1', 'firstname'), { role: 'value' }],
  ])('%s', (_case, mapping, expected) => {
    const column = planColumn(mapping, 4, testPlanContext())
    expect(column).toMatchObject({ index: 4, objectTypeId: '0-1', ...expected })
    expect(column.check !== undefined).toBe(column.property !== undefined)
  })

  it('fails the import for an object type the account lacks', () => {
    const plan = () => planColumn(testMapping('2-99', 'code'), 3, testPlanContext())
    expect(plan).toThrow('Column code maps to 2-99, which is not an object type in this account.')
    try {
      plan()
    } catch (error) {
      expect((error as ImportFailure).errorType).toBe('MISSING_OBJECT_DEFINITION')
      expect((error as ImportFailure).details).toEqual({
        knownColumnNumber: 3,
        invalidValue: '2-99',
        objectTypeId: '2-99',
      })
    }
  })
})

describe('groupColumnsByObject', () => {
  const shape = (columns: Parameters<typeof groupColumnsByObject>[0]) =>
    groupColumnsByObject(columns).map((o) => ({
      objectTypeId: o.objectTypeId,
      identifiers: o.identifiers.map((c) => c.index),
      values: o.values.map((c) => c.index),
      problems: o.problems.map((c) => c.index),
    }))

  it.each([
    [
      'identifiers by priority; a unique identifier is a value too, a record ID is not',
      [
        testColumn(0, '0-1', 'customer_number'),
        testColumn(1, '0-1', 'email'),
        testColumn(2, '0-1', 'hs_object_id'),
        testColumn(3, '0-1', 'firstname'),
        testColumn(4, '0-1', 'nope'),
        testColumn(5, '0-1', 'createdate'),
      ],
      [{ objectTypeId: '0-1', identifiers: [2, 1, 0], values: [0, 1, 3], problems: [4, 5] }],
    ],
    [
      'objects in column order, skipping ignored and association columns',
      [
        testColumn(0, '0-2', 'name'),
        testColumn(1, '0-1', 'email'),
        testColumn(2, '0-1', 'email', { ignored: true }),
        testColumn(3, '0-1', null, { columnType: 'FLEXIBLE_ASSOCIATION_LABEL' }),
      ],
      [
        { objectTypeId: '0-2', identifiers: [], values: [0], problems: [] },
        { objectTypeId: '0-1', identifiers: [1], values: [1], problems: [] },
      ],
    ],
    [
      'an association column’s source object, even without columns of its own',
      [testColumn(0, '0-2', 'name'), testColumn(1, '0-1', null, { toColumnObjectTypeId: '0-2' })],
      [
        { objectTypeId: '0-2', identifiers: [], values: [0], problems: [] },
        { objectTypeId: '0-1', identifiers: [], values: [], problems: [] },
      ],
    ],
  ])('%s', (_case, columns, expected) => {
    expect(shape(columns)).toEqual(expected)
  })
})
