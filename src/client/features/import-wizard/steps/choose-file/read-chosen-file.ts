// A chosen file → a file stage, read in the CSV worker: a CSV is inspected as it is; an .xlsx has its sheet written as CSV first
import { importFileKind, SPREADSHEET_MESSAGES } from '#shared/spreadsheet/file-kind.ts'
import type { SettingsOverrides } from '../../core/parse-settings.ts'
import { sheetCsvName, type WorkbookProgress } from '../../core/spreadsheet/workbook-source.ts'
import { runInspect, runReadWorkbook } from '../../csv-tasks.ts'
import type { FileStage } from '../../wizard-state.ts'

export type ChosenFileRead =
  | { kind: 'read'; source: FileStage }
  /** a workbook with several sheets: HubSpot imports one, the person picks which */
  | { kind: 'pick-sheet'; file: File; sheetNames: string[] }
  /** a file the wizard can't read at all, with the message to show */
  | { kind: 'refused'; message: string }

const MAGIC_BYTES = 8

/** Reads a newly chosen file (or a workbook's chosen sheet) into what the file step shows. */
export async function readChosenFile(
  file: File,
  overrides: SettingsOverrides,
  options: { sheetName?: string; onProgress?: (progress: WorkbookProgress) => void } = {},
): Promise<ChosenFileRead> {
  // most files are text: the worker starts inspecting at once, while the first bytes say what it is
  const inspection = /\.xlsx?$/i.test(file.name)
    ? undefined
    : runInspect(file, overrides, file.name)
  inspection?.catch(() => {})
  const head = new Uint8Array(await file.slice(0, MAGIC_BYTES).arrayBuffer())
  const kind = importFileKind(file.name, head)
  if (kind === 'xls') {
    return { kind: 'refused', message: `"${file.name}" ${SPREADSHEET_MESSAGES.XLS_NOT_SUPPORTED}` }
  }
  if (kind !== 'xlsx') {
    return {
      kind: 'read',
      source: {
        file,
        overrides,
        inspection: await (inspection ?? runInspect(file, overrides, file.name)),
      },
    }
  }
  const read = await runReadWorkbook(file, file.name, options.sheetName, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })
  if (read.kind === 'pick-sheet') return { kind: 'pick-sheet', file, sheetNames: read.sheetNames }
  const csv = new File(
    [read.csv],
    sheetCsvName(file.name, read.sheetName, read.sheetNames.length),
    {
      type: 'text/csv',
      lastModified: file.lastModified,
    },
  )
  return {
    kind: 'read',
    source: {
      file: csv,
      overrides,
      inspection: await runInspect(csv, overrides, csv.name),
      workbook: { file, sheetName: read.sheetName, sheetNames: read.sheetNames },
    },
  }
}

/** The same file (or sheet) read again with other settings. */
export async function rereadSource(
  source: FileStage,
  overrides: SettingsOverrides,
): Promise<FileStage> {
  return {
    ...source,
    overrides,
    inspection: await runInspect(source.file, overrides, source.file.name),
  }
}
