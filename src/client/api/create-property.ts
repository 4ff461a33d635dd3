// Creating a property in the portal (the mapping step's "Create property"), then the catalogue refreshed
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { propertiesPath } from '#shared/api-paths.ts'
import type { PropertyCreate } from '#shared/hubspot/property-create.ts'
import { propertySchema } from '#shared/hubspot/property.ts'
import { apiJson, HUBSPOT_BASE } from '#client/lib/api-client.ts'
import { getPropertiesQueryOptions } from './get-properties.ts'

export const createProperty = (objectType: string, body: PropertyCreate) =>
  apiJson(`${HUBSPOT_BASE}${propertiesPath('v3', objectType)}`, propertySchema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

/** Never retried (a second POST would answer 409); the object's catalogue is refetched on success. */
export function useCreateProperty(objectType: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PropertyCreate) => createProperty(objectType, body),
    retry: false,
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: getPropertiesQueryOptions(objectType).queryKey }),
  })
}
