// Starts the wizard from "fix and re-import": the failed rows, the original mapping and options
import { useCallback } from 'react'
import { normalizeColumnMapping, type ImportRequest } from '#shared/hubspot/import-request.ts'
import {
  defaultAssociationTypeId,
  findObjectType,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import type { LineOrigin } from '#client/lib/hubspot/import-line-maps.ts'
import { inspectFile } from './core/inspect-file.ts'
import type { MappingDraft } from './core/mapping-draft.ts'
import { EMPTY_EDITS, type ObjectsChoice, type WizardState } from './wizard-state.ts'

/**
 * What "fix and re-import" hands the wizard (src/client/features/reimport builds it; the app
 * passes its loader in, so neither feature imports the other).
 */
export interface ReimportSeed {
  /** the failed rows under the original header */
  file: File
  /** the original request, renamed; undefined when it can no longer be read */
  importRequest: ImportRequest | undefined
  /** HubSpot's problems by line of the new file (header = line 1) */
  problemsByLine: Record<number, readonly { message: string; originalLineNumber: number }[]>
  warnings: string[]
  /** each row's line in the person's own file (or HubSpot's, when unknown) */
  lineOrigin?: LineOrigin | undefined
}

export type LoadReimportSeed = (importId: string) => Promise<ReimportSeed>

/**
 * Turns "fix and re-import" into a wizard state: the failed rows as the file, the original
 * mapping and options preset, straight to the check step. Without a readable mapping it starts
 * at the objects step with the file chosen.
 */
export function useReimportStart(loadSeed: LoadReimportSeed) {
  return useCallback(
    async (importId: string): Promise<WizardState> => {
      const seed = await loadSeed(importId)
      const inspection = await inspectFile(seed.file, {}, seed.file.name)
      const source = { file: seed.file, overrides: {}, inspection }
      const origin = {
        reimportOf: importId,
        reimportNotes: {
          warnings: seed.warnings,
          problems: Object.values(seed.problemsByLine).flatMap((problems) =>
            problems.map((p) => ({ lineNumber: p.originalLineNumber, message: p.message })),
          ),
        },
        ...(seed.lineOrigin ? { lineOrigin: seed.lineOrigin } : {}),
      }
      const request = seed.importRequest
      const columns = request?.files[0]?.fileImportPage.columnMappings.map(normalizeColumnMapping)
      const objectIds = [
        ...new Set(
          (columns ?? []).flatMap((c) => findObjectType(c.columnObjectTypeId)?.objectTypeId ?? []),
        ),
      ]
      const objects = objectsOf(objectIds)
      if (!request || !columns || !objects) return { ...origin, step: 'objects', source }

      const byName = new Map(columns.map((c) => [c.columnName, c]))
      const mapping: MappingDraft = inspection.columnNames.map((columnName, columnIndex) => {
        const column =
          byName.get(inspection.headers[columnIndex] ?? columnName) ?? byName.get(columnName)
        const objectTypeId = column
          ? findObjectType(column.columnObjectTypeId)?.objectTypeId
          : undefined
        return column?.propertyName && objectTypeId && !column.ignored
          ? { columnIndex, columnName, objectTypeId, propertyName: column.propertyName }
          : { columnIndex, columnName, objectTypeId: null, propertyName: null }
      })
      const hasContacts = objectIds.includes('0-1')
      return {
        ...origin,
        step: 'check',
        source,
        objects,
        mapping,
        options: {
          name: request.name,
          operations: Object.fromEntries(
            objectIds.map((id) => [id, request.importOperations?.[id] ?? 'UPSERT']),
          ),
          dateFormat: request.dateFormat ?? 'MONTH_DAY_YEAR',
          marketableContactImport: hasContacts && (request.marketableContactImport ?? false),
          createContactListFromImport:
            hasContacts && (request.createContactListFromImport ?? false),
        },
        edits: EMPTY_EDITS,
      }
    },
    [loadSeed],
  )
}

function objectsOf(ids: readonly ObjectTypeId[]): ObjectsChoice | undefined {
  const [primary, secondary] = ids
  if (!primary || ids.length > 2) return undefined
  if (!secondary) return { kind: 'one', objectTypeId: primary }
  const associationTypeId = defaultAssociationTypeId(primary, secondary)
  return associationTypeId === undefined
    ? undefined
    : { kind: 'two', primary, secondary, associationTypeId }
}
