// Starts the wizard from "fix and re-import": the failed rows, the original mapping and options
import { useCallback } from 'react'
import {
  normalizeColumnMapping,
  type ImportRequest,
  type NormalizedColumnMapping,
} from '#shared/hubspot/import-request.ts'
import {
  isCommonColumnReference,
  locatedMappings,
  pairCommonColumn,
} from '#shared/hubspot/multi-file-request.ts'
import {
  defaultAssociationTypeId,
  findObjectType,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import type { LineOrigin } from '#client/lib/hubspot/import-line-maps.ts'
import type { FileInspection } from './core/inspect-file.ts'
import type { MappingDraft } from './core/mapping-draft.ts'
import { runInspect } from './csv-tasks.ts'
import type { SecondFile } from './two-files/second-file-state.ts'
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
  problemsByLine: Record<
    number,
    readonly {
      message: string
      originalLineNumber: number
      originalFileName?: string | undefined
    }[]
  >
  warnings: string[]
  /** each row's line in the person's own file (or HubSpot's, when unknown) */
  lineOrigin?: LineOrigin | undefined
  /**
   * a two-file import's second file (its failed rows under its header); `importRequest` then
   * holds both files and their join
   */
  second?: { file: File; problemsByLine: ReimportSeed['problemsByLine'] } | undefined
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
      const inspection = await runInspect(seed.file, {}, seed.file.name)
      const source = { file: seed.file, overrides: {}, inspection }
      const problemsOf = (problemsByLine: ReimportSeed['problemsByLine']) =>
        Object.values(problemsByLine).flatMap((problems) =>
          problems.map((p) => ({
            lineNumber: p.originalLineNumber,
            message: p.originalFileName ? `${p.originalFileName}: ${p.message}` : p.message,
          })),
        )
      const origin = {
        reimportOf: importId,
        reimportNotes: {
          warnings: [...seed.warnings],
          problems: [
            ...problemsOf(seed.problemsByLine),
            ...(seed.second ? problemsOf(seed.second.problemsByLine) : []),
          ],
        },
        ...(seed.lineOrigin ? { lineOrigin: seed.lineOrigin } : {}),
      }
      const request = seed.importRequest
      const columns = request?.files[0]?.fileImportPage.columnMappings.map(normalizeColumnMapping)
      const objectIds = objectIdsOf(columns ?? [])
      const objects = objectsOf(objectIds)
      if (!request || !columns || !objects) return { ...origin, step: 'objects', source }
      const mapping = mappingOf(inspection, columns)

      const second = seed.second && (await secondFileOf(seed.second.file, request))
      if (seed.second && !second) {
        origin.reimportNotes.warnings.push(
          `The join of the two files could not be read again: only ${seed.file.name} is imported.`,
        )
      }
      const allObjectIds = [...new Set([...objectIds, ...(second ? [second.objectTypeId] : [])])]
      const hasContacts = allObjectIds.includes('0-1')
      return {
        ...origin,
        ...(second ? { second } : {}),
        step: 'check',
        source,
        objects,
        mapping,
        options: {
          name: request.name,
          operations: Object.fromEntries(
            allObjectIds.map((id) => [id, request.importOperations?.[id] ?? 'UPSERT']),
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

function objectIdsOf(columns: readonly NormalizedColumnMapping[]): ObjectTypeId[] {
  return [
    ...new Set(columns.flatMap((c) => findObjectType(c.columnObjectTypeId)?.objectTypeId ?? [])),
  ]
}

/** The mapping of a file's columns as the request had them, by header (a reference: mapped to nothing). */
function mappingOf(inspection: FileInspection, columns: readonly NormalizedColumnMapping[]) {
  const byName = new Map(columns.map((c) => [c.columnName, c]))
  return inspection.columnNames.map((columnName, columnIndex) => {
    const column =
      byName.get(inspection.headers[columnIndex] ?? columnName) ?? byName.get(columnName)
    const objectTypeId = column
      ? findObjectType(column.columnObjectTypeId)?.objectTypeId
      : undefined
    return column?.propertyName && objectTypeId && !column.ignored
      ? { columnIndex, columnName, objectTypeId, propertyName: column.propertyName }
      : { columnIndex, columnName, objectTypeId: null, propertyName: null }
  }) satisfies MappingDraft
}

/**
 * The second file of a two-file re-import as the wizard holds it: read like the first, its object,
 * its mapping and the common column of each file, as the request joined them.
 */
async function secondFileOf(
  file: File,
  request: ImportRequest,
): Promise<(SecondFile & { objectTypeId: ObjectTypeId }) | undefined> {
  if (request.files.length !== 2) return undefined
  const located = locatedMappings(request)
  const reference = located.find((m) => isCommonColumnReference(m.mapping))
  if (!reference) return undefined
  const pairing = pairCommonColumn(
    reference,
    located.filter((m) => m.mapping.associationIdentifierColumn),
  )
  if (pairing.kind !== 'found') return undefined
  const columnIn = (fileIndex: number) =>
    pairing.identifier.fileIndex === fileIndex
      ? pairing.identifier.columnIndex
      : reference.columnIndex
  const columns = located.filter((m) => m.fileIndex === 1).map((m) => m.mapping)
  const [objectTypeId] = objectIdsOf(columns)
  if (!objectTypeId) return undefined
  const inspection = await runInspect(file, {}, file.name)
  return {
    source: { file, overrides: {}, inspection },
    objectTypeId,
    common: { first: columnIn(0), second: columnIn(1) },
    mapping: mappingOf(inspection, columns),
  }
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
