// Records of an import's files, CSV and workbook alike
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ColumnMapping } from '#shared/hubspot/import-request.ts'
import {
  dateCell,
  sheetBytes,
  workbookBytes,
  type SheetData,
} from '#shared/spreadsheet/test-workbooks.ts'
import { CrmStore } from './crm-store.ts'
import { readImportRecords } from './file-records.ts'
import { processImport } from './process-import.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'
import type { StoredImportFile } from './types.ts'

let dir: string
let counter = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-records-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function storedWorkbook(
  bytes: Uint8Array,
  fileName = 'contacts.xlsx',
): Promise<StoredImportFile> {
  counter += 1
  const path = join(dir, `${counter}.upload`)
  await writeFile(path, bytes)
  return { fileName, path, fileId: 900 + counter, rowCount: 0, fileFormat: 'SPREADSHEET' }
}

const contact = (columnName: string, propertyName: string): ColumnMapping => ({
  columnObjectTypeId: '0-1',
  columnName,
  propertyName,
})

const SHEET: SheetData = [
  ['Email', 'First Name', 'Birthday', 'Last contacted', 'Revenue', 'Newsletter'],
  [
    'zoe@example.com',
    'Zoë',
    dateCell('1990-01-31T00:00:00', 'dd/mm/yyyy'),
    dateCell('2026-03-14T14:30:00', 'dd/mm/yyyy hh:mm'),
    { value: 1234.5, format: '[$$-409]#,##0.00' },
    true,
  ],
  [null, null, null, null, null, null],
  ['bjorn@example.com', 'Björn', 'not a date', null, { value: 0.1 + 0.2, format: '0%' }, false],
]

describe('readImportRecords', () => {
  it('gives a workbook’s rows as text records numbered by sheet row', async () => {
    const file = await storedWorkbook(await sheetBytes(SHEET))
    const records = []
    for await (const record of readImportRecords(file)) records.push(record)
    expect(records.map((r) => [r.recordNumber, r.cells.join('|')])).toEqual([
      [1, 'Email|First Name|Birthday|Last contacted|Revenue|Newsletter'],
      [2, 'zoe@example.com|Zoë|1990-01-31|2026-03-14 14:30:00|1234.5|TRUE'],
      [4, 'bjorn@example.com|Björn|not a date||0.3|FALSE'],
    ])
  })
})

describe('processImport with a workbook', () => {
  async function run(file: StoredImportFile, dateFormat?: 'DAY_MONTH_YEAR') {
    const catalogue = new PropertyCatalogue()
    const store = new CrmStore({ catalogue })
    const result = await processImport(
      {
        importId: '8001',
        request: {
          name: 'xlsx',
          ...(dateFormat ? { dateFormat } : {}),
          files: [
            {
              fileName: file.fileName,
              fileFormat: 'SPREADSHEET',
              fileImportPage: {
                hasHeader: true,
                columnMappings: [
                  contact('Email', 'email'),
                  contact('First Name', 'firstname'),
                  contact('Birthday', 'date_of_birth'),
                  contact('Last contacted', 'hs_last_contacted'),
                  contact('Revenue', 'annualrevenue'),
                  contact('Newsletter', 'newsletter_opt_in'),
                ],
              },
            },
          ],
        },
        files: [file],
      },
      { catalogue, store, signal: new AbortController().signal, rowsPerSecond: 0 },
    )
    return { result, store }
  }

  it.each([undefined, 'DAY_MONTH_YEAR'] as const)(
    'stores dates, numbers and accents from the cell types (dateFormat %s); errors name the sheet row',
    async (dateFormat) => {
      const { result, store } = await run(await storedWorkbook(await sheetBytes(SHEET)), dateFormat)
      expect(result.outcome).toBe('DONE')
      const zoe = store.findByUnique('0-1', 'email', 'zoe@example.com')?.properties
      expect(zoe).toMatchObject({
        firstname: 'Zoë',
        date_of_birth: '1990-01-31',
        hs_last_contacted: '2026-03-14T14:30:00.000Z',
        annualrevenue: '1234.5',
        newsletter_opt_in: 'true',
      })
      const bjorn = store.findByUnique('0-1', 'email', 'bjorn@example.com')?.properties
      expect(bjorn).toMatchObject({
        firstname: 'Björn',
        annualrevenue: '0.3',
        newsletter_opt_in: 'false',
      })
      expect(bjorn?.date_of_birth).toBeUndefined()
      expect(
        result.errors.map((e) => [
          e.sourceData.lineNumber,
          e.errorType,
          e.knownColumnNumber,
          e.invalidValue,
        ]),
      ).toEqual([[4, 'COULD_NOT_PARSE_DATE', 2, 'not a date']])
      expect(result.counters).toMatchObject({ TOTAL_ROWS: 2, CREATED_OBJECTS: 2 })
    },
  )

  it('finds the header below leading empty rows', async () => {
    const bytes = await sheetBytes([
      [null],
      ['Email', 'First Name', 'Birthday', 'Last contacted', 'Revenue', 'Newsletter'],
      ['a@example.com', 'A', null, null, null, null],
    ])
    const { result, store } = await run(await storedWorkbook(bytes))
    expect(result.errors).toEqual([])
    expect(store.findByUnique('0-1', 'email', 'a@example.com')?.properties.firstname).toBe('A')
  })

  it.each<[string, () => Promise<Uint8Array>, string]>([
    [
      'a workbook that is not one',
      async () => new TextEncoder().encode('Email\n'),
      'INVALID_SPREADSHEET',
    ],
    [
      'a workbook with two sheets',
      () =>
        workbookBytes([
          { name: 'A', data: [['Email']] },
          { name: 'B', data: [['Email']] },
        ]),
      'INVALID_SHEET_COUNT',
    ],
  ])(
    'fails the import for %s (the upload check normally answers first)',
    async (_case, bytes, errorType) => {
      const { result } = await run(await storedWorkbook(await bytes()))
      expect(result.outcome).toBe('FAILED')
      expect(result.errors.map((e) => [e.errorType, e.sourceData.lineNumber])).toEqual([
        [errorType, 0],
      ])
    },
  )
})
