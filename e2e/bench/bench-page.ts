// The bench page (served apart from the app): the wizard's pipeline and plain papaparse over one File
import type {
  WorkerRequest,
  WorkerResponse,
} from '../../src/client/features/import-wizard/core/csv-worker-protocol.ts'
import { NO_EDITS } from '../../src/client/features/import-wizard/core/edits.ts'
import type { FileInspection } from '../../src/client/features/import-wizard/core/inspect-file.ts'
import { contactsCheckPlan, contactsMapping } from './contacts-catalog.ts'

interface MainThreadWatch {
  stop(): { longestTaskMs: number; longestGapMs: number }
}

/** The longest main-thread task (longtask entries) and the longest gap of a 10 ms heartbeat. */
function watchMainThread(): MainThreadWatch {
  let longestTaskMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  let last = performance.now()
  let longestGapMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longestGapMs = Math.max(longestGapMs, now - last)
    last = now
  }, 10)
  return {
    stop() {
      clearInterval(timer)
      observer.disconnect()
      return { longestTaskMs, longestGapMs }
    },
  }
}

function pickedFile(): File {
  const file = (document.getElementById('file') as HTMLInputElement).files?.[0]
  if (!file) throw new Error('no file chosen')
  return file
}

async function plainPapaparse() {
  const file = pickedFile()
  const watch = watchMainThread()
  const started = performance.now()
  const worker = new Worker(new URL('./plain-papaparse.worker.ts', import.meta.url), {
    type: 'module',
  })
  const result = await new Promise<{ rows: number; ms: number }>((resolve, reject) => {
    worker.onmessage = (event) =>
      event.data.error ? reject(new Error(event.data.error)) : resolve(event.data)
    worker.postMessage(file)
  })
  worker.terminate()
  return { rows: result.rows, totalMs: performance.now() - started, ...watch.stop() }
}

/** One request to the CSV worker and its answer of `type`. */
function ask<T extends WorkerResponse['type']>(
  worker: Worker,
  request: WorkerRequest,
  type: T,
): Promise<Extract<WorkerResponse, { type: T }>> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      if (event.data.type === type) resolve(event.data as Extract<WorkerResponse, { type: T }>)
      if (event.data.type === 'error') reject(new Error(event.data.message))
    }
    worker.postMessage(request)
  })
}

/**
 * The CSV worker starts with the page, as the app's starts when its file step opens (before a
 * file can be chosen), so its start and warm-up are not inside the timed pipeline; until
 * 2026-12-03 the bench started it inside, which the app never does. Plain papaparse starts its
 * worker inside its own timing, as `Papa.parse(file, { worker: true })` does.
 */
const csvWorker = new Worker(
  new URL('../../src/client/features/import-wizard/core/csv.worker.ts', import.meta.url),
  { type: 'module' },
)

/**
 * The wizard's own path, as the app runs it: the file's head inspected in the CSV worker, the
 * auto-mapping and the check plan on the page, every row scanned in the worker.
 */
async function wizardPipeline() {
  const file = pickedFile()
  const watch = watchMainThread()
  const started = performance.now()
  const worker = csvWorker
  const inspected = await ask(
    worker,
    { type: 'inspect', id: 1, file, fileName: file.name, overrides: {} },
    'inspect-result',
  )
  const inspection: FileInspection = inspected.result
  const mapping = contactsMapping(inspection.headers)
  const mappedAfterMs = performance.now() - started
  const plan = contactsCheckPlan(mapping, inspection.headers.length)
  const { result } = await ask(
    worker,
    { type: 'scan', id: 2, file, settings: inspection.settings, plan, edits: NO_EDITS },
    'scan-result',
  )
  worker.terminate()
  return {
    rows: result.totalRows,
    rowsWithProblems: result.problemRowCount,
    problemCounts: result.problemCounts,
    mapping: mapping
      .map((column) => `${column.columnName}→${column.propertyName ?? '-'}`)
      .join(', '),
    mappedColumns: mapping.filter((column) => column.propertyName).length,
    mappedAfterMs,
    totalMs: performance.now() - started,
    ...watch.stop(),
  }
}

Object.assign(window, { bench: { plainPapaparse, wizardPipeline } })
