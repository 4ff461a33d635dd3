// The property catalogues of the chosen objects, loaded together, and the operation per object
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo } from 'react'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { getPropertiesQueryOptions } from '#client/api/get-properties.ts'
import type { ImportOperations, PropertyCatalogs } from './core/mapping-draft.ts'
import type { ObjectsChoice } from './wizard-state.ts'
import { chosenObjectTypeIds } from './wizard-state.ts'

const nameOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.name

/** The property catalogues of the chosen objects, loaded together (one query per object). */
export function useCatalogs(objects: ObjectsChoice) {
  const ids = useMemo(() => chosenObjectTypeIds(objects), [objects])
  // a stable combine keeps `catalogs` the same object until a query's data changes
  const combine = useCallback(
    (results: UseQueryResult<Property[]>[]) => {
      const catalogs: PropertyCatalogs = {}
      results.forEach((result, index) => {
        if (result.data) catalogs[ids[index]!] = result.data
      })
      return {
        catalogs,
        isPending: results.some((r) => r.isPending),
        error: results.find((r) => r.error)?.error ?? null,
        refetch: () => results.forEach((r) => void r.refetch()),
      }
    },
    [ids],
  )
  return useQueries({
    queries: ids.map((id) => getPropertiesQueryOptions(nameOf(id))),
    combine,
  })
}

/**
 * Starts loading every object's properties while the file step waits for a file: the objects
 * step reads them all (to suggest the object) and the mapping step its object's, so neither waits
 * for them nor parses them in the task that shows it.
 */
export function usePrefetchedCatalogs(): void {
  const client = useQueryClient()
  useEffect(() => {
    for (const object of OBJECT_TYPES) {
      void client.prefetchQuery(getPropertiesQueryOptions(object.name))
    }
  }, [client])
}

/** The operation per chosen object: what the options say, else HubSpot's default (create and update). */
export function operationsFor(
  objects: ObjectsChoice,
  chosen: ImportOperations | undefined,
): ImportOperations {
  return Object.fromEntries(
    chosenObjectTypeIds(objects).map((id) => [id, chosen?.[id] ?? 'UPSERT']),
  )
}
