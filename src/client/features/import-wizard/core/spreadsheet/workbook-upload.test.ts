// When a workbook goes to HubSpot as it is, and why it doesn't
import { describe, expect, it } from 'vitest'
import type { CleanCsvInput } from '../edits.ts'
import { SEVERAL_SHEETS_REASON, workbookUploadReasons } from './workbook-upload.ts'

const base: Omit<CleanCsvInput, 'ambiguities'> = {
  settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
  encoding: { hasBom: false },
  headers: ['Email', 'Name'],
  columnNames: ['Email', 'Name'],
  mapping: [
    { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
    { columnIndex: 1, columnName: 'Name', objectTypeId: '0-1', propertyName: 'firstname' },
  ],
  edits: { cells: [], replacements: [], excludedRows: [] },
}

describe('workbookUploadReasons', () => {
  it.each<[string, string[], Omit<CleanCsvInput, 'ambiguities'>]>([
    ['nothing changed (empty rows or not)', [], base],
    ['several sheets', [SEVERAL_SHEETS_REASON], base],
    [
      'an edited value',
      ['you changed values'],
      { ...base, edits: { ...base.edits, cells: [{ rowIndex: 0, columnIndex: 1, value: 'A' }] } },
    ],
    [
      'a row left out',
      ['you left rows out'],
      { ...base, edits: { ...base.edits, excludedRows: [2] } },
    ],
    [
      'a column not imported',
      ['some columns are not imported'],
      { ...base, mapping: [base.mapping[0]!, { ...base.mapping[1]!, propertyName: null }] },
    ],
    [
      'a title row above the header',
      ['the header is not on the first line'],
      { ...base, settings: { ...base.settings, headerRowIndex: 1 } },
    ],
    [
      'a repeated column name',
      ['some column names are blank, repeated or padded with spaces'],
      { ...base, headers: ['Email', 'Email'], columnNames: ['Email', 'Email (2)'] },
    ],
  ])('%s', (label, expected, input) => {
    const sheetNames = label === 'several sheets' ? ['Contacts', 'Notes'] : ['Contacts']
    expect(workbookUploadReasons({ sheetNames }, input)).toEqual(expected)
  })
})
