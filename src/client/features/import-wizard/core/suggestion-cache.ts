// The mapping suggested for a file's columns, remembered per file and catalogues, so the mapping step's first render can reuse one worked out earlier
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { previewColumnValues } from './column-values.ts'
import type { FileInspection } from './inspect-file.ts'
import type { PropertyCatalogs } from './mapping-draft.ts'
import { suggestMapping, type SuggestedMatch } from './suggest-mapping.ts'

type Sample = Pick<FileInspection, 'columnNames' | 'previewRows'>

interface Entry {
  previewRows: Sample['previewRows']
  objectIds: string
  /** the catalogue arrays read, by identity: a refetched catalogue is another suggestion */
  catalogs: readonly (Property[] | undefined)[]
  matches: SuggestedMatch[]
}

/** A few entries per file: one per object tried is plenty. */
const ENTRIES_PER_FILE = 4
const cache = new WeakMap<Sample['columnNames'], Entry[]>()

/**
 * `suggestMapping` over the file's preview values, computed once per file (its column names and
 * preview rows, by identity), chosen objects and catalogues. The objects step warms it as soon as
 * it has painted, so the mapping step's first render only reads it.
 */
export function suggestMappingFor(
  sample: Sample,
  catalogs: PropertyCatalogs,
  objectIds: readonly ObjectTypeId[],
  suggest: typeof suggestMapping = suggestMapping,
): SuggestedMatch[] {
  const ids = objectIds.join(',')
  const arrays = objectIds.map((id) => catalogs[id])
  const entries = cache.get(sample.columnNames) ?? []
  const hit = entries.find(
    (entry) =>
      entry.previewRows === sample.previewRows &&
      entry.objectIds === ids &&
      entry.catalogs.every((array, i) => array === arrays[i]),
  )
  if (hit) return hit.matches
  const matches = suggest(
    sample.columnNames,
    previewColumnValues(sample.previewRows, sample.columnNames.length),
    catalogs,
    objectIds,
  )
  const entry = { previewRows: sample.previewRows, objectIds: ids, catalogs: arrays, matches }
  cache.set(sample.columnNames, [entry, ...entries].slice(0, ENTRIES_PER_FILE))
  return matches
}
