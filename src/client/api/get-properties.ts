// The portal's property definitions for one object type, as a query
import { queryOptions, useQuery } from '@tanstack/react-query'
import { propertiesPath } from '#shared/api-paths.ts'
import { propertiesResponseSchema } from '#shared/hubspot/property.ts'
import { apiJson, HUBSPOT_BASE } from '#client/lib/api-client.ts'

/** The portal's property definitions for one object type; they change rarely, so cache for minutes. */
export const getPropertiesQueryOptions = (objectType: string) =>
  queryOptions({
    queryKey: ['properties', objectType],
    queryFn: async () =>
      (
        await apiJson(
          `${HUBSPOT_BASE}${propertiesPath('v3', objectType)}`,
          propertiesResponseSchema,
        )
      ).results,
    staleTime: 5 * 60_000,
  })

export const useProperties = (objectType: string) => useQuery(getPropertiesQueryOptions(objectType))
