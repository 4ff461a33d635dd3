/**
 * How an import's problems become HubSpot's `PublicImportError`s: a failure that stops the whole
 * import (`ImportFailure`), the pure builder of one error, and the log that numbers them.
 */
import { normalizeColumnMapping } from '#shared/hubspot/import-request.ts'
import { findObjectType } from '#shared/hubspot/object-types.ts'
import type { ImportErrorType, PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { cellOf, type ColumnPlan, type RowContext } from './import-plan.ts'
import type { ImportJob, StoredImportFile } from './types.ts'

/** A problem that fails the whole import (FAILED, one error on line 0) rather than one row. */
export class ImportFailure extends Error {
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

/** A cell a pure step refused, reported by the caller on the row being processed. */
export interface CellProblem {
  column: ColumnPlan
  errorType: ImportErrorType
  message: string
}

/** Where an error happened and what it says, before it is numbered and timestamped. */
export interface ImportErrorFields {
  errorType: ImportErrorType
  message: string
  objectTypeId: string
  file: StoredImportFile | undefined
  lineNumber: number
  rowData: string[]
  column?: number
  invalidValue?: string
}

/** The singular name messages use ("contact"), or the id of an object type we do not name. */
export function objectName(objectTypeId: string): string {
  return findObjectType(objectTypeId)?.singular ?? objectTypeId
}

/** One error in HubSpot's shape; `sequence` is its 1-based position in processing order. */
export function publicImportError(
  importId: string,
  sequence: number,
  createdAt: Date,
  error: ImportErrorFields,
): PublicImportError {
  return {
    // stable across reads: the import id and the error's position in processing order
    id: `${importId}-${sequence}`,
    createdAt: createdAt.getTime(),
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
  }
}

/**
 * The file-level error of a FAILED import, on line 0; without a known object it is filed under
 * the first mapped column's object.
 */
export function failureErrorFields(failure: ImportFailure, job: ImportJob): ImportErrorFields {
  const firstMapping = job.request.files[0]?.fileImportPage.columnMappings[0]
  const objectTypeId =
    failure.details.objectTypeId ??
    (firstMapping ? normalizeColumnMapping(firstMapping).columnObjectTypeId : '0-1')
  return {
    errorType: failure.errorType,
    message: failure.message,
    objectTypeId,
    file: failure.file ?? job.files[0],
    lineNumber: 0,
    rowData: failure.details.rowData ?? [],
    ...(failure.details.knownColumnNumber !== undefined
      ? { column: failure.details.knownColumnNumber }
      : {}),
    ...(failure.details.invalidValue !== undefined
      ? { invalidValue: failure.details.invalidValue }
      : {}),
  }
}

/** The import's errors in processing order, with helpers that fill in the row being processed. */
export class ImportErrorLog {
  readonly errors: PublicImportError[] = []
  private readonly importId: string
  private readonly now: () => Date

  constructor(importId: string, now: () => Date) {
    this.importId = importId
    this.now = now
  }

  get count(): number {
    return this.errors.length
  }

  add(error: ImportErrorFields): void {
    this.errors.push(publicImportError(this.importId, this.errors.length + 1, this.now(), error))
  }

  row(
    ctx: RowContext,
    objectTypeId: string,
    errorType: ImportErrorType,
    message: string,
    at: { column?: number; invalidValue?: string } = {},
  ): void {
    this.add({
      errorType,
      message,
      objectTypeId,
      file: ctx.plan.file,
      // line numbers are CSV record numbers (see process-import.ts)
      lineNumber: ctx.record.recordNumber,
      rowData: ctx.record.cells,
      ...at,
    })
  }

  cell(
    ctx: RowContext,
    objectTypeId: string,
    column: ColumnPlan,
    errorType: ImportErrorType,
    message: string,
  ): void {
    this.row(ctx, objectTypeId, errorType, message, {
      column: column.index,
      invalidValue: cellOf(ctx.record.cells, column),
    })
  }

  cells(ctx: RowContext, objectTypeId: string, problems: readonly CellProblem[]): void {
    for (const { column, errorType, message } of problems)
      this.cell(ctx, objectTypeId, column, errorType, message)
  }
}
