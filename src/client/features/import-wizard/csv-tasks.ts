// Inspections, scans, clean-CSV exports and workbook reads run in the CSV worker (in place where there is no Worker, as in tests)
import type { CheckPlan } from './core/check-plan.ts'
import { createCsvWorkerClient, type CsvWorkerClient } from './core/csv-worker-client.ts'
import type { Edits } from './core/edits.ts'
import { inspectFile, type FileInspection } from './core/inspect-file.ts'
import type { ParseSettings, SettingsOverrides } from './core/parse-settings.ts'
import { exportCleanCsv, scanFile, type StreamOptions } from './core/scan-file.ts'
import type { ExportPlan, ExportResult, ScanResult } from './core/scan-result.ts'
import {
  crossFileCheck,
  type CrossFileCheckInput,
  type CrossFileCheckResult,
} from './core/two-files/cross-file-check.ts'
import type { WorkbookProgress, WorkbookReadResult } from './core/spreadsheet/workbook-source.ts'

let client: CsvWorkerClient | undefined
// one worker for the page, started on first use; without Worker (jsdom) the work runs in place
function workerClient(): CsvWorkerClient | undefined {
  if (typeof Worker === 'undefined') return undefined
  client ??= createCsvWorkerClient()
  return client
}

/**
 * Starts the CSV worker ahead of the first file, so choosing one does not wait for the worker's
 * script to load and compile (it warms its reader up as it starts).
 */
export function warmCsvWorker(): void {
  workerClient()
}

/** Reads a chosen file's head in the CSV worker: how to read it, a preview, whole-file issues. */
export function runInspect(
  file: Blob,
  overrides: SettingsOverrides,
  fileName: string,
): Promise<FileInspection> {
  const worker = workerClient()
  if (!worker) return inspectFile(file, overrides, fileName)
  return worker.inspect(file, fileName, overrides).result
}

/**
 * Scans every row in the CSV worker, so a big file never blocks the page. `knownRows` (problem
 * rows the caller holds) may be left out of the result's rows; in place they are all there.
 */
export function runScan(
  file: Blob,
  settings: ParseSettings,
  plan: CheckPlan,
  options: StreamOptions & { edits: Edits; knownRows?: readonly number[] },
): Promise<ScanResult> {
  const worker = workerClient()
  if (!worker) return scanFile(file, settings, plan, options)
  const { edits, ...rest } = options
  return worker.scan(file, settings, plan, edits, rest).result
}

/** Writes the clean UTF-8 CSV in the CSV worker. */
export function runExport(
  file: Blob,
  settings: ParseSettings,
  plan: ExportPlan,
  options: StreamOptions = {},
): Promise<ExportResult> {
  const worker = workerClient()
  if (!worker) return exportCleanCsv(file, settings, plan, options)
  return worker.exportCleanCsv(file, settings, plan, options).result
}

/** Reads an .xlsx workbook in the CSV worker: its sheets, and the chosen (or only) one as CSV. */
export function runReadWorkbook(
  file: Blob,
  fileName: string,
  sheetName: string | undefined,
  options: { onProgress?: (progress: WorkbookProgress) => void; signal?: AbortSignal } = {},
): Promise<WorkbookReadResult> {
  const worker = workerClient()
  // in place only without Worker (tests): the reader stays out of the page's own bundle
  if (!worker) {
    return import('./core/spreadsheet/workbook-sheet.ts').then(({ readWorkbookSheet }) =>
      readWorkbookSheet(file, fileName, sheetName, options),
    )
  }
  return worker.readWorkbook(file, fileName, sheetName, options).result
}

/** A two-file import's cross-file check, in the CSV worker. */
export function runCrossCheck(
  input: CrossFileCheckInput,
  options: StreamOptions = {},
): Promise<CrossFileCheckResult> {
  const worker = workerClient()
  if (!worker) return crossFileCheck(input, options)
  return worker.crossCheck(input, options).result
}
