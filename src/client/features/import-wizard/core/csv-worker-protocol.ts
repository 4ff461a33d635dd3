// The messages between the page and the CSV worker
import type { CheckPlan } from './check-plan.ts'
import type { Edits } from './edits.ts'
import type { ParseSettings } from './parse-settings.ts'
import type { ExportPlan, ExportResult, ScanProgress, ScanResult } from './scan-result.ts'

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
  | { type: 'cancel'; id: number }

export type WorkerResponse =
  | { type: 'progress'; id: number; progress: ScanProgress }
  | { type: 'scan-result'; id: number; result: ScanResult }
  | { type: 'export-result'; id: number; result: ExportResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
