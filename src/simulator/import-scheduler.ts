// The simulator's import registry and HubSpot's three-slot scheduler
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import {
  CANCELLABLE_STATES,
  type ActionResponse,
  type ImportState,
} from '#shared/hubspot/public-import-response.ts'
import type {
  CrmStoreLike,
  ImportJob,
  ProcessDeps,
  ProcessResult,
  PropertyCatalogueLike,
  StoredImportFile,
} from './engine/types.ts'

export type ProcessImport = (job: ImportJob, deps: ProcessDeps) => Promise<ProcessResult>

export interface ImportRecord {
  id: string
  /** the app whose token created it: only that app sees it in the list */
  appId: number
  request: ImportRequest
  /** the importRequest JSON exactly as sent, echoed as `importRequestJson` */
  requestJson: unknown
  files: StoredImportFile[]
  rowCount: number
  mappedObjectTypeIds: string[]
  state: ImportState
  createdAt: Date
  updatedAt: Date
  counters: Record<string, number>
  errors: PublicImportError[]
  objectLists: { listId: string; objectType: string }[]
  failureReason?: string
  controller: AbortController
}

export interface SchedulerSettings {
  /** the scheduler starts nothing: new imports stay STARTED, DEFERRED ones stay DEFERRED */
  paused: boolean
  /** admitted imports sit in PROCESSING without running until released */
  holdProcessing: boolean
  rowsPerSecond: number
}

export interface SchedulerLimits {
  maxConcurrentImports: number
  maxConcurrentLargeImports: number
  largeImportRows: number
}

export interface SchedulerDeps {
  processImport: ProcessImport
  catalogue: PropertyCatalogueLike
  store: CrmStoreLike
  limits: SchedulerLimits
  settings: () => SchedulerSettings
  now: () => Date
}

export type CancelOutcome =
  | { kind: 'canceled'; action: ActionResponse }
  | { kind: 'not-found' }
  | { kind: 'not-cancellable'; state: ImportState }

/** Import ids in HubSpot's published responses are 8-digit numbers; ours look the same. */
const FIRST_IMPORT_ID = 55_234_001

/**
 * The imports registry and HubSpot's scheduler: an import is STARTED when created, then
 * PROCESSING when one of 3 slots is free (at most 2 of them for imports over 10,000 rows), else
 * DEFERRED until one frees; imports start in creation order, but a large one waiting for a large
 * slot does not hold back smaller ones behind it (HubSpot is SILENT; a queue that idles with free
 * slots seems unlikely). Canceling frees the slot at once; the engine stops at its next row.
 */
export function createImportScheduler(deps: SchedulerDeps) {
  const imports = new Map<string, ImportRecord>()
  const running = new Set<Promise<void>>()
  let releaseHeld: (() => void)[] = []
  let nextId = FIRST_IMPORT_ID
  const forcedFailures: string[] = []

  const isLarge = (record: ImportRecord) => record.rowCount > deps.limits.largeImportRows

  function touch(record: ImportRecord, state?: ImportState): void {
    if (state) record.state = state
    record.updatedAt = deps.now()
  }

  function create(input: {
    appId: number
    request: ImportRequest
    requestJson: unknown
    files: StoredImportFile[]
    mappedObjectTypeIds: string[]
  }): ImportRecord {
    const now = deps.now()
    const record: ImportRecord = {
      id: String(nextId++),
      ...input,
      rowCount: input.files.reduce((sum, f) => sum + f.rowCount, 0),
      state: 'STARTED',
      createdAt: now,
      updatedAt: now,
      counters: {},
      errors: [],
      objectLists: [],
      controller: new AbortController(),
    }
    imports.set(record.id, record)
    // after the response: the caller sees STARTED, as HubSpot answers before processing
    setImmediate(pump)
    return record
  }

  /** Admits waiting imports into free slots, oldest first. */
  function pump(): void {
    if (deps.settings().paused) return
    const waiting = [...imports.values()].filter(
      (r) => r.state === 'STARTED' || r.state === 'DEFERRED',
    )
    for (const record of waiting) {
      const processing = [...imports.values()].filter((r) => r.state === 'PROCESSING')
      const fits =
        processing.length < deps.limits.maxConcurrentImports &&
        (!isLarge(record) ||
          processing.filter(isLarge).length < deps.limits.maxConcurrentLargeImports)
      if (fits) {
        touch(record, 'PROCESSING')
        const run = execute(record).finally(() => {
          running.delete(run)
          pump()
        })
        running.add(run)
      } else if (record.state === 'STARTED') {
        touch(record, 'DEFERRED')
      }
    }
  }

  async function execute(record: ImportRecord): Promise<void> {
    const signal = record.controller.signal
    if (deps.settings().holdProcessing) {
      await new Promise<void>((resolve) => {
        releaseHeld.push(resolve)
        signal.addEventListener('abort', () => resolve(), { once: true })
      })
    }
    if (signal.aborted) return

    const forced = forcedFailures.shift()
    if (forced !== undefined) {
      finish(record, {
        outcome: 'FAILED',
        failureReason: forced,
        counters: {},
        errors: [fileError(record, forced)],
        objectLists: [],
      })
      return
    }
    try {
      const result = await deps.processImport(
        { importId: record.id, request: record.request, files: record.files },
        {
          catalogue: deps.catalogue,
          store: deps.store,
          signal,
          rowsPerSecond: deps.settings().rowsPerSecond,
          onProgress: (counters) => {
            if (record.state === 'PROCESSING') {
              record.counters = { ...counters }
              touch(record)
            }
          },
          now: deps.now,
        },
      )
      finish(record, result)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      finish(record, {
        outcome: 'FAILED',
        failureReason: reason,
        counters: record.counters,
        errors: [fileError(record, reason)],
        objectLists: [],
      })
    }
  }

  function finish(record: ImportRecord, result: ProcessResult): void {
    // a canceled import keeps what it wrote before the engine noticed, but stays CANCELED
    if (imports.get(record.id) !== record) return
    record.counters = result.counters
    record.errors = result.errors
    record.objectLists = result.objectLists
    if (result.failureReason !== undefined) record.failureReason = result.failureReason
    touch(record, record.state === 'CANCELED' ? 'CANCELED' : result.outcome)
  }

  /** A file-wide error (line 0) for a failure the engine did not describe itself. */
  function fileError(record: ImportRecord, message: string): PublicImportError {
    const file = record.files[0]
    return {
      id: `${record.id}-0`,
      createdAt: deps.now().getTime(),
      errorType: 'UNKNOWN_ERROR',
      errorMessage: message,
      sourceData: {
        rowData: [],
        additionalRowData: [],
        containsEncryptedProperties: false,
        fileId: file?.fileId ?? 0,
        lineNumber: 0,
        ...(file ? { pageName: file.fileName } : {}),
      },
    }
  }

  function cancel(id: string): CancelOutcome {
    const record = imports.get(id)
    if (!record) return { kind: 'not-found' }
    if (!CANCELLABLE_STATES.includes(record.state))
      return { kind: 'not-cancellable', state: record.state }
    const requestedAt = deps.now().toISOString()
    touch(record, 'CANCELED')
    record.controller.abort()
    setImmediate(pump)
    const completedAt = deps.now().toISOString()
    return {
      kind: 'canceled',
      action: { status: 'COMPLETE', startedAt: requestedAt, completedAt, requestedAt },
    }
  }

  /** Re-reads the settings: lets held imports run and admits waiting ones after an unpause. */
  function wake(): void {
    if (!deps.settings().holdProcessing) {
      const held = releaseHeld
      releaseHeld = []
      for (const release of held) release()
    }
    pump()
  }

  /** Ends everything; waits for running engines so none writes into the store after a reset. */
  async function clear(): Promise<ImportRecord[]> {
    const all = [...imports.values()]
    for (const record of all) record.controller.abort()
    imports.clear()
    forcedFailures.length = 0
    await Promise.allSettled([...running])
    return all
  }

  return {
    create,
    get: (id: string): ImportRecord | undefined => imports.get(id),
    /** newest first, as HubSpot's UI lists them; only `appId`'s when given */
    list: (appId?: number): ImportRecord[] =>
      [...imports.values()].filter((r) => appId === undefined || r.appId === appId).reverse(),
    cancel,
    wake,
    /** Settles once every engine running now has stopped (a canceled one stops at its next row). */
    async idle(): Promise<void> {
      await Promise.allSettled([...running])
    },
    /** The next import to be processed FAILS with this reason instead of running. */
    failNext(reason: string): void {
      forcedFailures.push(reason)
    },
    clear,
  }
}

export type ImportScheduler = ReturnType<typeof createImportScheduler>
