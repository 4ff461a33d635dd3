// Reading .xlsx workbooks: sheets, rows, cell types, limits, refusals
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import {
  importFileKind,
  readSpreadsheet,
  SpreadsheetError,
  spreadsheetRecords,
} from './read-spreadsheet.ts'
import {
  arrayBufferOf,
  CONTACTS_RECORDS,
  CONTACTS_SHEET,
  sheetBytes,
  workbookBytes,
} from './test-workbooks.ts'

async function recordsOf(bytes: Uint8Array, input: 'arraybuffer' | 'blob' = 'arraybuffer') {
  const source = input === 'blob' ? new Blob([arrayBufferOf(bytes)]) : arrayBufferOf(bytes)
  const sheets = await readSpreadsheet(source, 'contacts.xlsx')
  return { sheets, records: [...spreadsheetRecords(sheets[0]?.rows ?? [])] }
}

describe('readSpreadsheet', () => {
  it.each(['arraybuffer', 'blob'] as const)(
    'reads dates and numbers by cell type, keeps accents, skips the empty row (%s)',
    async (input) => {
      const { sheets, records } = await recordsOf(
        await sheetBytes(CONTACTS_SHEET, 'Contacts'),
        input,
      )
      expect(sheets.map((s) => s.name)).toEqual(['Contacts'])
      expect(records).toEqual(CONTACTS_RECORDS)
    },
  )

  it('lists every sheet of a workbook, in order', async () => {
    const bytes = await workbookBytes([
      { name: 'Contacts', data: [['Email'], ['a@example.com']] },
      { name: 'Notes', data: [['Text'], ['hello']] },
    ])
    const sheets = await readSpreadsheet(arrayBufferOf(bytes), 'book.xlsx')
    expect(sheets.map((s) => [s.name, [...spreadsheetRecords(s.rows)].length])).toEqual([
      ['Contacts', 2],
      ['Notes', 2],
    ])
  })

  it('numbers rows as the sheet does when the header is not on row 1', async () => {
    const bytes = await sheetBytes([[null], [null], ['Email'], ['a@example.com']])
    const { records } = await recordsOf(bytes)
    expect(records).toEqual([
      { lineNumber: 3, cells: ['Email'] },
      { lineNumber: 4, cells: ['a@example.com'] },
    ])
  })

  it('pads short rows to the widest row, as Excel has no ragged rows', async () => {
    const bytes = await sheetBytes([['Email', 'Name'], ['a@example.com'], ['b@example.com', 'B']])
    const { records } = await recordsOf(bytes)
    expect(records.map((r) => r.cells)).toEqual([
      ['Email', 'Name'],
      ['a@example.com', ''],
      ['b@example.com', 'B'],
    ])
  })

  const XLS_HEAD = new Uint8Array([
    0xd0,
    0xcf,
    0x11,
    0xe0,
    0xa1,
    0xb1,
    0x1a,
    0xe1,
    ...new Array(504).fill(0),
  ])
  it.each<[string, Uint8Array, string, string]>([
    [
      'an .xls workbook',
      XLS_HEAD,
      'XLS_NOT_SUPPORTED',
      'old.xls is an Excel 97–2003 workbook (.xls), which cannot be read: save it as an Excel workbook (.xlsx) or as CSV and choose it again.',
    ],
    [
      'a CSV named .xlsx',
      new TextEncoder().encode('Email\na@example.com\n'),
      'NOT_A_WORKBOOK',
      'old.xls is not an Excel workbook (.xlsx).',
    ],
    [
      'an empty file',
      new Uint8Array(0),
      'NOT_A_WORKBOOK',
      'old.xls is not an Excel workbook (.xlsx).',
    ],
    [
      'a ZIP cut short',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      'NOT_A_WORKBOOK',
      'old.xls is not an Excel workbook (.xlsx).',
    ],
  ])('refuses %s with a clear error', async (_case, bytes, code, message) => {
    const error = await readSpreadsheet(arrayBufferOf(bytes), 'old.xls').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SpreadsheetError)
    expect((error as SpreadsheetError).code).toBe(code)
    expect((error as SpreadsheetError).message).toBe(message)
  })

  it('reads the same text in every time zone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xlsx-tz-'))
    try {
      const path = join(dir, 'contacts.xlsx')
      await writeFile(path, await sheetBytes(CONTACTS_SHEET))
      // a fresh process per zone: a process's time zone is fixed when it starts
      const script = `
        import { readFile } from 'node:fs/promises'
        import { readSpreadsheet, spreadsheetRecords } from ${JSON.stringify(join(import.meta.dirname, 'read-spreadsheet.ts'))}
        const bytes = await readFile(${JSON.stringify(path)})
        const [sheet] = await readSpreadsheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 'contacts.xlsx')
        process.stdout.write(JSON.stringify([...spreadsheetRecords(sheet.rows)]))`
      const run = promisify(execFile)
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        const { stdout } = await run(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script],
          { env: { ...process.env, TZ: zone } },
        )
        expect(JSON.parse(stdout), zone).toEqual(CONTACTS_RECORDS)
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('importFileKind', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04])
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])
  const text = new TextEncoder().encode('Email,Name')
  it.each<[string, string, Uint8Array, string]>([
    ['a CSV', 'contacts.csv', text, 'csv'],
    ['a CSV, upper-case extension', 'CONTACTS.CSV', text, 'csv'],
    ['a workbook', 'contacts.xlsx', zip, 'xlsx'],
    ['a workbook named .csv: the bytes decide', 'contacts.csv', zip, 'xlsx'],
    ['an .xls workbook', 'old.xls', ole, 'xls'],
    ['an .xls workbook named .xlsx', 'old.xlsx', ole, 'xls'],
    ['text named .xlsx', 'fake.xlsx', text, 'xlsx'],
    ['an empty .xls', 'empty.xls', new Uint8Array(0), 'xls'],
    ['a text file', 'notes.txt', text, 'other'],
    ['no extension', 'contacts', text, 'other'],
  ])('%s → %s', (_case, fileName, head, kind) => {
    expect(importFileKind(fileName, head)).toBe(kind)
  })
})
