// Row errors as the dashboard shows them: the column found, hidden values, filters and counts
import { describe, expect, it } from 'vitest'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { countByErrorType, errorColumnIndex, filterErrorRows, toErrorRow } from './error-rows.ts'

const HEADER = ['Email', 'Name', 'Lifecycle']

const make = (
  overrides: Partial<PublicImportError> = {},
  rowData = ['a@x', 'Ann', 'lead'],
): PublicImportError => ({
  id: 'e1',
  createdAt: 0,
  errorType: 'INVALID_EMAIL',
  sourceData: {
    rowData,
    additionalRowData: [],
    containsEncryptedProperties: false,
    fileId: 1,
    lineNumber: 2,
  },
  ...overrides,
})

describe('errorColumnIndex', () => {
  it.each([
    { description: 'uses knownColumnNumber', error: make({ knownColumnNumber: 2 }), expected: 2 },
    {
      description: 'finds the invalid value in the row',
      error: make({ invalidValue: 'Ann' }),
      expected: 1,
    },
    {
      description: 'gives up when the value appears twice',
      error: make({ invalidValue: 'x' }, ['x', 'x', 'y']),
      expected: undefined,
    },
    {
      description: 'gives up on an empty value',
      error: make({ invalidValue: '' }, ['', 'a', 'b']),
      expected: undefined,
    },
    { description: 'gives up without a hint', error: make(), expected: undefined },
  ])('$description', ({ error, expected }) => {
    expect(errorColumnIndex(error)).toBe(expected)
  })
})

describe('toErrorRow', () => {
  it('names the column from the mapping header', () => {
    expect(toErrorRow(make({ knownColumnNumber: 0 }), HEADER).columnName).toBe('Email')
  })

  it('names a column beyond the header by position', () => {
    expect(toErrorRow(make({ knownColumnNumber: 5 }), HEADER).columnName).toBe('Column 6')
  })

  it('prefers invalidValueToDisplay and falls back to extraContext for the message', () => {
    const row = toErrorRow(
      make({ invalidValue: 'raw', invalidValueToDisplay: 'shown', extraContext: 'ctx' }),
      HEADER,
    )
    expect([row.invalidValue, row.message]).toEqual(['shown', 'ctx'])
  })

  it.each([
    {
      description: 'REDACTED values',
      error: make({ invalidValue: 'REDACTED' }, ['REDACTED', 'a', 'b']),
      hidden: true,
      rowHidden: true,
    },
    {
      description: 'encrypted rows',
      error: {
        ...make({ invalidPropertyValue: { isEncrypted: true } }),
        sourceData: { ...make().sourceData, containsEncryptedProperties: true },
      },
      hidden: true,
      rowHidden: true,
    },
    {
      description: 'ordinary values',
      error: make({ invalidValue: 'a@x' }),
      hidden: false,
      rowHidden: false,
    },
  ])('flags $description', ({ error, hidden, rowHidden }) => {
    const row = toErrorRow(error, HEADER)
    expect([row.invalidValueHidden, row.rowHasHiddenValues]).toEqual([hidden, rowHidden])
  })
})

describe('filterErrorRows and countByErrorType', () => {
  const rows = [
    toErrorRow(make({ id: '1', knownColumnNumber: 0, errorMessage: 'not an email' }), HEADER),
    toErrorRow(make({ id: '2', knownColumnNumber: 0 }, ['b@x', 'Bob', 'lead']), HEADER),
    toErrorRow(
      make({ id: '3', errorType: 'INVALID_ENUMERATION_OPTION', knownColumnNumber: 2 }, [
        'c@x',
        'Cy',
        'nope',
      ]),
      HEADER,
    ),
    toErrorRow(
      make({ id: '4', errorType: 'NEW_TYPE', invalidValue: 'REDACTED' }, [
        'REDACTED',
        'secret',
        'x',
      ]),
      HEADER,
    ),
  ]

  it.each([
    { description: 'no filter keeps all', filter: {}, expected: ['1', '2', '3', '4'] },
    { description: 'by type', filter: { errorType: 'INVALID_EMAIL' }, expected: ['1', '2'] },
    { description: 'by column', filter: { columnName: 'Lifecycle' }, expected: ['3'] },
    { description: 'search in the row', filter: { search: 'bob' }, expected: ['2'] },
    { description: 'search in the message', filter: { search: 'NOT AN' }, expected: ['1'] },
    {
      description: 'search in the plain-words type',
      filter: { search: 'options' },
      expected: ['3'],
    },
    {
      description: 'search does not reveal hidden rows',
      filter: { search: 'secret' },
      expected: [],
    },
    {
      description: 'type and search combined',
      filter: { errorType: 'INVALID_EMAIL', search: 'b@x' },
      expected: ['2'],
    },
  ])('$description', ({ filter, expected }) => {
    expect(filterErrorRows(rows, filter).map((row) => row.id)).toEqual(expected)
  })

  it('counts by type, most frequent first', () => {
    expect(countByErrorType(rows).map(({ errorType, count }) => [errorType, count])).toEqual([
      ['INVALID_EMAIL', 2],
      ['NEW_TYPE', 1],
      ['INVALID_ENUMERATION_OPTION', 1],
    ])
  })
})
