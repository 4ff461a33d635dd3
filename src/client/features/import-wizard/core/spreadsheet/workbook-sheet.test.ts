// A workbook's sheet as the CSV the wizard reads: cells by type, sheet row numbers kept, one sheet picked
import { describe, expect, it } from 'vitest'
import { readCsvText } from '#shared/csv/record-reader.ts'
import {
  CONTACTS_RECORDS,
  CONTACTS_SHEET,
  sheetBytes,
  workbookBytes,
} from '#shared/spreadsheet/test-workbooks.ts'
import { inspectFile } from '../inspect-file.ts'
import { readWorkbookSheet } from './workbook-sheet.ts'
import { sheetCsvName, type WorkbookProgress } from './workbook-source.ts'

const blobOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart])

describe('readWorkbookSheet', () => {
  it('writes the only sheet as CSV: dates and numbers from the cells, accents, the empty row a blank line', async () => {
    const progress: WorkbookProgress[] = []
    const read = await readWorkbookSheet(
      blobOf(await sheetBytes(CONTACTS_SHEET, 'Contacts')),
      'contacts.xlsx',
      undefined,
      { onProgress: (p) => progress.push(p) },
    )
    if (read.kind !== 'sheet') throw new Error('expected a sheet')
    expect(read).toMatchObject({ sheetNames: ['Contacts'], sheetName: 'Contacts', rows: 3 })
    const text = await read.csv.text()
    expect(text).toBe(
      'Email,First Name,Signed up,Last call,Revenue,Employees,VIP\r\n' +
        'zoe@example.com,Zoë,2026-03-14,2026-03-14 14:30:00,1234.5,12,TRUE\r\n' +
        '\r\n' +
        'bjorn@example.com,Björn Müller,1999-12-31,,0.3,,FALSE\r\n',
    )
    // read back in the wizard's dialect: the records and line numbers are the sheet's
    const parsed = readCsvText(text, { delimiter: ',' })
    expect(parsed.records).toEqual(CONTACTS_RECORDS.map((r) => r.cells))
    expect(parsed.lineNumbers).toEqual(CONTACTS_RECORDS.map((r) => r.lineNumber))
    expect(progress[0]).toMatchObject({ stage: 'unzipping', bytes: 0 })
    expect(progress.at(-1)).toEqual({ stage: 'writing', rows: 4, totalRows: 4 })
  })

  it('leaves the header where the sheet has it, below empty rows, with its row number', async () => {
    const read = await readWorkbookSheet(
      blobOf(
        await sheetBytes([
          [null, null],
          ['Email', 'Name'],
          ['a@x.com', 'Ann'],
        ]),
      ),
      'late.xlsx',
      undefined,
    )
    if (read.kind !== 'sheet') throw new Error('expected a sheet')
    const inspection = await inspectFile(read.csv, {}, 'late.csv')
    expect(inspection.headers).toEqual(['Email', 'Name'])
    expect(inspection.settings.headerRowIndex).toBe(0)
    expect(inspection.previewLineNumbers).toEqual([3])
  })

  it('asks for a sheet when there are several, then writes the one picked', async () => {
    const bytes = await workbookBytes([
      { name: 'Notes', data: [['Read me'], ['Contacts are on the next sheet']] },
      { name: 'Contacts', data: [['Email'], ['a@x.com']] },
    ])
    expect(await readWorkbookSheet(blobOf(bytes), 'book.xlsx', undefined)).toEqual({
      kind: 'pick-sheet',
      sheetNames: ['Notes', 'Contacts'],
    })
    const read = await readWorkbookSheet(blobOf(bytes), 'book.xlsx', 'Contacts')
    if (read.kind !== 'sheet') throw new Error('expected a sheet')
    expect(read.sheetName).toBe('Contacts')
    expect(await read.csv.text()).toBe('Email\r\na@x.com\r\n')
    await expect(readWorkbookSheet(blobOf(bytes), 'book.xlsx', 'Gone')).rejects.toThrow(
      /no sheet named "Gone"/,
    )
  })

  it('refuses what is not a workbook with the shared reader’s message', async () => {
    await expect(
      readWorkbookSheet(new Blob(['Email\na@x.com\n']), 'fake.xlsx', undefined),
    ).rejects.toThrow('fake.xlsx is not an Excel workbook (.xlsx).')
  })
})

describe('sheetCsvName', () => {
  it.each([
    ['Book.xlsx', 'Sheet1', 1, 'Book.csv'],
    ['Book.XLSX', 'Contacts', 2, 'Book (Contacts).csv'],
    ['Q1 leads.xlsx', 'März', 3, 'Q1 leads (März).csv'],
  ])('%s, sheet %s of %i → %s', (workbook, sheet, count, expected) => {
    expect(sheetCsvName(workbook, sheet, count)).toBe(expected)
  })
})
