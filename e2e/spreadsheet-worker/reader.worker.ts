/// <reference lib="webworker" />
// The shared reader as the wizard's worker will call it: bytes in, text records out.
import {
  readSpreadsheet,
  SpreadsheetError,
  spreadsheetRecords,
} from '#shared/spreadsheet/read-spreadsheet.ts'

self.onmessage = async (event: MessageEvent<ArrayBuffer>) => {
  try {
    const sheets = await readSpreadsheet(event.data, 'upload.xlsx')
    self.postMessage({
      sheetNames: sheets.map((s) => s.name),
      records: [...spreadsheetRecords(sheets[0]?.rows ?? [])],
    })
  } catch (error) {
    self.postMessage({
      error: error instanceof SpreadsheetError ? error.code : String(error),
      message: (error as Error).message,
    })
  }
}
