/**
 * Row processing for one import, as HubSpot does it after `POST /crm/v3/imports`
 * (what HubSpot documents: src/shared/hubspot/README.md; our choices: ../README.md). Files are streamed record by record; each row
 * is split by object, matched on its identifier, validated cell by cell with the shared value
 * rules, and written to the store. Every problem becomes a `PublicImportError`.
 *
 * The steps, each with the choices it makes where HubSpot is SILENT: file-plan.ts (whole-import
 * checks, file order), header-check.ts, column-plan.ts (identifier priority), identifier.ts
 * (unusable and repeated identifiers), operation-rules.ts, object-values.ts (unknown, read-only,
 * invalid and duplicate values), required-to-create.ts, associate-row.ts, common-column-joins.ts,
 * import-counters.ts.
 *
 * Choices where HubSpot is SILENT, made here:
 * - Line numbers count CSV records, not physical lines (a quoted newline does not add a line) and
 *   skip blank lines; with a header the header is line 1 and the first data row line 2. In a
 *   workbook they are the sheet's row numbers (file-records.ts).
 */
import { isWritableCrmStore, type WritableCrmStore } from './types.ts'
import { RecordTooLargeError } from './csv-records.ts'
import { readImportRecords } from './file-records.ts'
import { planImportFiles } from './file-plan.ts'
import { ImportCounters } from './import-counters.ts'
import { ImportErrorLog, ImportFailure, failureErrorFields } from './import-errors.ts'
import type { FilePlan, RowContext } from './import-plan.ts'
import { RowAssociator } from './associate-row.ts'
import { CommonColumnJoins } from './common-column-joins.ts'
import { RowPacer } from './row-pacer.ts'
import type { ImportJob, ProcessDeps, ProcessResult } from './types.ts'
import { ObjectWriter } from './write-object.ts'

/** Processes every file of an import; resolves with the outcome, counters, errors and lists. */
export async function processImport(job: ImportJob, deps: ProcessDeps): Promise<ProcessResult> {
  return new ImportRun(job, deps).run()
}

class ImportRun {
  private readonly job: ImportJob
  private readonly deps: ProcessDeps
  private readonly store: WritableCrmStore
  private readonly errors: ImportErrorLog
  private readonly counters = new ImportCounters()
  private readonly pacer: RowPacer
  private readonly objects: ObjectWriter
  private readonly associations: RowAssociator
  private readonly joins = new CommonColumnJoins()

  constructor(job: ImportJob, deps: ProcessDeps) {
    this.job = job
    this.deps = deps
    if (!isWritableCrmStore(deps.store)) {
      throw new TypeError('processImport needs a store with create/update/associate (CrmStore)')
    }
    this.store = deps.store
    const now = deps.now ?? (() => new Date())
    this.errors = new ImportErrorLog(job.importId, now)
    this.pacer = new RowPacer(deps.rowsPerSecond, deps.signal, () =>
      deps.onProgress?.(this.snapshot()),
    )
    const { store, errors, counters } = this
    this.objects = new ObjectWriter({ request: job.request, store, errors, counters, now })
    this.associations = new RowAssociator(store, errors, counters, this.joins)
  }

  async run(): Promise<ProcessResult> {
    let plans: FilePlan[]
    try {
      plans = await planImportFiles(this.job, this.deps.catalogue)
    } catch (error) {
      if (error instanceof ImportFailure) return this.failed(error)
      throw error
    }
    for (const plan of plans) this.joins.register(plan)
    this.pacer.start()
    try {
      for (const plan of plans) {
        if (this.deps.signal.aborted) break
        await this.processFile(plan)
      }
    } catch (error) {
      if (error instanceof ImportFailure) return this.failed(error)
      throw error
    }
    return {
      outcome: 'DONE',
      counters: this.snapshot(),
      errors: this.errors.errors,
      objectLists: this.objectLists(),
    }
  }

  private failed(failure: ImportFailure): ProcessResult {
    this.errors.add(failureErrorFields(failure, this.job))
    return {
      outcome: 'FAILED',
      failureReason: failure.message,
      counters: this.snapshot(),
      errors: this.errors.errors,
      objectLists: [],
    }
  }

  private objectLists(): ProcessResult['objectLists'] {
    if (this.job.request.createContactListFromImport !== true) return []
    const ids = [...this.counters.contactIds]
    return [{ listId: this.store.createList('contacts', ids), objectType: 'contacts' }]
  }

  private snapshot(): Record<string, number> {
    return this.counters.snapshot(this.errors.count)
  }

  private async processFile(plan: FilePlan): Promise<void> {
    // identifiers already seen in this file, for DUPLICATE_* (single-object files only)
    const seen = new Set<string>()
    const records = readImportRecords(plan.file)
    // the header is the first record, not line 1: a workbook's may sit below empty rows
    let header = plan.hasHeader
    try {
      for await (const record of records) {
        if (header) {
          header = false
          continue
        }
        if (this.deps.signal.aborted) return
        this.processRow({ plan, record }, seen)
        await this.pacer.pace(this.counters.totalRows)
        if (this.deps.signal.aborted) return
      }
    } catch (error) {
      if (error instanceof RecordTooLargeError) {
        throw new ImportFailure('ROW_DATA_TOO_LARGE', error.message, plan.file, {
          objectTypeId: plan.primaryObjectTypeId,
        })
      }
      throw error
    } finally {
      await records.return(undefined)
    }
  }

  private processRow(ctx: RowContext, seen: Set<string>): void {
    const { plan, record } = ctx
    this.counters.countRow()
    if (record.parseError !== undefined) {
      this.errors.row(
        ctx,
        plan.primaryObjectTypeId,
        'COULD_NOT_PARSE_ROW',
        `Line ${record.recordNumber} could not be parsed: ${record.parseError}.`,
      )
      return
    }
    if (record.cells.length !== plan.columnCount) {
      this.errors.row(
        ctx,
        plan.primaryObjectTypeId,
        'INCORRECT_NUMBER_OF_COLUMNS',
        `Line ${record.recordNumber} has ${record.cells.length} columns; the file's mappings have ${plan.columnCount}.`,
      )
      return
    }
    const resolved = new Map<string, string>()
    for (const object of plan.objects) {
      const id = this.objects.write(ctx, object, seen)
      if (id !== undefined) resolved.set(object.objectTypeId, id)
    }
    this.joins.recordRow(ctx, resolved)
    this.associations.associateRow(ctx, resolved)
  }
}
