// The object the chosen file most likely holds, read from its headers and values against every object's properties
import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
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

/** Undefined while the catalogues load, when one fails, or when no object stands out. */
export function useSuggestedObject(inspection: FileInspection): ObjectTypeId | undefined {
  const catalogs = useQueries({
    queries: OBJECT_TYPES.map((object) => getPropertiesQueryOptions(object.name)),
    combine,
  })
  const suggested = useMemo(() => {
    if (!catalogs) return undefined
    const values = previewColumnValues(inspection.previewRows, inspection.columnNames.length)
    return suggestObject(inspection.columnNames, values, catalogs)
  }, [catalogs, inspection])
  // right after this step paints, work out the likely object's mapping for the next step, so its
  // first render only reads it (a task of its own, before the person can click Next)
  useEffect(() => {
    if (!catalogs) return
    const id = suggested ?? OBJECT_TYPES[0]!.objectTypeId
    const timer = setTimeout(() => suggestMappingFor(inspection, { [id]: catalogs[id] }, [id]), 0)
    return () => clearTimeout(timer)
  }, [catalogs, inspection, suggested])
  return suggested
}
