/**
 * A workbook next to the same data as CSV: how long the built app takes from choosing the file to
 * its preview on screen (the .xlsx is read whole in the CSV worker and its sheet written as CSV;
 * the CSV is only sliced), and how long the page's main thread is blocked meanwhile.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import writeExcelFile, { type SheetData } from 'write-excel-file/universal'
import { readCsvText } from '../../src/shared/csv/record-reader.ts'
import { launchBrowser } from './browser.ts'
import { blockingSummary } from './stats.ts'
import { arm, longTasksSince, mark, openWizard, waited } from './wizard-driver.ts'

export interface FileReadMeasurement {
  previewMs: number
  longestTaskMs: number
  totalBlockingMs: number
}

const NUMBER = /^-?\d{1,15}(\.\d+)?$/

/**
 * Writes the CSV's records as a one-sheet workbook (cells that are plain numbers as numbers, the
 * rest as text), once: it is kept next to the CSV for later runs.
 */
export async function workbookOfCsv(csvPath: string, xlsxPath: string): Promise<void> {
  if (existsSync(xlsxPath)) return
  const { records } = readCsvText(readFileSync(csvPath, 'utf8'), { delimiter: ',' })
  const data: SheetData = records.map((row, index) =>
    row.map((cell) =>
      index > 0 && NUMBER.test(cell) && !cell.startsWith('0') ? Number(cell) : cell,
    ),
  )
  const blob = await writeExcelFile([{ sheet: 'Contacts', data }]).toBlob()
  writeFileSync(xlsxPath, Buffer.from(await blob.arrayBuffer()))
}

/** File chosen → preview painted, with the main-thread tasks over 50 ms in between. */
export async function measureFileRead(appUrl: string, path: string): Promise<FileReadMeasurement> {
  const browser = await launchBrowser()
  try {
    const page = await browser.browser.newPage()
    await openWizard(page, appUrl)
    await arm(page, 'preview')
    await page.locator('input[type=file]').first().setInputFiles(path)
    const preview = await mark(page, 'preview')
    const { longestMs, totalBlockingMs } = blockingSummary(
      await longTasksSince(page, preview.since),
    )
    return { previewMs: waited(preview), longestTaskMs: longestMs, totalBlockingMs }
  } finally {
    await browser.close()
  }
}
