// The object the chosen file most likely holds, read from its headers and values against every object's properties
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { getPropertiesQueryOptions } from '#client/api/get-properties.ts'
import { previewColumnValues } from '../../core/column-values.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { PropertyCatalogs } from '../../core/mapping-draft.ts'
import { suggestObject } from '../../core/suggest-mapping.ts'
import { suggestMappingFor } from '../../core/suggestion-cache.ts'

// module-level, so the combined result stays the same object until a query's data changes
function combine(results: UseQueryResult<Property[]>[]): PropertyCatalogs | undefined {
  if (!results.every((result) => result.data)) return undefined
  const catalogs: PropertyCatalogs = {}
  results.forEach((result, index) => {
    catalogs[OBJECT_TYPES[index]!.objectTypeId] = result.data
  })
  return catalogs
}

/** One object's suggested mapping, remembered for the mapping step. */
const matchesOf = (inspection: FileInspection, catalogs: PropertyCatalogs, id: ObjectTypeId) =>
  suggestMappingFor(inspection, { [id]: catalogs[id] }, [id])

/**
 * Undefined while the catalogues load, when one fails, or when no object stands out. Each
 * object's suggested mapping is worked out in a task of its own after the step has painted (and
 * kept for the mapping step), so neither the step's first render nor any one task does them all.
 */
export function useSuggestedObject(inspection: FileInspection): ObjectTypeId | undefined {
  const catalogs = useQueries({
    queries: OBJECT_TYPES.map((object) => getPropertiesQueryOptions(object.name)),
    combine,
  })
  const [found, setFound] = useState<{
    inspection: FileInspection
    catalogs: PropertyCatalogs
    suggested: ObjectTypeId | undefined
  }>()
  useEffect(() => {
    if (!catalogs) return
    const ids = OBJECT_TYPES.map((object) => object.objectTypeId)
    let next = 0
    let timer: ReturnType<typeof setTimeout>
    const step = () => {
      const id = ids[next++]
      if (id) {
        matchesOf(inspection, catalogs, id)
        timer = setTimeout(step, 0)
        return
      }
      const values = previewColumnValues(inspection.previewRows, inspection.columnNames.length)
      const suggested = suggestObject(inspection.columnNames, values, catalogs, (objectTypeId) =>
        matchesOf(inspection, catalogs, objectTypeId),
      )
      setFound({ inspection, catalogs, suggested })
    }
    timer = setTimeout(step, 0)
    return () => clearTimeout(timer)
  }, [catalogs, inspection])
  return found && found.inspection === inspection && found.catalogs === catalogs
    ? found.suggested
    : undefined
}
