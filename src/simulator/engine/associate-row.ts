/**
 * A row's associations: every pair of records the row wrote or matched, plus its association
 * columns (another object's key, or a label).
 *
 * Choices where HubSpot is SILENT:
 * - A common column of a multi-file import joins the owner file's rows (common-column-joins.ts);
 *   other association columns find their record in the CRM.
 * - Association label columns (FLEXIBLE_ASSOCIATION_LABEL): the simulator knows no labels, so a
 *   non-blank label is ASSOCIATION_LABEL_NOT_FOUND and the records keep the default association.
 */
import type { CommonValueLookup } from '#shared/value-rules/index.ts'
import { CommonColumnJoins, type JoinedRow } from './common-column-joins.ts'
import type { AssociationType, WritableCrmStore } from './types.ts'
import type { ImportCounters } from './import-counters.ts'
import { objectName, type ImportErrorLog } from './import-errors.ts'
import {
  cellOf,
  type ColumnPlan,
  type CommonColumnRef,
  type ForeignKeyPlan,
  type RowContext,
} from './import-plan.ts'

interface RecordRef {
  objectTypeId: string
  id: string
}

/** Each pair of the row's records once, in the order the objects were processed. */
export function recordPairs(resolved: ReadonlyMap<string, string>): [RecordRef, RecordRef][] {
  const records = [...resolved].map(([objectTypeId, id]) => ({ objectTypeId, id }))
  const pairs: [RecordRef, RecordRef][] = []
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      pairs.push([records[i] as RecordRef, records[j] as RecordRef])
    }
  }
  return pairs
}

export class RowAssociator {
  private readonly store: WritableCrmStore
  private readonly errors: ImportErrorLog
  private readonly counters: ImportCounters
  private readonly joins: CommonColumnJoins

  constructor(
    store: WritableCrmStore,
    errors: ImportErrorLog,
    counters: ImportCounters,
    joins: CommonColumnJoins = new CommonColumnJoins(),
  ) {
    this.store = store
    this.errors = errors
    this.counters = counters
    this.joins = joins
  }

  /** `resolved`: the record each object of the row refers to, by object type. */
  associateRow(ctx: RowContext, resolved: ReadonlyMap<string, string>): void {
    for (const [from, to] of recordPairs(resolved)) this.associate(ctx, from, to)
    for (const column of ctx.plan.columns) {
      const raw = cellOf(ctx.record.cells, column).trim()
      if (raw === '') continue
      if (column.role === 'association-label') {
        this.errors.cell(
          ctx,
          column.objectTypeId,
          column,
          'ASSOCIATION_LABEL_NOT_FOUND',
          `No association label ${raw} exists between these objects; the records were associated without a label.`,
        )
      } else if (column.role === 'foreign-key' && column.foreignKey) {
        this.associateForeignKey(ctx, column, column.foreignKey, raw, resolved)
      }
    }
  }

  private associateForeignKey(
    ctx: RowContext,
    column: ColumnPlan,
    foreignKey: ForeignKeyPlan,
    raw: string,
    resolved: ReadonlyMap<string, string>,
  ): void {
    const fromId = resolved.get(foreignKey.fromObjectTypeId)
    if (fromId === undefined) return
    const from = { objectTypeId: foreignKey.fromObjectTypeId, id: fromId }
    const joined = foreignKey.join ? this.joins.find(foreignKey.join, raw) : undefined
    if (foreignKey.join && joined) {
      const targetId = this.joinedTarget(ctx, column, foreignKey, foreignKey.join, raw, joined)
      if (targetId !== undefined)
        this.associate(
          ctx,
          from,
          { objectTypeId: foreignKey.toObjectTypeId, id: targetId },
          foreignKey.association,
        )
      return
    }
    const target = this.store.findByUnique(foreignKey.toObjectTypeId, foreignKey.propertyName, raw)
    if (!target) {
      const byId = foreignKey.propertyName === 'hs_object_id'
      this.errors.cell(
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
      from,
      { objectTypeId: foreignKey.toObjectTypeId, id: target.id },
      foreignKey.association,
    )
  }

  /** The owner-file record a common value names, or undefined after reporting why there is none. */
  private joinedTarget(
    ctx: RowContext,
    column: ColumnPlan,
    foreignKey: ForeignKeyPlan,
    join: CommonColumnRef,
    raw: string,
    joined: CommonValueLookup<JoinedRow>,
  ): string | undefined {
    const from = objectName(foreignKey.fromObjectTypeId)
    const to = objectName(foreignKey.toObjectTypeId)
    const outcome = `so the ${from} was not associated with a ${to}.`
    switch (joined.kind) {
      case 'blank':
        return undefined
      case 'invalid':
        this.errors.cell(
          ctx,
          foreignKey.fromObjectTypeId,
          column,
          'INVALID_ASSOCIATION_IDENTIFIER',
          `${joined.message.replace(/\.$/, '')}; ${outcome}`,
        )
        return undefined
      case 'unmatched':
        this.errors.cell(
          ctx,
          foreignKey.fromObjectTypeId,
          column,
          'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER',
          `No row of ${join.fileName} has the ${foreignKey.propertyName} ${raw.trim()}, ${outcome}`,
        )
        return undefined
      case 'matched':
        if (joined.entry.id !== undefined) return joined.entry.id
        this.errors.cell(
          ctx,
          foreignKey.fromObjectTypeId,
          column,
          'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER',
          `The ${to} on line ${joined.entry.lineNumber} of ${join.fileName} (${foreignKey.propertyName} ${raw.trim()}) was not imported, ${outcome}`,
        )
        return undefined
    }
  }

  private associate(
    ctx: RowContext,
    from: RecordRef,
    to: RecordRef,
    association?: AssociationType,
  ): void {
    try {
      if (this.store.associate(from, to, association)) this.counters.countAssociation()
    } catch (error) {
      this.errors.row(
        ctx,
        from.objectTypeId,
        'FAILED_TO_CREATE_ASSOCIATION',
        `Could not associate ${objectName(from.objectTypeId)} ${from.id} with ${objectName(to.objectTypeId)} ${to.id}: ${(error as Error).message}.`,
      )
    }
  }
}
