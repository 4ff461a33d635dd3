/**
 * Row processing for one import, as HubSpot does it after `POST /crm/v3/imports`
 * (hubspot-imports-api.md §1.2, §4, §7, §8, §12). Files are streamed record by record; each row
 * is split by object, matched on its identifier, validated cell by cell with the shared value
 * rules, and written to the store. Every problem becomes a `PublicImportError`.
 *
 * Choices where HubSpot is SILENT:
 * - Line numbers count CSV records, not physical lines (a quoted newline does not add a line) and
 *   skip blank lines; with a header the header is line 1 and the first data row line 2.
 * - A header whose column count differs from the mappings fails the import (FAILED, one
 *   INCORRECT_NUMBER_OF_COLUMNS error on line 0) before any row is written — the guide says an
 *   unmapped column makes the import fail when started. When the header holds exactly the mapped
 *   column names in another order, mappings follow the header ("the system will attempt to
 *   automatically reorder").
 * - Only one identifier is used per object and row, by priority: record ID (`hs_object_id` or a
 *   HUBSPOT_OBJECT_ID column), a HUBSPOT_ALTERNATE_ID column, email (contacts) / domain
 *   (companies), then any other `hasUniqueValue` property. Other unique columns are written as
 *   values; a value another record already holds is dropped with DUPLICATE_UNIQUE_PROPERTY_VALUE.
 * - An unusable identifier (invalid email as the contact key, a malformed record ID) or a record
 *   ID that matches nothing (INVALID_RECORD_ID, whatever the operation: an import cannot choose
 *   ids) leaves that object unwritten.
 * - In a file that maps one object, an identifier repeated on a later row is DUPLICATE_OBJECT_ID
 *   (record ID) or DUPLICATE_ALTERNATE_ID and the later row is not written for that object: the
 *   first row wins, because HubSpot writes rows in parallel batches and could not promise an
 *   order. In a file mapping several objects, repeats are normal (many contacts at one company):
 *   the later row updates the same record and associates it, and a CREATE import may do so for a
 *   record this import created.
 * - A mapped property that does not exist: PROPERTY_DEFINITION_NOT_FOUND on each row with a value
 *   there (the value is dropped, the row written). A read-only or calculated property that is not
 *   the identifier: INVALID_COLUMN_CONFIGURATION per row with a value, value dropped.
 * - Invalid cells in other columns are dropped with the value rules' error; the row is written.
 *   Values are validated (and their errors reported) even when the object is then not written.
 * - Missing required-to-create properties: one MISSING_REQUIRED_PROPERTY error for the object,
 *   on the first missing property's column when it is mapped.
 * - Counters: TOTAL_ROWS counts data rows; CREATED_OBJECTS and UPDATED_OBJECTS count object
 *   writes (a matched record with nothing to write is not an update); UNIQUE_OBJECTS_WRITTEN counts
 *   distinct records written; PROPERTY_VALUES_EMITTED counts values written (on create the
 *   identifier's value too); ERRORS = errors.length; ASSOCIATIONS_CREATED counts new
 *   associations, one per pair of records, and appears only when non-zero.
 * - Association label columns (FLEXIBLE_ASSOCIATION_LABEL): the simulator knows no labels, so a
 *   non-blank label is ASSOCIATION_LABEL_NOT_FOUND and the records keep the default association.
 * - Multi-file imports: files holding an `associationIdentifierColumn` are processed first, so the
 *   other files' common columns find their records whatever the upload order.
 */
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises'
import {
  normalizeColumnMapping,
  operationFor,
  type ImportFile,
  type NormalizedColumnMapping,
} from '#shared/hubspot/import-request.ts'
import {
  DEFAULT_ASSOCIATION_TYPE_IDS,
  OBJECT_TYPES,
  findObjectType,
} from '#shared/hubspot/object-types.ts'
import type { ImportErrorType, PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import { compileCellCheck, type CellCheck } from '#shared/value-rules/index.ts'
import {
  isBuiltInUnique,
  isWritableCrmStore,
  uniqueKey,
  type WritableCrmStore,
} from './crm-store.ts'
import { RecordTooLargeError, readCsvRecords, type CsvRecord } from './csv-records.ts'
import { missingRequiredToCreate } from './properties-catalogue.ts'
import type {
  CrmAssociation,
  CrmObject,
  ImportJob,
  ProcessDeps,
  ProcessResult,
  StoredImportFile,
} from './types.ts'

/** Rows between event-loop yields when unthrottled: keeps the HTTP server answering polls. */
export const UNTHROTTLED_BATCH_ROWS = 2_000
/** Throttled imports report progress this often. */
const THROTTLE_TICKS_PER_SECOND = 20

/** HubSpot's primary association types, which default-type lookups do not list. */
const PRIMARY_ASSOCIATION_TYPES: Readonly<Record<number, readonly [string, string]>> = {
  1: ['0-1', '0-2'],
  2: ['0-2', '0-1'],
  5: ['0-3', '0-2'],
  6: ['0-2', '0-3'],
  25: ['0-2', '0-5'],
  26: ['0-5', '0-2'],
}

type ColumnRole =
  /** identifies the record; lower rank wins */
  | 'identifier'
  | 'value'
  | 'unknown-property'
  | 'read-only'
  | 'association-label'
  | 'foreign-key'
  | 'skip'

interface ColumnPlan {
  index: number
  mapping: NormalizedColumnMapping
  objectTypeId: string
  role: ColumnRole
  property?: Property
  check?: CellCheck
  /** identifier priority, 0 = record ID */
  rank?: number
  /** the identifier is a record ID rather than a unique property */
  isRecordId?: boolean
  /** no two records may share a value (email, domain, `hasUniqueValue`) */
  unique?: boolean
  foreignKey?: ForeignKeyPlan
}

interface ForeignKeyPlan {
  fromObjectTypeId: string
  toObjectTypeId: string
  /** the target's property that the cell holds; `hs_object_id` for record IDs */
  propertyName: string
  association?: {
    associationTypeId: number
    associationCategory: CrmAssociation['associationCategory']
  }
}

interface ObjectPlan {
  objectTypeId: string
  identifiers: ColumnPlan[]
  values: ColumnPlan[]
  problems: ColumnPlan[]
}

interface FilePlan {
  file: StoredImportFile
  hasHeader: boolean
  columnCount: number
  columns: ColumnPlan[]
  objects: ObjectPlan[]
  singleObject: boolean
  /** the object a row-wide error is filed under */
  primaryObjectTypeId: string
}

class ImportFailure extends Error {
  readonly errorType: ImportErrorType
  readonly file: StoredImportFile | undefined
  readonly details: {
    rowData?: string[]
    knownColumnNumber?: number
    invalidValue?: string
    objectTypeId?: string
  }
  constructor(
    errorType: ImportErrorType,
    message: string,
    file: StoredImportFile | undefined,
    details: ImportFailure['details'] = {},
  ) {
    super(message)
    this.name = 'ImportFailure'
    this.errorType = errorType
    this.file = file
    this.details = details
  }
}

interface RowContext {
  plan: FilePlan
  record: CsvRecord
}

/** Processes every file of an import; resolves with the outcome, counters, errors and lists. */
export async function processImport(job: ImportJob, deps: ProcessDeps): Promise<ProcessResult> {
  return new ImportRun(job, deps).run()
}

class ImportRun {
  private readonly store: WritableCrmStore
  private readonly now: () => Date
  private readonly errors: PublicImportError[] = []
  private readonly counters = {
    TOTAL_ROWS: 0,
    CREATED_OBJECTS: 0,
    UPDATED_OBJECTS: 0,
    UNIQUE_OBJECTS_WRITTEN: 0,
    PROPERTY_VALUES_EMITTED: 0,
    ERRORS: 0,
    ASSOCIATIONS_CREATED: 0,
  }
  private readonly written = new Set<string>()
  private readonly createdHere = new Set<string>()
  private readonly contactIds = new Set<string>()
  private readonly checks = new Map<string, CellCheck>()
  private readonly throttled: boolean
  private readonly batchRows: number
  private rowsSinceYield = 0
  private startedAt = 0

  private readonly job: ImportJob
  private readonly deps: ProcessDeps

  constructor(job: ImportJob, deps: ProcessDeps) {
    this.job = job
    this.deps = deps
    if (!isWritableCrmStore(deps.store)) {
      throw new TypeError('processImport needs a store with create/update/associate (CrmStore)')
    }
    this.store = deps.store
    this.now = deps.now ?? (() => new Date())
    const rps = deps.rowsPerSecond
    this.throttled = rps > 0 && Number.isFinite(rps)
    this.batchRows = this.throttled
      ? Math.max(1, Math.round(rps / THROTTLE_TICKS_PER_SECOND))
      : UNTHROTTLED_BATCH_ROWS
  }

  async run(): Promise<ProcessResult> {
    let plans: FilePlan[]
    try {
      plans = await this.planFiles()
    } catch (error) {
      if (error instanceof ImportFailure) return this.failed(error)
      throw error
    }
    this.startedAt = Date.now()
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
      errors: this.errors,
      objectLists: this.objectLists(),
    }
  }

  private failed(failure: ImportFailure): ProcessResult {
    const firstMapping = this.job.request.files[0]?.fileImportPage.columnMappings[0]
    const objectTypeId =
      failure.details.objectTypeId ??
      (firstMapping ? normalizeColumnMapping(firstMapping).columnObjectTypeId : '0-1')
    this.addError({
      errorType: failure.errorType,
      message: failure.message,
      objectTypeId,
      file: failure.file ?? this.job.files[0],
      lineNumber: 0,
      rowData: failure.details.rowData ?? [],
      ...(failure.details.knownColumnNumber !== undefined
        ? { column: failure.details.knownColumnNumber }
        : {}),
      ...(failure.details.invalidValue !== undefined
        ? { invalidValue: failure.details.invalidValue }
        : {}),
    })
    return {
      outcome: 'FAILED',
      failureReason: failure.message,
      counters: this.snapshot(),
      errors: this.errors,
      objectLists: [],
    }
  }

  private objectLists(): ProcessResult['objectLists'] {
    if (this.job.request.createContactListFromImport !== true) return []
    return [
      { listId: this.store.createList('contacts', [...this.contactIds]), objectType: 'contacts' },
    ]
  }

  private snapshot(): Record<string, number> {
    const { ASSOCIATIONS_CREATED, ...always } = this.counters
    const counters: Record<string, number> = { ...always, ERRORS: this.errors.length }
    if (ASSOCIATIONS_CREATED > 0) counters.ASSOCIATIONS_CREATED = ASSOCIATIONS_CREATED
    return counters
  }

  // ---- planning: everything that can fail the whole import is checked before a row is written

  private async planFiles(): Promise<FilePlan[]> {
    const specs = this.job.files.map((file, i) => {
      const spec =
        this.job.request.files.find((f) => f.fileName === file.fileName) ??
        this.job.request.files[i]
      if (!spec)
        throw new ImportFailure(
          'FILE_NOT_FOUND',
          `No importRequest entry for file ${file.fileName}.`,
          file,
        )
      return {
        file,
        spec,
        mappings: spec.fileImportPage.columnMappings.map(normalizeColumnMapping),
      }
    })
    const identifierColumns = specs.flatMap(({ mappings }) =>
      mappings.filter((m) => m.associationIdentifierColumn),
    )
    const plans: FilePlan[] = []
    for (const { file, spec, mappings } of specs) {
      plans.push(await this.planFile(file, spec, mappings, identifierColumns))
    }
    // files that hold the join keys first, so the other files' common columns find their records
    return plans
      .map((plan, i) => ({
        plan,
        i,
        first: specs[i]?.mappings.some((m) => m.associationIdentifierColumn) === true,
      }))
      .sort((a, b) => Number(b.first) - Number(a.first) || a.i - b.i)
      .map(({ plan }) => plan)
  }

  private async planFile(
    file: StoredImportFile,
    spec: ImportFile,
    mappings: NormalizedColumnMapping[],
    identifierColumns: NormalizedColumnMapping[],
  ): Promise<FilePlan> {
    const hasHeader = spec.fileImportPage.hasHeader
    let ordered = mappings
    if (hasHeader) {
      const header = await this.readHeader(file)
      if (header.length !== mappings.length) {
        const extra = header.length > mappings.length
        throw new ImportFailure(
          'INCORRECT_NUMBER_OF_COLUMNS',
          `The file ${file.fileName} has ${header.length} columns but the import maps ${mappings.length}: ` +
            'every column needs a mapping, in the header order.',
          file,
          {
            rowData: header,
            objectTypeId: mappings[0]?.columnObjectTypeId ?? '0-1',
            ...(extra
              ? { knownColumnNumber: mappings.length, invalidValue: header[mappings.length] ?? '' }
              : {}),
          },
        )
      }
      ordered = reorderToHeader(mappings, header)
    }
    const columns = ordered.map((mapping, index) =>
      this.planColumn(file, mapping, index, identifierColumns),
    )
    const objects = new Map<string, ObjectPlan>()
    for (const column of columns) {
      if (
        column.role === 'skip' ||
        column.role === 'association-label' ||
        column.role === 'foreign-key'
      )
        continue
      let object = objects.get(column.objectTypeId)
      if (!object) {
        object = { objectTypeId: column.objectTypeId, identifiers: [], values: [], problems: [] }
        objects.set(column.objectTypeId, object)
      }
      if (column.role === 'identifier') object.identifiers.push(column)
      if (column.role === 'value' || (column.role === 'identifier' && !column.isRecordId))
        object.values.push(column)
      if (column.role === 'unknown-property' || column.role === 'read-only')
        object.problems.push(column)
    }
    for (const object of objects.values())
      object.identifiers.sort((a, b) => (a.rank ?? 9) - (b.rank ?? 9))
    for (const column of columns) {
      const from = column.foreignKey?.fromObjectTypeId
      if (from && !objects.has(from)) {
        objects.set(from, { objectTypeId: from, identifiers: [], values: [], problems: [] })
      }
    }
    const objectList = [...objects.values()]
    return {
      file,
      hasHeader,
      columnCount: ordered.length,
      columns,
      objects: objectList,
      singleObject: objectList.length === 1,
      primaryObjectTypeId: objectList[0]?.objectTypeId ?? ordered[0]?.columnObjectTypeId ?? '0-1',
    }
  }

  private async readHeader(file: StoredImportFile): Promise<string[]> {
    try {
      for await (const record of readCsvRecords(file.path)) return record.cells
      return []
    } catch (error) {
      if (error instanceof RecordTooLargeError) {
        throw new ImportFailure('ROW_DATA_TOO_LARGE', error.message, file)
      }
      throw new ImportFailure(
        'FILE_NOT_FOUND',
        `The file ${file.fileName} could not be read.`,
        file,
      )
    }
  }

  private planColumn(
    file: StoredImportFile,
    mapping: NormalizedColumnMapping,
    index: number,
    identifierColumns: NormalizedColumnMapping[],
  ): ColumnPlan {
    const objectTypeId = mapping.columnObjectTypeId
    const base = { index, mapping, objectTypeId }
    if (mapping.ignored) return { ...base, role: 'skip' }
    if (!this.knowsObject(objectTypeId)) {
      throw new ImportFailure(
        'MISSING_OBJECT_DEFINITION',
        `Column ${mapping.columnName} maps to ${objectTypeId}, which is not an object type in this account.`,
        file,
        { knownColumnNumber: index, invalidValue: objectTypeId, objectTypeId },
      )
    }
    if (mapping.columnType === 'FLEXIBLE_ASSOCIATION_LABEL')
      return { ...base, role: 'association-label' }
    const foreignKey = this.planForeignKey(mapping, identifierColumns)
    if (foreignKey) return { ...base, role: 'foreign-key', foreignKey }

    const propertyName =
      mapping.propertyName ?? (mapping.columnType === 'HUBSPOT_OBJECT_ID' ? 'hs_object_id' : null)
    if (propertyName === null) return { ...base, role: 'skip' }
    const property = this.deps.catalogue.get(objectTypeId, propertyName)
    if (!property)
      return { ...base, role: 'unknown-property', mapping: { ...mapping, propertyName } }
    const check = this.checkFor(objectTypeId, property)
    const withProperty = { ...base, property, check }
    if (propertyName === 'hs_object_id')
      return { ...withProperty, role: 'identifier', rank: 0, isRecordId: true }
    if (!isWritable(property)) return { ...withProperty, role: 'read-only' }
    // from the import's catalogue, so a store built without one still dedupes custom keys
    if (isBuiltInUnique(objectTypeId, propertyName) || property.hasUniqueValue === true) {
      const rank =
        mapping.columnType === 'HUBSPOT_ALTERNATE_ID'
          ? 1
          : (objectTypeId === '0-1' && propertyName === 'email') ||
              (objectTypeId === '0-2' && propertyName === 'domain')
            ? 2
            : 3
      return { ...withProperty, role: 'identifier', rank, unique: true }
    }
    return { ...withProperty, role: 'value' }
  }

  /** A common column of a multi-file import, or a record-ID association column (legacy style). */
  private planForeignKey(
    mapping: NormalizedColumnMapping,
    identifierColumns: NormalizedColumnMapping[],
  ): ForeignKeyPlan | undefined {
    if (mapping.propertyName !== null || (!mapping.foreignKeyType && !mapping.toColumnObjectTypeId))
      return undefined
    const typeId = mapping.foreignKeyType?.associationTypeId
    const pair = typeId === undefined ? undefined : associationPair(typeId)
    const fromObjectTypeId = pair?.[0] ?? mapping.columnObjectTypeId
    const toObjectTypeId = mapping.toColumnObjectTypeId ?? pair?.[1]
    if (!toObjectTypeId || toObjectTypeId === fromObjectTypeId) return undefined
    const joined = identifierColumns.find(
      (m) =>
        m.columnName === mapping.columnName &&
        m.columnObjectTypeId === toObjectTypeId &&
        m.propertyName,
    )
    const propertyName =
      mapping.columnType === 'HUBSPOT_OBJECT_ID'
        ? 'hs_object_id'
        : (joined?.propertyName ??
          (toObjectTypeId === '0-1'
            ? 'email'
            : toObjectTypeId === '0-2'
              ? 'domain'
              : 'hs_object_id'))
    const category = mapping.foreignKeyType?.associationCategory
    return {
      fromObjectTypeId,
      toObjectTypeId,
      propertyName,
      ...(mapping.foreignKeyType
        ? {
            association: {
              associationTypeId: mapping.foreignKeyType.associationTypeId,
              associationCategory:
                category === 'HUBSPOT_DEFINED' ? 'HUBSPOT_DEFINED' : 'USER_DEFINED',
            },
          }
        : {}),
    }
  }

  private knowsObject(objectTypeId: string): boolean {
    return (
      OBJECT_TYPES.some((o) => o.objectTypeId === objectTypeId) ||
      this.deps.catalogue.list(objectTypeId).length > 0
    )
  }

  private checkFor(objectTypeId: string, property: Property): CellCheck {
    const key = `${objectTypeId}\u0000${property.name}`
    let check = this.checks.get(key)
    if (!check) {
      check = compileCellCheck(property, {
        dateFormat: this.job.request.dateFormat ?? 'MONTH_DAY_YEAR',
      })
      this.checks.set(key, check)
    }
    return check
  }

  // ---- rows

  private async processFile(plan: FilePlan): Promise<void> {
    // identifiers already seen in this file, for DUPLICATE_* (single-object files only)
    const seen = new Set<string>()
    const records = readCsvRecords(plan.file.path)
    try {
      for await (const record of records) {
        if (plan.hasHeader && record.recordNumber === 1) continue
        if (this.deps.signal.aborted) return
        this.processRow({ plan, record }, seen)
        await this.pace()
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

  private async pace(): Promise<void> {
    this.rowsSinceYield += 1
    if (this.rowsSinceYield < this.batchRows) return
    this.rowsSinceYield = 0
    this.deps.onProgress?.(this.snapshot())
    if (!this.throttled) {
      await yieldToEventLoop()
      return
    }
    const due = this.startedAt + (this.counters.TOTAL_ROWS * 1000) / this.deps.rowsPerSecond
    const wait = due - Date.now()
    if (wait > 0) await sleep(wait, undefined, { signal: this.deps.signal }).catch(() => undefined)
    else await yieldToEventLoop()
  }

  private processRow(ctx: RowContext, seen: Set<string>): void {
    const { plan, record } = ctx
    this.counters.TOTAL_ROWS += 1
    if (record.parseError !== undefined) {
      this.rowError(
        ctx,
        plan.primaryObjectTypeId,
        'COULD_NOT_PARSE_ROW',
        `Line ${this.lineNumber(ctx)} could not be parsed: ${record.parseError}.`,
      )
      return
    }
    if (record.cells.length !== plan.columnCount) {
      this.rowError(
        ctx,
        plan.primaryObjectTypeId,
        'INCORRECT_NUMBER_OF_COLUMNS',
        `Line ${this.lineNumber(ctx)} has ${record.cells.length} columns; the file's mappings have ${plan.columnCount}.`,
      )
      return
    }
    const resolved = new Map<string, string>()
    for (const object of plan.objects) {
      const id = this.processObject(ctx, object, seen)
      if (id !== undefined) resolved.set(object.objectTypeId, id)
    }
    this.associateRow(ctx, resolved)
  }

  /** Writes one object of a row; returns the record id when the row refers to a record. */
  private processObject(
    ctx: RowContext,
    object: ObjectPlan,
    seen: Set<string>,
  ): string | undefined {
    const { plan, record } = ctx
    const { objectTypeId } = object
    const cell = (column: ColumnPlan): string => record.cells[column.index] ?? ''

    for (const column of object.problems) {
      const raw = cell(column)
      if (raw.trim() === '') continue
      const name = column.mapping.propertyName ?? ''
      if (column.role === 'unknown-property') {
        this.cellError(
          ctx,
          objectTypeId,
          column,
          'PROPERTY_DEFINITION_NOT_FOUND',
          `The property ${name} does not exist on ${objectName(objectTypeId)}.`,
        )
      } else {
        this.cellError(
          ctx,
          objectTypeId,
          column,
          'INVALID_COLUMN_CONFIGURATION',
          `The property ${name} is read-only; its value was not imported.`,
        )
      }
    }

    // the identifier: the first non-blank one by priority; an invalid one stops this object
    let identifier: { column: ColumnPlan; value: string } | undefined
    let brokenIdentifier: ColumnPlan | undefined
    for (const column of object.identifiers) {
      const result = (column.check as CellCheck)(cell(column))
      if (result.kind === 'blank') continue
      if (result.kind === 'invalid') {
        this.cellError(ctx, objectTypeId, column, result.errorType, result.message)
        brokenIdentifier = column
      } else identifier = { column, value: result.value }
      break
    }

    // the values, validated whether or not the object is then written
    const values = new Map<string, { value: string; append: boolean; column: ColumnPlan }>()
    for (const column of object.values) {
      if (column === identifier?.column || column === brokenIdentifier) continue
      const result = (column.check as CellCheck)(cell(column))
      if (result.kind === 'blank') continue
      if (result.kind === 'invalid') {
        this.cellError(ctx, objectTypeId, column, result.errorType, result.message)
        continue
      }
      values.set((column.property as Property).name, {
        value: result.value,
        append: result.append === true,
        column,
      })
    }
    if (brokenIdentifier) return undefined

    let existing: CrmObject | undefined
    if (identifier) {
      const name = (identifier.column.property as Property).name
      if (identifier.column.isRecordId) {
        existing = this.store.get(objectTypeId, identifier.value)
        if (!existing) {
          this.cellError(
            ctx,
            objectTypeId,
            identifier.column,
            'INVALID_RECORD_ID',
            `No ${objectName(objectTypeId)} has the record ID ${identifier.value}.`,
          )
          return undefined
        }
      } else {
        existing = this.store.findByUnique(objectTypeId, name, identifier.value)
      }
      if (plan.singleObject) {
        const key = `${name}\u0000${uniqueKey(name, identifier.value)}`
        if (seen.has(key)) {
          const recordId = identifier.column.isRecordId === true
          this.cellError(
            ctx,
            objectTypeId,
            identifier.column,
            recordId ? 'DUPLICATE_OBJECT_ID' : 'DUPLICATE_ALTERNATE_ID',
            `${recordId ? 'The record ID' : `The ${name}`} ${identifier.value} is on an earlier row of this file; only the first row is imported.`,
          )
          return undefined
        }
        seen.add(key)
      }
    }

    const operation = operationFor(this.job.request, objectTypeId)
    if (existing) {
      const ours = this.createdHere.has(recordKey(objectTypeId, existing.id))
      if (operation === 'CREATE' && !ours) {
        this.cellError(
          ctx,
          objectTypeId,
          (identifier as { column: ColumnPlan }).column,
          'CREATE_ONLY_IMPORT',
          `This import only creates ${objectName(objectTypeId)} records, and ${objectName(objectTypeId)} ${existing.id} already exists.`,
        )
        return undefined
      }
      const { properties, appends } = this.uniqueChecked(ctx, objectTypeId, values, existing.id)
      const merged = mergeAppends(properties, appends, existing)
      const count = Object.keys(merged).length
      if (count > 0) {
        this.store.update(objectTypeId, existing.id, merged, this.now())
        this.counters.UPDATED_OBJECTS += 1
        this.counters.PROPERTY_VALUES_EMITTED += count
        this.markWritten(objectTypeId, existing.id)
      }
      return existing.id
    }

    if (operation === 'UPDATE') {
      if (!identifier && values.size === 0) return undefined
      this.rowError(
        ctx,
        objectTypeId,
        'UPDATE_ONLY_IMPORT',
        identifier
          ? `This import only updates ${objectName(objectTypeId)} records, and none has the ${(identifier.column.property as Property).name} ${identifier.value}.`
          : `This import only updates ${objectName(objectTypeId)} records, and the row has no identifier to find one.`,
        identifier
          ? { column: identifier.column.index, invalidValue: cell(identifier.column) }
          : {},
      )
      return undefined
    }
    // a row with nothing at all for this object (a contact without a company) is not an error
    if (!identifier && values.size === 0) return undefined

    const { properties } = this.uniqueChecked(ctx, objectTypeId, values, undefined)
    if (identifier) properties[(identifier.column.property as Property).name] = identifier.value
    const missing = missingRequiredToCreate(objectTypeId, (name) => properties[name] !== undefined)
    if (missing.length > 0) {
      const mapped =
        object.values.find((c) => c.property?.name === missing[0]) ??
        object.problems.find((c) => c.mapping.propertyName === missing[0])
      this.rowError(
        ctx,
        objectTypeId,
        'MISSING_REQUIRED_PROPERTY',
        `A new ${objectName(objectTypeId)} needs ${missing.join(', ')}; the row has no valid value for ${missing.length > 1 ? 'them' : 'it'}.`,
        mapped ? { column: mapped.index, invalidValue: cell(mapped) } : {},
      )
      return undefined
    }
    const created = this.store.create(objectTypeId, properties, this.now())
    this.counters.CREATED_OBJECTS += 1
    this.counters.PROPERTY_VALUES_EMITTED += Object.keys(properties).length
    this.createdHere.add(recordKey(objectTypeId, created.id))
    this.markWritten(objectTypeId, created.id)
    return created.id
  }

  /** Drops unique values another record holds (DUPLICATE_UNIQUE_PROPERTY_VALUE). */
  private uniqueChecked(
    ctx: RowContext,
    objectTypeId: string,
    values: Map<string, { value: string; append: boolean; column: ColumnPlan }>,
    selfId: string | undefined,
  ): { properties: Record<string, string>; appends: Set<string> } {
    const properties: Record<string, string> = {}
    const appends = new Set<string>()
    for (const [name, { value, append, column }] of values) {
      if (column.unique) {
        const owner = this.store.findByUnique(objectTypeId, name, value)
        if (owner && owner.id !== selfId) {
          this.cellError(
            ctx,
            objectTypeId,
            column,
            'DUPLICATE_UNIQUE_PROPERTY_VALUE',
            `The ${name} ${value} already belongs to ${objectName(objectTypeId)} ${owner.id}; it must be unique.`,
          )
          continue
        }
      }
      properties[name] = value
      if (append) appends.add(name)
    }
    return { properties, appends }
  }

  private markWritten(objectTypeId: string, id: string): void {
    const key = recordKey(objectTypeId, id)
    if (!this.written.has(key)) {
      this.written.add(key)
      this.counters.UNIQUE_OBJECTS_WRITTEN += 1
    }
    if (objectTypeId === '0-1') this.contactIds.add(id)
  }

  private associateRow(ctx: RowContext, resolved: Map<string, string>): void {
    const { plan, record } = ctx
    const entries = [...resolved.entries()]
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const [fromType, fromId] = entries[i] as [string, string]
        const [toType, toId] = entries[j] as [string, string]
        this.associate(
          ctx,
          { objectTypeId: fromType, id: fromId },
          { objectTypeId: toType, id: toId },
        )
      }
    }
    for (const column of plan.columns) {
      const raw = record.cells[column.index] ?? ''
      if (raw.trim() === '') continue
      if (column.role === 'association-label') {
        this.cellError(
          ctx,
          column.objectTypeId,
          column,
          'ASSOCIATION_LABEL_NOT_FOUND',
          `No association label ${raw.trim()} exists between these objects; the records were associated without a label.`,
        )
      } else if (column.role === 'foreign-key' && column.foreignKey) {
        this.associateForeignKey(ctx, column, column.foreignKey, raw.trim(), resolved)
      }
    }
  }

  private associateForeignKey(
    ctx: RowContext,
    column: ColumnPlan,
    foreignKey: ForeignKeyPlan,
    raw: string,
    resolved: Map<string, string>,
  ): void {
    const fromId = resolved.get(foreignKey.fromObjectTypeId)
    if (fromId === undefined) return
    const target = this.store.findByUnique(foreignKey.toObjectTypeId, foreignKey.propertyName, raw)
    if (!target) {
      const byId = foreignKey.propertyName === 'hs_object_id'
      this.cellError(
        ctx,
        foreignKey.fromObjectTypeId,
        column,
        byId ? 'UNKNOWN_ASSOCIATION_RECORD_ID' : 'ASSOCIATION_RECORD_NOT_FOUND',
        `No ${objectName(foreignKey.toObjectTypeId)} has the ${byId ? 'record ID' : foreignKey.propertyName} ${raw}, so nothing was associated.`,
      )
      return
    }
    this.associate(
      ctx,
      { objectTypeId: foreignKey.fromObjectTypeId, id: fromId },
      { objectTypeId: foreignKey.toObjectTypeId, id: target.id },
      foreignKey.association,
    )
  }

  private associate(
    ctx: RowContext,
    from: { objectTypeId: string; id: string },
    to: { objectTypeId: string; id: string },
    association?: ForeignKeyPlan['association'],
  ): void {
    try {
      if (this.store.associate(from, to, association)) this.counters.ASSOCIATIONS_CREATED += 1
    } catch (error) {
      this.rowError(
        ctx,
        from.objectTypeId,
        'FAILED_TO_CREATE_ASSOCIATION',
        `Could not associate ${objectName(from.objectTypeId)} ${from.id} with ${objectName(to.objectTypeId)} ${to.id}: ${(error as Error).message}.`,
      )
    }
  }

  // ---- errors

  private lineNumber({ record }: RowContext): number {
    return record.recordNumber
  }

  private cellError(
    ctx: RowContext,
    objectTypeId: string,
    column: ColumnPlan,
    errorType: ImportErrorType,
    message: string,
  ): void {
    this.rowError(ctx, objectTypeId, errorType, message, {
      column: column.index,
      invalidValue: ctx.record.cells[column.index] ?? '',
    })
  }

  private rowError(
    ctx: RowContext,
    objectTypeId: string,
    errorType: ImportErrorType,
    message: string,
    at: { column?: number; invalidValue?: string } = {},
  ): void {
    this.addError({
      errorType,
      message,
      objectTypeId,
      file: ctx.plan.file,
      lineNumber: this.lineNumber(ctx),
      rowData: ctx.record.cells,
      ...at,
    })
  }

  private addError(error: {
    errorType: ImportErrorType
    message: string
    objectTypeId: string
    file: StoredImportFile | undefined
    lineNumber: number
    rowData: string[]
    column?: number
    invalidValue?: string
  }): void {
    const sequence = this.errors.length + 1
    this.errors.push({
      // stable across reads: the import id and the error's position in processing order
      id: `${this.job.importId}-${sequence}`,
      createdAt: this.now().getTime(),
      errorType: error.errorType,
      errorMessage: error.message,
      ...(error.invalidValue !== undefined ? { invalidValue: error.invalidValue } : {}),
      ...(error.column !== undefined ? { knownColumnNumber: error.column } : {}),
      objectType: findObjectType(error.objectTypeId)?.legacyName ?? 'UNKNOWN',
      objectTypeId: error.objectTypeId,
      sourceData: {
        rowData: [...error.rowData],
        additionalRowData: [],
        containsEncryptedProperties: false,
        fileId: error.file?.fileId ?? 0,
        lineNumber: error.lineNumber,
        pageName: error.file?.fileName ?? '',
      },
    })
    this.counters.ERRORS = this.errors.length
  }
}

/** Multi-checkbox cells with a leading `;` add to the stored options instead of replacing them. */
function mergeAppends(
  properties: Record<string, string>,
  appends: ReadonlySet<string>,
  existing: CrmObject,
): Record<string, string> {
  const out: Record<string, string> = { ...properties }
  for (const name of appends) {
    const before = (existing.properties[name] ?? '').split(';').filter((v) => v !== '')
    const added = (out[name] ?? '').split(';').filter((v) => v !== '' && !before.includes(v))
    out[name] = [...before, ...added].join(';')
  }
  return out
}

function reorderToHeader(
  mappings: NormalizedColumnMapping[],
  header: string[],
): NormalizedColumnMapping[] {
  const names = header.map((h) => h.trim())
  if (mappings.every((m, i) => m.columnName.trim() === names[i])) return mappings
  const byName = new Map(mappings.map((m) => [m.columnName.trim(), m]))
  const unique = byName.size === mappings.length && new Set(names).size === names.length
  if (!unique || !names.every((n) => byName.has(n))) return mappings
  return names.map((n) => byName.get(n) as NormalizedColumnMapping)
}

function associationPair(associationTypeId: number): readonly [string, string] | undefined {
  const primary = PRIMARY_ASSOCIATION_TYPES[associationTypeId]
  if (primary) return primary
  const entry = Object.entries(DEFAULT_ASSOCIATION_TYPE_IDS).find(
    ([, id]) => id === associationTypeId,
  )
  if (!entry) return undefined
  const [from, to] = entry[0].split('->')
  return from && to ? [from, to] : undefined
}

function recordKey(objectTypeId: string, id: string): string {
  return `${objectTypeId}:${id}`
}

function objectName(objectTypeId: string): string {
  return findObjectType(objectTypeId)?.singular ?? objectTypeId
}
