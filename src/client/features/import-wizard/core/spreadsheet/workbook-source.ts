// What the wizard keeps of a workbook and the shapes of reading one, apart from the reader (which only the worker loads)
/** The workbook a file stage was read from: uploaded as it is when nothing was changed. */
export interface WorkbookSource {
  file: File
  sheetName: string
  sheetNames: string[]
}

export interface WorkbookProgress {
  /**
   * `unzipping`: `bytes` of the file's `totalBytes` inflated; `parsing`: the reader parses `bytes`
   * of XML, with no measure of how far it is; `writing`: `rows` of the sheet's `totalRows` written
   * as CSV. (`reading`: before any of these, from a worker of an earlier version.)
   */
  stage: 'reading' | 'unzipping' | 'parsing' | 'writing'
  /** sheet rows written so far (writing) */
  rows: number
  totalRows: number
  bytes?: number | undefined
  totalBytes?: number | undefined
}

export type WorkbookReadResult =
  /** several sheets and none chosen yet: HubSpot imports one, so the person picks it */
  | { kind: 'pick-sheet'; sheetNames: string[] }
  | { kind: 'sheet'; sheetNames: string[]; sheetName: string; csv: Blob; rows: number }

/**
 * The name of the CSV a sheet becomes: `Book.csv`, or `Book (Sheet name).csv` when the workbook
 * has several sheets, so the uploaded file says which sheet it holds.
 */
export function sheetCsvName(workbookName: string, sheetName: string, sheetCount: number): string {
  const base = workbookName.replace(/\.xlsx$/i, '')
  return sheetCount > 1 ? `${base} (${sheetName}).csv` : `${base}.csv`
}
