// Cancelling an import: the request and its mutation hook
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { cancelImportPath } from '#shared/api-paths.ts'
import {
  actionResponseSchema,
  type ActionResponse,
} from '#shared/hubspot/public-import-response.ts'
import { apiJson, HUBSPOT_BASE } from '#client/lib/api-client.ts'
import { importKeys } from './import-keys.ts'

/** POST with no body; apiJson adds the X-Requested-By header the proxy requires on writes. */
export function cancelImport(importId: string): Promise<ActionResponse> {
  return apiJson(`${HUBSPOT_BASE}${cancelImportPath('v3', importId)}`, actionResponseSchema, {
    method: 'POST',
  })
}

export function useCancelImport(importId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => cancelImport(importId),
    // never retried: a second cancel of a cancelled import only earns HubSpot's refusal
    retry: false,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: importKeys.detail(importId) }),
        queryClient.invalidateQueries({ queryKey: importKeys.lists() }),
      ]),
  })
}
