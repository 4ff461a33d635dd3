// A row's values per object: the problems the value rules find
import { describe, expect, it } from 'vitest'
import { testColumn } from './column-fixtures.ts'
import {
  keepUniqueValues,
  mergeAppends,
  propertyProblems,
  validateValues,
  type CellValue,
} from './object-values.ts'
import type { CrmObject } from './types.ts'

describe('propertyProblems', () => {
  const unknown = testColumn(0, '0-1', 'nope')
  const readOnly = testColumn(1, '0-1', 'createdate')
  it.each([
    ['blank cells', ['', '  '], []],
    [
      'an unknown property',
      ['x', ''],
      [
        {
          column: unknown,
          errorType: 'PROPERTY_DEFINITION_NOT_FOUND',
          message: 'The property nope does not exist on contact.',
        },
      ],
    ],
    [
      'a read-only property',
      ['', '2024-01-01'],
      [
        {
          column: readOnly,
          errorType: 'INVALID_COLUMN_CONFIGURATION',
          message: 'The property createdate is read-only; its value was not imported.',
        },
      ],
    ],
  ])('%s', (_case, cells, problems) => {
    expect(propertyProblems('0-1', [unknown, readOnly], cells)).toEqual(problems)
  })
})

describe('validateValues', () => {
  const email = testColumn(0, '0-1', 'email')
  const firstname = testColumn(1, '0-1', 'firstname')
  const interests = testColumn(2, '0-1', 'interests')
  const columns = [email, firstname, interests]
  it.each([
    ['blanks skipped', ['', ' ', ''], email, {}, []],
    [
      'the identifier left out, values trimmed',
      ['a@example.com', ' Ann ', ''],
      email,
      { firstname: { value: 'Ann', append: false, column: firstname } },
      [],
    ],
    [
      'a unique column that is not the identifier is a value',
      ['a@example.com', '', ''],
      undefined,
      { email: { value: 'a@example.com', append: false, column: email } },
      [],
    ],
    [
      'a leading semicolon appends',
      ['', '', ';CRM'],
      email,
      { interests: { value: 'crm', append: true, column: interests } },
      [],
    ],
    ['an invalid cell is a problem', ['', 'Ann', 'Knitting'], email, { firstname: 'Ann' }, [2]],
  ])('%s', (_case, cells, identifier, values, problemColumns) => {
    const result = validateValues(columns, cells, identifier)
    const expected = Object.fromEntries(
      Object.entries(values).map(([name, v]) => [
        name,
        typeof v === 'string' ? expect.objectContaining({ value: v }) : v,
      ]),
    )
    expect(Object.fromEntries(result.values)).toEqual(expected)
    expect(result.problems.map((p) => p.column.index)).toEqual(problemColumns)
  })
})

describe('keepUniqueValues', () => {
  const email = testColumn(0, '0-1', 'email')
  const firstname = testColumn(1, '0-1', 'firstname')
  // firstname is not unique: its owner is never asked for
  const owners: Record<string, string> = { 'taken@example.com': '7', Ann: '8' }
  const values = (address: string, append = false) =>
    new Map<string, CellValue>([
      ['email', { value: address, append: false, column: email }],
      ['firstname', { value: 'Ann', append, column: firstname }],
    ])
  it.each([
    ['a new value', 'free@example.com', undefined, ['email', 'firstname'], []],
    ['a value another record holds', 'taken@example.com', undefined, ['firstname'], [0]],
    ['a value the record itself holds', 'taken@example.com', '7', ['email', 'firstname'], []],
  ])('%s', (_case, address, selfId, kept, problemColumns) => {
    const result = keepUniqueValues('0-1', values(address), selfId, (_name, v) => owners[v])
    expect(Object.keys(result.properties)).toEqual(kept)
    expect(result.problems.map((p) => p.column.index)).toEqual(problemColumns)
  })

  it('names the owner and keeps appends', () => {
    const result = keepUniqueValues(
      '0-1',
      values('taken@example.com', true),
      undefined,
      (_n, v) => owners[v],
    )
    expect(result.problems[0]).toMatchObject({
      column: email,
      errorType: 'DUPLICATE_UNIQUE_PROPERTY_VALUE',
      message: 'The email taken@example.com already belongs to contact 7; it must be unique.',
    })
    expect([...result.appends]).toEqual(['firstname'])
  })
})

describe('mergeAppends', () => {
  const existing = (interests?: string): CrmObject => ({
    id: '1',
    objectTypeId: '0-1',
    properties: interests === undefined ? {} : { interests },
    createdAt: '',
    updatedAt: '',
    associations: [],
  })
  it.each([
    ['replaces without append', { interests: 'CRM' }, [], 'A;B', 'CRM'],
    ['adds to the stored options', { interests: 'CRM' }, ['interests'], 'A;B', 'A;B;CRM'],
    ['skips options already stored', { interests: 'B;CRM' }, ['interests'], 'A;B', 'A;B;CRM'],
    ['starts from nothing', { interests: 'CRM' }, ['interests'], undefined, 'CRM'],
    ['drops empty options', { interests: 'CRM;' }, ['interests'], ';A;', 'A;CRM'],
  ])('%s', (_case, properties, appends, stored, merged) => {
    expect(mergeAppends(properties, new Set(appends), existing(stored)).interests).toBe(merged)
  })
})
