/**
 * Writing one object of one row: report problem columns, pick the identifier, validate the
 * values, find the record, apply the operation rules, then create or update it.
 */
import { operationFor, type ImportRequest } from '#shared/hubspot/import-request.ts'
import type { WritableCrmStore } from './types.ts'
import {
  pickIdentifier,
  repeatedIdentifierProblem,
  seenIdentifierKey,
  unknownRecordIdProblem,
  type Identifier,
} from './identifier.ts'
import type { ImportCounters } from './import-counters.ts'
import type { ImportErrorLog } from './import-errors.ts'
import { cellOf, type ObjectPlan, type RowContext } from './import-plan.ts'
import {
  keepUniqueValues,
  mergeAppends,
  propertyProblems,
  validateValues,
  type CellValue,
} from './object-values.ts'
import { createOnlyMessage, decideWrite, updateOnlyMessage } from './operation-rules.ts'
import { missingRequiredMessage, missingRequiredToCreate } from './required-to-create.ts'
import type { CrmObject } from './types.ts'

export interface ObjectWriterDeps {
  request: ImportRequest
  store: WritableCrmStore
  errors: ImportErrorLog
  counters: ImportCounters
  now: () => Date
}

export class ObjectWriter {
  private readonly deps: ObjectWriterDeps

  constructor(deps: ObjectWriterDeps) {
    this.deps = deps
  }

  /**
   * Writes one object of a row; returns the record id when the row refers to a record.
   * `seen`: identifiers earlier rows of this file used (single-object files only).
   */
  write(ctx: RowContext, object: ObjectPlan, seen: Set<string>): string | undefined {
    const { errors } = this.deps
    const { objectTypeId } = object
    const { cells } = ctx.record

    errors.cells(ctx, objectTypeId, propertyProblems(objectTypeId, object.problems, cells))
    const pick = pickIdentifier(object.identifiers, cells)
    if (pick.kind === 'invalid') errors.cells(ctx, objectTypeId, [pick.problem])
    const identifier = pick.kind === 'found' ? pick : undefined
    // the values, validated whether or not the object is then written
    const { values, problems } = validateValues(
      object.values,
      cells,
      pick.kind === 'none' ? undefined : pick.column,
    )
    errors.cells(ctx, objectTypeId, problems)
    if (pick.kind === 'invalid') return undefined

    const match = identifier
      ? this.match(ctx, objectTypeId, identifier, seen)
      : { existing: undefined }
    if (!match) return undefined
    const { existing } = match

    const decision = decideWrite({
      operation: operationFor(this.deps.request, objectTypeId),
      matched: !existing
        ? 'none'
        : this.deps.counters.createdByThisImport(objectTypeId, existing.id)
          ? 'created-by-this-import'
          : 'already-there',
      hasIdentifier: identifier !== undefined,
      hasValues: values.size > 0,
    })
    switch (decision) {
      case 'skip':
        return undefined
      case 'reject-create-only':
        errors.cell(
          ctx,
          objectTypeId,
          (identifier as Identifier).column,
          'CREATE_ONLY_IMPORT',
          createOnlyMessage(objectTypeId, (existing as CrmObject).id),
        )
        return undefined
      case 'reject-update-only':
        errors.row(
          ctx,
          objectTypeId,
          'UPDATE_ONLY_IMPORT',
          updateOnlyMessage(objectTypeId, identifier),
          identifier
            ? { column: identifier.column.index, invalidValue: cellOf(cells, identifier.column) }
            : {},
        )
        return undefined
      case 'update':
        return this.update(ctx, object, values, existing as CrmObject)
      case 'create':
        return this.create(ctx, object, values, identifier)
    }
  }

  /**
   * The record an identifier names (undefined when it names none yet), or undefined when the
   * object must not be written: an unknown record ID, or an identifier repeated in the file.
   */
  private match(
    ctx: RowContext,
    objectTypeId: string,
    identifier: Identifier,
    seen: Set<string>,
  ): { existing: CrmObject | undefined } | undefined {
    const { errors, store } = this.deps
    let existing: CrmObject | undefined
    if (identifier.column.isRecordId) {
      existing = store.get(objectTypeId, identifier.value)
      if (!existing) {
        errors.cells(ctx, objectTypeId, [unknownRecordIdProblem(objectTypeId, identifier)])
        return undefined
      }
    } else {
      existing = store.findByUnique(objectTypeId, identifier.propertyName, identifier.value)
    }
    if (ctx.plan.singleObject) {
      const key = seenIdentifierKey(identifier)
      if (seen.has(key)) {
        errors.cells(ctx, objectTypeId, [repeatedIdentifierProblem(identifier)])
        return undefined
      }
      seen.add(key)
    }
    return { existing }
  }

  private update(
    ctx: RowContext,
    object: ObjectPlan,
    values: ReadonlyMap<string, CellValue>,
    existing: CrmObject,
  ): string {
    const { objectTypeId } = object
    const { properties, appends, problems } = this.uniqueValues(objectTypeId, values, existing.id)
    this.deps.errors.cells(ctx, objectTypeId, problems)
    const merged = mergeAppends(properties, appends, existing)
    const count = Object.keys(merged).length
    // a matched record with nothing to write is not an update
    if (count > 0) {
      this.deps.store.update(objectTypeId, existing.id, merged, this.deps.now())
      this.deps.counters.countUpdated(objectTypeId, existing.id, count)
    }
    return existing.id
  }

  private create(
    ctx: RowContext,
    object: ObjectPlan,
    values: ReadonlyMap<string, CellValue>,
    identifier: Identifier | undefined,
  ): string | undefined {
    const { objectTypeId } = object
    const { properties, problems } = this.uniqueValues(objectTypeId, values, undefined)
    this.deps.errors.cells(ctx, objectTypeId, problems)
    if (identifier) properties[identifier.propertyName] = identifier.value
    const missing = missingRequiredToCreate(objectTypeId, (name) => properties[name] !== undefined)
    if (missing.length > 0) {
      const mapped =
        object.values.find((c) => c.property?.name === missing[0]) ??
        object.problems.find((c) => c.mapping.propertyName === missing[0])
      this.deps.errors.row(
        ctx,
        objectTypeId,
        'MISSING_REQUIRED_PROPERTY',
        missingRequiredMessage(objectTypeId, missing),
        mapped ? { column: mapped.index, invalidValue: cellOf(ctx.record.cells, mapped) } : {},
      )
      return undefined
    }
    const created = this.deps.store.create(objectTypeId, properties, this.deps.now())
    this.deps.counters.countCreated(objectTypeId, created.id, Object.keys(properties).length)
    return created.id
  }

  private uniqueValues(
    objectTypeId: string,
    values: ReadonlyMap<string, CellValue>,
    selfId: string | undefined,
  ) {
    return keepUniqueValues(
      objectTypeId,
      values,
      selfId,
      (name, value) => this.deps.store.findByUnique(objectTypeId, name, value)?.id,
    )
  }
}
