/**
 * What an import's operation (CREATE, UPDATE or UPSERT, per object) lets a row do with one
 * object, given whether its identifier matched a record.
 *
 * Choices where HubSpot is SILENT:
 * - A record this import created counts as new for CREATE: in a file mapping several objects a
 *   later row may update and associate it (many contacts at one company) without CREATE_ONLY_IMPORT.
 */
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import { objectName } from './import-errors.ts'
import type { Identifier } from './identifier.ts'

export type MatchedRecord = 'none' | 'created-by-this-import' | 'already-there'

export type WriteDecision =
  | 'create'
  | 'update'
  /** nothing for this object on the row (a contact without a company): not an error */
  | 'skip'
  | 'reject-create-only'
  | 'reject-update-only'

export function decideWrite(row: {
  operation: ImportOperation
  matched: MatchedRecord
  hasIdentifier: boolean
  hasValues: boolean
}): WriteDecision {
  if (row.matched !== 'none') {
    return row.operation === 'CREATE' && row.matched === 'already-there'
      ? 'reject-create-only'
      : 'update'
  }
  const empty = !row.hasIdentifier && !row.hasValues
  if (empty) return 'skip'
  return row.operation === 'UPDATE' ? 'reject-update-only' : 'create'
}

export function createOnlyMessage(objectTypeId: string, existingId: string): string {
  const name = objectName(objectTypeId)
  return `This import only creates ${name} records, and ${name} ${existingId} already exists.`
}

export function updateOnlyMessage(
  objectTypeId: string,
  identifier: Identifier | undefined,
): string {
  const name = objectName(objectTypeId)
  return identifier
    ? `This import only updates ${name} records, and none has the ${identifier.propertyName} ${identifier.value}.`
    : `This import only updates ${name} records, and the row has no identifier to find one.`
}
