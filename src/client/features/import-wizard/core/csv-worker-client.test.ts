// The CSV worker's promise client over the real handler: progress, results, cancel, errors
import { describe, expect, it } from 'vitest'
import { buildCheckPlan } from './check-plan.ts'
import { createCsvWorkerClient, type WorkerLike } from './csv-worker-client.ts'
import { createWorkerHandler } from './csv-worker-handler.ts'
import type { WorkerRequest, WorkerResponse } from './csv-worker-protocol.ts'
import { NO_EDITS } from './edits.ts'
import { CATALOGS } from './fixtures/properties.ts'
import { inspectFile } from './inspect-file.ts'
import type { ParseSettings } from './parse-settings.ts'
import { exportCleanCsv, scanFile } from './scan-file.ts'
import type { ScanProgress } from './scan-result.ts'

/** The real handler behind a fake Worker, with structured cloning both ways like postMessage. */
function inProcessWorker(): WorkerLike & {
  requests: WorkerRequest[]
  responses: WorkerResponse[]
} {
  const listeners = new Set<(event: MessageEvent<WorkerResponse>) => void>()
  const responses: WorkerResponse[] = []
  const handle = createWorkerHandler((message) => {
    const data = structuredClone(message)
    responses.push(data)
    setTimeout(() => listeners.forEach((l) => l({ data } as MessageEvent<WorkerResponse>)), 0)
  })
  const requests: WorkerRequest[] = []
  return {
    requests,
    responses,
    postMessage(message) {
      requests.push(message)
      void handle(structuredClone(message))
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
    terminate: () => listeners.clear(),
  }
}

const SETTINGS: ParseSettings = { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 }
const rows = Array.from({ length: 5_000 }, (_, i) => `user${i % 4_990}@example.com,Name ${i}`)
const file = new Blob([`Email,First Name\n${rows.join('\n')}\n`])
const plan = buildCheckPlan({
  mapping: [
    { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
    { columnIndex: 1, columnName: 'First Name', objectTypeId: '0-1', propertyName: 'firstname' },
  ],
  operations: { '0-1': 'CREATE' },
  catalogs: CATALOGS,
  columnCount: 2,
  dateFormat: 'MONTH_DAY_YEAR',
})

describe('createCsvWorkerClient', () => {
  it('scans through the worker and resolves with the result', async () => {
    const client = createCsvWorkerClient(inProcessWorker())
    const progress: ScanProgress[] = []
    const result = await client.scan(file, SETTINGS, plan, NO_EDITS, {
      onProgress: (p) => progress.push(p),
    }).result
    expect(result.totalRows).toBe(5_000)
    expect(result.problemCounts).toEqual({ DUPLICATE_ALTERNATE_ID: 10 })
    expect(progress.at(-1)).toMatchObject({ rows: 5_000, bytesRead: file.size })
  })

  it('takes the problem rows in pages and resolves with the whole result, as scanned in place', async () => {
    const bad = Array.from({ length: 12_000 }, (_, i) => `not-an-email-${i},Name ${i}`)
    const badFile = new Blob([`Email,First Name\n${bad.join('\n')}\n`])
    const worker = inProcessWorker()
    const result = await createCsvWorkerClient(worker).scan(badFile, SETTINGS, plan, NO_EDITS)
      .result
    const pages = worker.responses.filter((m) => m.type === 'scan-rows')
    expect(pages.length).toBeGreaterThan(1)
    expect(result.problemRows).toHaveLength(12_000)
    expect(result).toEqual(await scanFile(badFile, SETTINGS, plan, { edits: NO_EDITS }))
  })

  it('leaves out of a scan the problem rows the caller holds already', async () => {
    const bad = Array.from({ length: 20 }, (_, i) => `not-an-email-${i},Name ${i}`)
    const badFile = new Blob([`Email,First Name\n${bad.join('\n')}\n`])
    const client = createCsvWorkerClient(inProcessWorker())
    const all = await client.scan(badFile, SETTINGS, plan, NO_EDITS).result
    const knownRows = all.problemRows.slice(0, 15).map((row) => row.rowIndex)
    const rest = await client.scan(badFile, SETTINGS, plan, NO_EDITS, { knownRows }).result
    expect(rest.problemRows).toEqual(all.problemRows.slice(15))
    expect(rest.problemRowCount).toBe(20)
    expect(rest.problemRowIndexes).toEqual(all.problemRowIndexes)
  })

  it('exports a clean CSV blob', async () => {
    const client = createCsvWorkerClient(inProcessWorker())
    const exportPlan = { columnIndexes: [1], headerNames: ['First Name'], edits: NO_EDITS }
    const { result } = client.exportCleanCsv(file, SETTINGS, exportPlan)
    const exported = await result
    expect(exported.rows).toBe(5_000)
    expect((await exported.blob.text()).split('\r\n').slice(0, 2)).toEqual(['First Name', 'Name 0'])
    // the line maps come back as the export in place makes them
    const inPlace = await exportCleanCsv(file, SETTINGS, exportPlan)
    expect(exported.rowLines).toEqual(inPlace.rowLines)
    expect(exported.sourceRows).toEqual(inPlace.sourceRows)
    expect(exported.rowLines).toBeDefined()
  })

  it.each([
    {
      name: 'a comma file',
      text: `Email,First Name\n${rows.slice(0, 50).join('\n')}\n`,
      overrides: {},
    },
    { name: 'a semicolon file', text: 'Email;Name\nann@example.com;Ann\n', overrides: {} },
    {
      name: 'an override',
      text: 'Title\nEmail,Name\na@b.co,A\n',
      overrides: { headerRowIndex: 1 },
    },
  ])('inspects $name in the worker as in place', async ({ text, overrides }) => {
    const client = createCsvWorkerClient(inProcessWorker())
    const blob = new Blob([text])
    const inWorker = await client.inspect(blob, 'people.csv', overrides).result
    expect(inWorker).toEqual(await inspectFile(blob, overrides, 'people.csv'))
    expect(inWorker.fileName).toBe('people.csv')
  })

  it('rejects with an AbortError when cancelled', async () => {
    const worker = inProcessWorker()
    const client = createCsvWorkerClient(worker)
    const task = client.scan(file, SETTINGS, plan, NO_EDITS)
    task.cancel()
    await expect(task.result).rejects.toMatchObject({ name: 'AbortError' })
    expect(worker.requests.map((r) => r.type)).toEqual(['scan', 'cancel'])
  })

  it('cancels through an AbortSignal too', async () => {
    const client = createCsvWorkerClient(inProcessWorker())
    const controller = new AbortController()
    const task = client.scan(file, SETTINGS, plan, NO_EDITS, { signal: controller.signal })
    controller.abort()
    await expect(task.result).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('createWorkerHandler', () => {
  it.each([
    { error: new Error('disk gone'), message: 'disk gone' },
    {
      error: new DOMException('changed', 'NotReadableError'),
      message:
        'The file could not be read; it may have been changed or moved since you chose it. Choose it again.',
    },
  ])('reports a failed read as $error.name', async ({ error, message }) => {
    const posted: WorkerResponse[] = []
    const handle = createWorkerHandler((m) => posted.push(m))
    const stream = new ReadableStream<Uint8Array>({ pull: (c) => c.error(error) })
    const failing = { stream, size: 10 } as unknown as Blob
    await handle({ type: 'scan', id: 7, file: failing, settings: SETTINGS, plan, edits: NO_EDITS })
    expect(posted.at(-1)).toEqual({ type: 'error', id: 7, message })
  })
})
