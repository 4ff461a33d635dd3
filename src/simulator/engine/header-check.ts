/**
 * The header line against the mappings, checked before any row is written.
 *
 * Choices where HubSpot is SILENT:
 * - A header whose column count differs from the mappings fails the import (FAILED, one
 *   INCORRECT_NUMBER_OF_COLUMNS error on line 0) before any row is written — the guide says an
 *   unmapped column makes the import fail when started. When the header holds exactly the mapped
 *   column names in another order, mappings follow the header ("the system will attempt to
 *   automatically reorder").
 */
import type { NormalizedColumnMapping } from '#shared/hubspot/import-request.ts'
import { ImportFailure } from './import-errors.ts'
import type { StoredImportFile } from './types.ts'

/** The failure for a header whose column count differs from the mappings, if it does. */
export function headerColumnCountFailure(
  file: StoredImportFile,
  header: string[],
  mappings: readonly NormalizedColumnMapping[],
): ImportFailure | undefined {
  if (header.length === mappings.length) return undefined
  const extra = header.length > mappings.length
  return new ImportFailure(
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

/**
 * The mappings in header order when the header holds exactly their column names, each once;
 * otherwise the mappings as given.
 */
export function reorderToHeader(
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
