/**
 * What kind of file an upload is and the messages for workbooks that can't be read: apart from the
 * reader, so a page can tell a workbook from a CSV without loading the reader's code.
 */
export type SpreadsheetErrorCode =
  /** a legacy Excel 97–2003 workbook */
  | 'XLS_NOT_SUPPORTED'
  /** not a workbook at all (a CSV named .xlsx, a ZIP of something else, an empty file) */
  | 'NOT_A_WORKBOOK'
  /** a workbook whose content cannot be read */
  | 'INVALID_SPREADSHEET'

export const SPREADSHEET_MESSAGES: Readonly<Record<SpreadsheetErrorCode, string>> = {
  XLS_NOT_SUPPORTED:
    'is an Excel 97–2003 workbook (.xls), which cannot be read: save it as an Excel workbook (.xlsx) or as CSV and choose it again.',
  NOT_A_WORKBOOK: 'is not an Excel workbook (.xlsx).',
  INVALID_SPREADSHEET: 'is an Excel workbook that cannot be read; it may be damaged.',
}

/** What kind of file an upload is, from its first bytes, else from its name. */
export type ImportFileKind = 'csv' | 'xlsx' | 'xls' | 'other'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]

/**
 * The bytes decide first: an `.xlsx` is a ZIP archive and an `.xls` an OLE2 compound file,
 * whatever the name says. Otherwise the extension: `.csv`, `.xlsx` (bytes that then fail to read
 * as a workbook) or `.xls`.
 */
export function importFileKind(fileName: string, head: Uint8Array): ImportFileKind {
  const starts = (magic: readonly number[]) => magic.every((byte, i) => head[i] === byte)
  if (starts(OLE2_MAGIC)) return 'xls'
  if (starts(ZIP_MAGIC)) return 'xlsx'
  const extension = /\.([^.]*)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'csv') return 'csv'
  if (extension === 'xlsx') return 'xlsx'
  if (extension === 'xls') return 'xls'
  return 'other'
}
