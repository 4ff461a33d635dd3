/**
 * Test support: `.xlsx` fixtures written in code (with `write-excel-file`, a devDependency), so
 * tests never depend on opaque committed binaries.
 */
import writeExcelFile, { type SheetData } from 'write-excel-file/universal'
import type { SpreadsheetRecord } from './read-spreadsheet.ts'

export type { SheetData }

/** A workbook with one sheet per entry, as the bytes of an `.xlsx` file. */
export async function workbookBytes(
  sheets: readonly { name: string; data: SheetData }[],
): Promise<Uint8Array> {
  const blob = await writeExcelFile(
    sheets.map(({ name, data }) => ({ sheet: name, data })),
  ).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

/** A one-sheet workbook. */
export function sheetBytes(data: SheetData, name = 'Sheet1'): Promise<Uint8Array> {
  return workbookBytes([{ name, data }])
}

/** A date cell with a visible format, as Excel writes one; `at` is the wall-clock time, in UTC fields. */
export function dateCell(at: string, format = 'yyyy-mm-dd') {
  return { value: new Date(`${at}Z`), type: Date, format }
}

/** The exact bytes as an ArrayBuffer (the reader takes ArrayBuffer or Blob). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

/** A contacts sheet with the cases the issue names: a date, a number, accents, an empty row. */
export const CONTACTS_SHEET: SheetData = [
  ['Email', 'First Name', 'Signed up', 'Last call', 'Revenue', 'Employees', 'VIP'],
  [
    'zoe@example.com',
    'Zoë',
    dateCell('2026-03-14T00:00:00', 'dd/mm/yyyy'),
    dateCell('2026-03-14T14:30:00', 'dd/mm/yyyy hh:mm'),
    { value: 1234.5, format: '[$$-409]#,##0.00' },
    12,
    true,
  ],
  [null, null, null, null, null, null, null],
  [
    'bjorn@example.com',
    'Björn Müller',
    dateCell('1999-12-31T00:00:00', 'mm/dd/yy'),
    null,
    { value: 0.1 + 0.2, format: '0.00' },
    null,
    false,
  ],
]

/** What the reader makes of `CONTACTS_SHEET`, in every time zone. */
export const CONTACTS_RECORDS: SpreadsheetRecord[] = [
  {
    lineNumber: 1,
    cells: ['Email', 'First Name', 'Signed up', 'Last call', 'Revenue', 'Employees', 'VIP'],
  },
  {
    lineNumber: 2,
    cells: ['zoe@example.com', 'Zoë', '2026-03-14', '2026-03-14 14:30:00', '1234.5', '12', 'TRUE'],
  },
  {
    lineNumber: 4,
    cells: ['bjorn@example.com', 'Björn Müller', '1999-12-31', '', '0.3', '', 'FALSE'],
  },
]
