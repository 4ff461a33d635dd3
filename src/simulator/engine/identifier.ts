/**
 * Which record a row refers to, for one object: the identifier cell it is matched on, and the
 * problems that leave the object unwritten.
 *
 * Choices where HubSpot is SILENT:
 * - An unusable identifier (invalid email as the contact key, a malformed record ID) or a record
 *   ID that matches nothing (INVALID_RECORD_ID, whatever the operation: an import cannot choose
 *   ids) leaves that object unwritten.
 * - In a file that maps one object, an identifier repeated on a later row is DUPLICATE_OBJECT_ID
 *   (record ID) or DUPLICATE_ALTERNATE_ID and the later row is not written for that object: the
 *   first row wins, because HubSpot writes rows in parallel batches and could not promise an
 *   order. In a file mapping several objects, repeats are normal (many contacts at one company):
 *   the later row updates the same record and associates it (see operation-rules.ts).
 */
import type { Property } from '#shared/hubspot/property.ts'
import type { CellCheck } from '#shared/value-rules/index.ts'
import { uniqueKey } from './record-keys.ts'
import { objectName, type CellProblem } from './import-errors.ts'
import { cellOf, type ColumnPlan } from './import-plan.ts'

export interface Identifier {
  column: ColumnPlan
  /** the cell's value as the value rules normalised it */
  value: string
  /** the property it matches on: `hs_object_id` for record IDs */
  propertyName: string
}

export type IdentifierPick =
  | { kind: 'none' }
  | ({ kind: 'found' } & Identifier)
  | { kind: 'invalid'; column: ColumnPlan; problem: CellProblem }

/**
 * The first non-blank identifier by priority (`identifiers` come sorted). An invalid one is not
 * passed over for the next: the row meant that record, so the object is not written.
 */
export function pickIdentifier(
  identifiers: readonly ColumnPlan[],
  cells: readonly string[],
): IdentifierPick {
  for (const column of identifiers) {
    const result = (column.check as CellCheck)(cellOf(cells, column))
    if (result.kind === 'blank') continue
    if (result.kind === 'invalid') {
      return {
        kind: 'invalid',
        column,
        problem: { column, errorType: result.errorType, message: result.message },
      }
    }
    return {
      kind: 'found',
      column,
      value: result.value,
      propertyName: (column.property as Property).name,
    }
  }
  return { kind: 'none' }
}

/** A record ID no record of the type has. */
export function unknownRecordIdProblem(objectTypeId: string, identifier: Identifier): CellProblem {
  return {
    column: identifier.column,
    errorType: 'INVALID_RECORD_ID',
    message: `No ${objectName(objectTypeId)} has the record ID ${identifier.value}.`,
  }
}

/** How a file remembers identifiers it has seen: compared as the store compares unique values. */
export function seenIdentifierKey({ propertyName, value }: Identifier): string {
  return `${propertyName}\u0000${uniqueKey(propertyName, value)}`
}

/** An identifier an earlier row of a single-object file already used. */
export function repeatedIdentifierProblem(identifier: Identifier): CellProblem {
  const recordId = identifier.column.isRecordId === true
  return {
    column: identifier.column,
    errorType: recordId ? 'DUPLICATE_OBJECT_ID' : 'DUPLICATE_ALTERNATE_ID',
    message: `${recordId ? 'The record ID' : `The ${identifier.propertyName}`} ${identifier.value} is on an earlier row of this file; only the first row is imported.`,
  }
}
