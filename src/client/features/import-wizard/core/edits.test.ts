// The user's fixes: cell edits, replace-all, excluded rows, applied to rows
import { describe, expect, it } from 'vitest'
import {
  applyEdits,
  cleanCsvReasons,
  hasChanges,
  NO_EDITS,
  withCellEdit,
  withReplacement,
  withRowExcluded,
  type CleanCsvInput,
} from './edits.ts'
import type { Edits } from './edits.ts'

const row = ['ana@example', 'Lisboa', 'PT ']

describe('applyEdits', () => {
  it.each([
    { description: 'no edits', edits: NO_EDITS, rowIndex: 0, expected: row },
    {
      description: 'a cell edit',
      edits: withCellEdit(NO_EDITS, 0, 0, 'ana@example.com'),
      rowIndex: 0,
      expected: ['ana@example.com', 'Lisboa', 'PT '],
    },
    {
      description: "another row's cell edit",
      edits: withCellEdit(NO_EDITS, 1, 0, 'x'),
      rowIndex: 0,
      expected: row,
    },
    {
      description: 'a replacement matches trimmed values',
      edits: withReplacement(NO_EDITS, 2, 'PT', 'Portugal'),
      rowIndex: 5,
      expected: ['ana@example', 'Lisboa', 'Portugal'],
    },
    {
      description: 'a cell edit wins over a replacement',
      edits: withCellEdit(withReplacement(NO_EDITS, 2, 'PT', 'Portugal'), 3, 2, 'Spain'),
      rowIndex: 3,
      expected: ['ana@example', 'Lisboa', 'Spain'],
    },
    {
      description: 'the later replacement of a value wins',
      edits: withReplacement(
        withReplacement(NO_EDITS, 1, 'Lisboa', 'Lisbon'),
        1,
        'Lisboa',
        'Lisbonne',
      ),
      rowIndex: 0,
      expected: ['ana@example', 'Lisbonne', 'PT '],
    },
    {
      description: 'an edit past the end of a short row pads it',
      edits: withCellEdit(NO_EDITS, 0, 4, 'x'),
      rowIndex: 0,
      expected: ['ana@example', 'Lisboa', 'PT ', '', 'x'],
    },
    {
      description: 'an excluded row',
      edits: withRowExcluded(NO_EDITS, 2, true),
      rowIndex: 2,
      expected: null,
    },
    {
      description: 'a row brought back',
      edits: withRowExcluded(withRowExcluded(NO_EDITS, 2, true), 2, false),
      rowIndex: 2,
      expected: row,
    },
  ])('$description', ({ edits, rowIndex, expected }) => {
    expect(applyEdits(row, rowIndex, edits as Edits)).toEqual(expected)
  })

  it('leaves the input row alone', () => {
    const input = [...row]
    applyEdits(input, 0, withCellEdit(NO_EDITS, 0, 0, 'changed'))
    expect(input).toEqual(row)
  })
})

describe('hasChanges', () => {
  const clean: CleanCsvInput = {
    settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
    encoding: { hasBom: false },
    headers: ['Email', 'City'],
    columnNames: ['Email', 'City'],
    mapping: [
      { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
      { columnIndex: 1, columnName: 'City', objectTypeId: '0-1', propertyName: 'city' },
    ],
    edits: NO_EDITS,
    ambiguities: { blankRows: 0, quoteRows: 0 },
  }

  it.each([
    { description: 'a clean UTF-8 comma file', change: {}, expected: [] },
    {
      description: 'blank rows the scan found',
      change: { ambiguities: { blankRows: 3, quoteRows: 0 } },
      expected: ['the file has blank rows'],
    },
    {
      description: 'quotes the scan found written oddly',
      change: { ambiguities: { blankRows: 0, quoteRows: 1 } },
      expected: ['some quotes are not written the standard way'],
    },
    {
      description: 'no scan result (a draft saved before scans were kept)',
      change: { ambiguities: undefined },
      expected: ['the whole file was not checked'],
    },
    {
      description: 'windows-1252',
      change: { settings: { ...clean.settings, encoding: 'windows-1252' } },
      expected: ['the file is not UTF-8'],
    },
    {
      description: 'a BOM',
      change: { encoding: { hasBom: true } },
      expected: ['the file starts with a byte order mark'],
    },
    {
      description: 'semicolons',
      change: { settings: { ...clean.settings, delimiter: ';' } },
      expected: ['columns are not separated by commas'],
    },
    {
      description: 'a title row',
      change: { settings: { ...clean.settings, headerRowIndex: 2 } },
      expected: ['the header is not on the first line'],
    },
    {
      description: 'duplicate headers renamed',
      change: { headers: ['Email', 'Email'], columnNames: ['Email', 'Email (2)'] },
      expected: ['some column names are blank, repeated or padded with spaces'],
    },
    {
      description: 'an ignored column',
      change: {
        mapping: [
          clean.mapping[0]!,
          { ...clean.mapping[1]!, objectTypeId: null, propertyName: null },
        ],
      },
      expected: ['some columns are not imported'],
    },
    {
      description: 'a cell edit',
      change: { edits: withCellEdit(NO_EDITS, 0, 0, 'x') },
      expected: ['you changed values'],
    },
    {
      description: 'an excluded row',
      change: { edits: withRowExcluded(NO_EDITS, 0, true) },
      expected: ['you left rows out'],
    },
  ] as const)('$description', ({ change, expected }) => {
    const input = { ...clean, ...change } as CleanCsvInput
    expect(cleanCsvReasons(input)).toEqual(expected)
    expect(hasChanges(input)).toBe(expected.length > 0)
  })
})
