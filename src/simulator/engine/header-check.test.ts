// Checking a file's header against its mappings: reordering, wrong column counts
import { describe, expect, it } from 'vitest'
import { testMapping, TEST_FILE } from './column-fixtures.ts'
import { headerColumnCountFailure, reorderToHeader } from './header-check.ts'

const named = (...names: string[]) => names.map((n) => testMapping('0-1', n, { columnName: n }))

describe('reorderToHeader', () => {
  it.each([
    ['same order', ['a', 'b', 'c'], ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['another order', ['a', 'b', 'c'], ['c', 'a', 'b'], ['c', 'a', 'b']],
    ['names padded with spaces', ['a', 'b'], [' b ', 'a'], ['b', 'a']],
    ['a name not mapped', ['a', 'b'], ['b', 'x'], ['a', 'b']],
    ['a header name twice', ['a', 'b'], ['b', 'b'], ['a', 'b']],
    ['a mapping name twice', ['a', 'a'], ['a', 'b'], ['a', 'a']],
  ])('%s: mappings %j, header %j → %j', (_case, mapped, header, expected) => {
    const reordered = reorderToHeader(named(...mapped), header)
    expect(reordered.map((m) => m.columnName)).toEqual(expected)
  })
})

describe('headerColumnCountFailure', () => {
  it.each([
    ['as many columns as mappings', ['a', 'b'], ['a', 'b'], undefined],
    [
      'an extra column',
      ['a', 'b', 'extra'],
      ['a', 'b'],
      { knownColumnNumber: 2, invalidValue: 'extra' },
    ],
    ['a missing column', ['a'], ['a', 'b'], {}],
  ])('%s', (_case, header, mapped, details) => {
    const failure = headerColumnCountFailure(TEST_FILE, header, named(...mapped))
    if (details === undefined) {
      expect(failure).toBeUndefined()
      return
    }
    expect(failure?.errorType).toBe('INCORRECT_NUMBER_OF_COLUMNS')
    expect(failure?.message).toBe(
      `The file test.csv has ${header.length} columns but the import maps ${mapped.length}: every column needs a mapping, in the header order.`,
    )
    expect(failure?.details).toEqual({ rowData: header, objectTypeId: '0-1', ...details })
  })
})
