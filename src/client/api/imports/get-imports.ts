// The imports list, one page at a time: the request and a query that polls while any import runs
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { importsPath } from '#shared/api-paths.ts'
import { collectionResponseSchema } from '#shared/hubspot/paging.ts'
import { publicImportResponseSchema } from '#shared/hubspot/public-import-response.ts'
import { apiJson, HUBSPOT_BASE, withQuery } from '#client/lib/api-client.ts'
import { importKeys } from './import-keys.ts'
import { importsListRefetchInterval, pollingInputFromQuery } from './import-polling.ts'
import { retryUnlessClientError } from './retry.ts'

export const importsPageSchema = collectionResponseSchema(publicImportResponseSchema)
export type ImportsPage = ReturnType<typeof importsPageSchema.parse>

export interface ImportsPageParams {
  after?: string
  limit: number
}

export function getImports(page: ImportsPageParams, signal?: AbortSignal): Promise<ImportsPage> {
  return apiJson(
    withQuery(`${HUBSPOT_BASE}${importsPath('v3')}`, { after: page.after, limit: page.limit }),
    importsPageSchema,
    { signal },
  )
}

export const getImportsQueryOptions = (page: ImportsPageParams) =>
  queryOptions({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) => getImports(page, signal),
    // keep the current page on screen while the next one loads
    placeholderData: keepPreviousData,
    // live while any import on this page is still running
    refetchInterval: (query) =>
      importsListRefetchInterval(pollingInputFromQuery(query), Date.now()),
    refetchIntervalInBackground: false,
    retry: retryUnlessClientError,
  })

export const useImports = (page: ImportsPageParams) => useQuery(getImportsQueryOptions(page))
