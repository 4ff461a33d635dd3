// The page's side of the CSV worker: one promise per task, with progress and cancel
import type { CheckPlan } from './check-plan.ts'
import {
  joinScanResult,
  unpackExportResult,
  type WorkerRequest,
  type WorkerResponse,
} from './csv-worker-protocol.ts'
import type { Edits } from './edits.ts'
import type { FileInspection } from './inspect-file.ts'
import type { ParseSettings, SettingsOverrides } from './parse-settings.ts'
import type {
  ExportPlan,
  ExportResult,
  ProblemRow,
  ScanProgress,
  ScanResult,
} from './scan-result.ts'
import type { CrossFileCheckInput, CrossFileCheckResult } from './two-files/cross-file-check.ts'
import type { WorkbookProgress, WorkbookReadResult } from './spreadsheet/workbook-source.ts'

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void
  removeEventListener(
    type: 'message',
    listener: (event: MessageEvent<WorkerResponse>) => void,
  ): void
  terminate(): void
}

/** A running job: its result, and a way to stop it (the result then rejects with an AbortError). */
export interface CsvTask<T> {
  result: Promise<T>
  cancel(): void
}

export interface TaskOptions<P = ScanProgress> {
  onProgress?: (progress: P) => void
  signal?: AbortSignal
}

export interface ScanOptions extends TaskOptions {
  /** problem rows the caller holds already (data row indexes): the result's rows leave them out */
  knownRows?: readonly number[]
}

export interface CsvWorkerClient {
  scan(
    file: Blob,
    settings: ParseSettings,
    plan: CheckPlan,
    edits: Edits,
    options?: ScanOptions,
  ): CsvTask<ScanResult>
  exportCleanCsv(
    file: Blob,
    settings: ParseSettings,
    plan: ExportPlan,
    options?: TaskOptions,
  ): CsvTask<ExportResult>
  /** an .xlsx workbook's sheet names, and its chosen (or only) sheet as CSV */
  readWorkbook(
    file: Blob,
    fileName: string,
    sheetName: string | undefined,
    options?: TaskOptions<WorkbookProgress>,
  ): CsvTask<WorkbookReadResult>
  /** a chosen file's head read: encoding, delimiter, header row, preview, whole-file issues */
  inspect(
    file: Blob,
    fileName: string,
    overrides: SettingsOverrides,
    options?: TaskOptions<never>,
  ): CsvTask<FileInspection>
  /** a two-file import's cross-file check */
  crossCheck(input: CrossFileCheckInput, options?: TaskOptions): CsvTask<CrossFileCheckResult>
  /** stops the worker; running tasks reject */
  terminate(): void
}

/** The module worker; the `new URL(…, import.meta.url)` form is what Vite bundles as a worker. */
export function createCsvWorker(): Worker {
  return new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module' })
}

// Omit over each member of the union, not over the union as a whole
type JobRequest = WorkerRequest extends infer R
  ? R extends { type: 'scan' | 'export' | 'read-workbook' | 'cross-check' | 'inspect' }
    ? Omit<R, 'id'>
    : never
  : never

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
  onProgress?: ((progress: never) => void) | undefined
  /** a scan's problem rows, page by page, until its result comes */
  rowPages: ProblemRow[][]
}

/** A promise-based wrapper over the CSV worker: one message listener, jobs told apart by id. */
export function createCsvWorkerClient(worker: WorkerLike = createCsvWorker()): CsvWorkerClient {
  const pending = new Map<number, Pending>()
  let nextId = 1

  const listener = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data
    const job = pending.get(message.id)
    if (!job) return
    switch (message.type) {
      case 'progress':
        // each job's progress has the shape its own request reports
        ;(job.onProgress as ((progress: unknown) => void) | undefined)?.(message.progress)
        return
      case 'scan-rows':
        job.rowPages.push(message.rows)
        return
      case 'scan-result':
        pending.delete(message.id)
        job.resolve(joinScanResult(message.result, job.rowPages))
        return
      case 'export-result':
        pending.delete(message.id)
        job.resolve(unpackExportResult(message.result))
        return
      case 'workbook-result':
      case 'cross-check-result':
      case 'inspect-result':
        pending.delete(message.id)
        job.resolve(message.result)
        return
      case 'cancelled':
        pending.delete(message.id)
        job.reject(new DOMException('The job was cancelled.', 'AbortError'))
        return
      case 'error':
        pending.delete(message.id)
        job.reject(new Error(message.message))
        return
    }
  }
  worker.addEventListener('message', listener)

  function start<T, P>(request: JobRequest, options: TaskOptions<P>): CsvTask<T> {
    const id = nextId++
    const cancel = () => {
      if (pending.has(id)) worker.postMessage({ type: 'cancel', id })
    }
    const result = new Promise<T>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new DOMException('The job was cancelled.', 'AbortError'))
        return
      }
      pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress,
        rowPages: [],
      })
      options.signal?.addEventListener('abort', cancel, { once: true })
      worker.postMessage({ ...request, id } as WorkerRequest)
    })
    return { result, cancel }
  }

  return {
    scan: (file, settings, plan, edits, { knownRows, ...options } = {}) =>
      start(
        { type: 'scan', file, settings, plan, edits, ...(knownRows ? { knownRows } : {}) },
        options,
      ),
    exportCleanCsv: (file, settings, plan, options = {}) =>
      start({ type: 'export', file, settings, plan }, options),
    inspect: (file, fileName, overrides, options = {}) =>
      start({ type: 'inspect', file, fileName, overrides }, options),
    crossCheck: (input, options = {}) => start({ type: 'cross-check', input }, options),
    readWorkbook: (file, fileName, sheetName, options = {}) =>
      start(
        {
          type: 'read-workbook',
          file,
          fileName,
          ...(sheetName === undefined ? {} : { sheetName }),
        },
        options,
      ),
    terminate() {
      worker.removeEventListener('message', listener)
      worker.terminate()
      for (const job of pending.values())
        job.reject(new DOMException('The worker was stopped.', 'AbortError'))
      pending.clear()
    },
  }
}
