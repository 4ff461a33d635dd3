/**
 * Test support: `.xlsx` fixtures written in code (with `write-excel-file`, a devDependency), so
 * tests never depend on opaque committed binaries.
 */
import writeExcelFile, { type SheetData } from 'write-excel-file/universal'

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
