import { exportCleanCsv, scanFile, type StreamOptions } from './core/scan-file.ts'
import type {
  CheckPlan,
  Edits,
  ExportPlan,
  ExportResult,
  ParseSettings,
  ScanResult,
} from './core/types.ts'

// TODO(wizard): swap to core's csv-worker-client once it lands, so big files never block the page
export function runScan(
  file: Blob,
  settings: ParseSettings,
  plan: CheckPlan,
  options: StreamOptions & { edits: Edits },
): Promise<ScanResult> {
  return scanFile(file, settings, plan, options)
}

export function runExport(
  file: Blob,
  settings: ParseSettings,
  plan: ExportPlan,
  options: StreamOptions = {},
): Promise<ExportResult> {
  return exportCleanCsv(file, settings, plan, options)
}
