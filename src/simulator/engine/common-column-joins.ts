/**
 * The rows of a multi-file import's owner files, by common value: each `associationIdentifierColumn`
 * cell with the record its row wrote or matched. The other files' common columns look their
 * values up here, so a row is associated with a record of the other file, never with some other
 * record the CRM happens to hold.
 *
 * Choices where HubSpot is SILENT:
 * - The join is within the import: a value that no row of the owner file holds is
 *   NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER even when the CRM has such a record (the wizard's
 *   cross-file check lists exactly these before submit); so is a value whose owner row was not
 *   imported. A value that is not valid for the common property is INVALID_ASSOCIATION_IDENTIFIER.
 * - Values compare as the common property stores them (emails in any case, domains without
 *   scheme or `www.`), with the property's own value rules on both sides.
 */
import { CommonValueIndex, type CommonValueLookup } from '#shared/value-rules/index.ts'
import type { CellCheck } from '#shared/value-rules/index.ts'
import { cellOf, type CommonColumnRef, type FilePlan, type RowContext } from './import-plan.ts'

export interface JoinedRow {
  /** the record the owner row wrote or matched; undefined when the row was not imported */
  id: string | undefined
  lineNumber: number
}

const keyOf = (fileIndex: number, columnName: string) => `${fileIndex}\u0000${columnName}`

export class CommonColumnJoins {
  private readonly indexes = new Map<string, CommonValueIndex<JoinedRow>>()

  /** Starts an index for each common column of a planned file. */
  register(plan: FilePlan): void {
    for (const column of plan.columns) {
      if (!column.mapping.associationIdentifierColumn || !column.check) continue
      const key = keyOf(plan.fileIndex, column.mapping.columnName)
      if (!this.indexes.has(key))
        this.indexes.set(key, new CommonValueIndex<JoinedRow>(column.check as CellCheck))
    }
  }

  /** Records a processed owner-file row; `resolved` holds the record of each object it wrote. */
  recordRow(ctx: RowContext, resolved: ReadonlyMap<string, string>): void {
    if (this.indexes.size === 0) return
    for (const column of ctx.plan.columns) {
      if (!column.mapping.associationIdentifierColumn) continue
      const index = this.indexes.get(keyOf(ctx.plan.fileIndex, column.mapping.columnName))
      index?.add(cellOf(ctx.record.cells, column), {
        id: resolved.get(column.objectTypeId),
        lineNumber: ctx.record.recordNumber,
      })
    }
  }

  /** What a reference cell joins; undefined when the common column is unknown (not planned). */
  find(join: CommonColumnRef, raw: string): CommonValueLookup<JoinedRow> | undefined {
    return this.indexes.get(keyOf(join.fileIndex, join.columnName))?.find(raw)
  }
}
