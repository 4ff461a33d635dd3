// The CSV worker's message handling, without the worker itself (testable in Node)
import {
  packExportResult,
  scanResultMessages,
  withoutKnownRows,
  type WorkerRequest,
  type WorkerResponse,
} from './csv-worker-protocol.ts'
import { inspectFile } from './inspect-file.ts'
import { exportCleanCsv, scanFile } from './scan-file.ts'
import type { ScanProgress } from './scan-result.ts'
import type { WorkbookProgress } from './spreadsheet/workbook-source.ts'

/**
 * The worker's message handling without the worker: one AbortController per running job, progress
 * and results posted back. `csv.worker.ts` wires it to `self`; tests call it directly.
 */
export function createWorkerHandler(
  post: (message: WorkerResponse) => void,
): (request: WorkerRequest) => Promise<void> {
  const running = new Map<number, AbortController>()

  return async (request) => {
    if (request.type === 'cancel') {
      running.get(request.id)?.abort()
      return
    }
    const { id } = request
    const controller = new AbortController()
    running.set(id, controller)
    const options = {
      signal: controller.signal,
      onProgress: (progress: ScanProgress | WorkbookProgress) =>
        post({ type: 'progress', id, progress }),
    }
    try {
      if (request.type === 'scan') {
        const result = await scanFile(request.file, request.settings, request.plan, {
          ...options,
          edits: request.edits,
        })
        const sent = request.knownRows ? withoutKnownRows(result, request.knownRows) : result
        // problem rows in pages, so the page never reads them all in one long task
        for (const message of scanResultMessages(id, sent)) post(message)
      } else if (request.type === 'read-workbook') {
        // the .xlsx reader and the two-file check load with the first request that needs them
        // (chunks of their own), so most workers never compile them
        const { readWorkbookSheet } = await import('./spreadsheet/workbook-sheet.ts')
        const result = await readWorkbookSheet(
          request.file,
          request.fileName,
          request.sheetName,
          options,
        )
        post({ type: 'workbook-result', id, result })
      } else if (request.type === 'inspect') {
        const result = await inspectFile(request.file, request.overrides, request.fileName)
        post({ type: 'inspect-result', id, result })
      } else if (request.type === 'cross-check') {
        const { crossFileCheck } = await import('./two-files/cross-file-check.ts')
        const result = await crossFileCheck(request.input, options)
        post({ type: 'cross-check-result', id, result })
      } else {
        const result = await exportCleanCsv(request.file, request.settings, request.plan, options)
        post({ type: 'export-result', id, result: packExportResult(result) })
      }
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled', id })
      else post({ type: 'error', id, message: describeError(error) })
    } finally {
      running.delete(id)
    }
  }
}

// a file changed or removed on disk after it was picked fails the read with NotReadableError
function describeError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'NotReadableError') {
    return 'The file could not be read; it may have been changed or moved since you chose it. Choose it again.'
  }
  return error instanceof Error ? error.message : String(error)
}
