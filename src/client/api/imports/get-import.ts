// One import's status: the request and a query that polls until the import ends
import { queryOptions, useQuery } from '@tanstack/react-query'
import { importPath } from '#shared/api-paths.ts'
import {
  isTerminalState,
  publicImportResponseSchema,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'
import { apiJson, HUBSPOT_BASE } from '#client/lib/api-client.ts'
import { importKeys } from './import-keys.ts'
import { importRefetchInterval, pollingInputFromQuery } from './import-polling.ts'
import { retryUnlessClientError } from './retry.ts'

export function getImport(importId: string, signal?: AbortSignal): Promise<PublicImportResponse> {
  return apiJson(`${HUBSPOT_BASE}${importPath('v3', importId)}`, publicImportResponseSchema, {
    signal,
  })
}

export const getImportQueryOptions = (importId: string) =>
  queryOptions({
    queryKey: importKeys.detail(importId),
    queryFn: ({ signal }) => getImport(importId, signal),
    refetchInterval: (query) => importRefetchInterval(pollingInputFromQuery(query), Date.now()),
    // polling pauses in hidden tabs (TanStack's default, stated so nobody flips it by accident)
    refetchIntervalInBackground: false,
    // a finished import never changes, so focus or remount must not fetch it again
    staleTime: (query) => (isTerminalState(query.state.data?.state) ? Infinity : 0),
    retry: retryUnlessClientError,
  })

export const useImport = (importId: string) => useQuery(getImportQueryOptions(importId))
