// The messages between the page and the CSV worker
import type { CheckPlan } from './check-plan.ts'
import type { Edits } from './edits.ts'
import type { FileInspection } from './inspect-file.ts'
import type { ParseSettings, SettingsOverrides } from './parse-settings.ts'
import type { CrossFileCheckInput, CrossFileCheckResult } from './two-files/cross-file-check.ts'
import type { ExportPlan, ExportResult, ScanProgress, ScanResult } from './scan-result.ts'
import type { WorkbookProgress, WorkbookReadResult } from './spreadsheet/workbook-source.ts'

export type WorkerRequest =
  | {
      type: 'scan'
      id: number
      file: Blob
      settings: ParseSettings
      plan: CheckPlan
      edits: Edits
    }
  | { type: 'export'; id: number; file: Blob; settings: ParseSettings; plan: ExportPlan }
  /** an .xlsx workbook: its sheet names, and the chosen (or only) sheet as CSV */
  | { type: 'read-workbook'; id: number; file: Blob; fileName: string; sheetName?: string }
  /** a two-file import: the reference file's common values that match no owner row */
  | { type: 'cross-check'; id: number; input: CrossFileCheckInput }
  /** a chosen file's head: how to read it, its headers, a preview and whole-file issues */
  | { type: 'inspect'; id: number; file: Blob; fileName: string; overrides: SettingsOverrides }
  | { type: 'cancel'; id: number }

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ScanProgress | WorkbookProgress }
  | { type: 'scan-result'; id: number; result: ScanResult }
  | { type: 'export-result'; id: number; result: ExportResult }
  | { type: 'workbook-result'; id: number; result: WorkbookReadResult }
  | { type: 'cross-check-result'; id: number; result: CrossFileCheckResult }
  | { type: 'inspect-result'; id: number; result: FileInspection }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
