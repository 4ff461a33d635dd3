// An import's row errors, page by page: the request, the infinite query and a load-everything helper
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { importErrorsPath } from '#shared/api-paths.ts'
import { collectionResponseSchema } from '#shared/hubspot/paging.ts'
import { publicImportErrorSchema } from '#shared/hubspot/public-import-error.ts'
import { ApiError, apiJson, HUBSPOT_BASE, withQuery } from '#client/lib/api-client.ts'
import { importKeys } from './import-keys.ts'
import { retryUnlessClientError } from './retry.ts'

export const importErrorsPageSchema = collectionResponseSchema(publicImportErrorSchema)
export type ImportErrorsPage = ReturnType<typeof importErrorsPageSchema.parse>

/** HubSpot documents no maximum page size; 100 is the usual CRM maximum (and the simulator's). */
export const ERRORS_PAGE_SIZE = 100

export function getImportErrorsPage(
  importId: string,
  after: string | undefined,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<ImportErrorsPage> {
  return apiJson(
    withQuery(`${HUBSPOT_BASE}${importErrorsPath('v3', importId)}`, {
      after,
      limit: options.limit ?? ERRORS_PAGE_SIZE,
      includeErrorMessage: true,
      includeRowData: true,
    }),
    importErrorsPageSchema,
    { signal: options.signal },
  )
}

/**
 * The next cursor, or undefined at the end. A cursor seen before means the server is looping (the
 * same cursor again, or a cycle A → B → A): stop rather than fetch forever.
 */
export function nextErrorsCursor(
  lastPage: ImportErrorsPage,
  allPageParams: readonly unknown[],
): string | undefined {
  const after = lastPage.paging?.next?.after
  if (!after || allPageParams.includes(after)) return undefined
  return after
}

/** True when the server offered a next page we refused to follow because it repeats a cursor. */
export function errorsCursorLoops(
  lastPage: ImportErrorsPage | undefined,
  allPageParams: readonly unknown[],
): boolean {
  const after = lastPage?.paging?.next?.after
  return after !== undefined && after !== '' && allPageParams.includes(after)
}

export const getImportErrorsQueryOptions = (
  importId: string,
  options: { enabled?: boolean } = {},
) =>
  infiniteQueryOptions({
    queryKey: importKeys.errors(importId, { includeRowData: true, includeErrorMessage: true }),
    queryFn: ({ pageParam, signal }) => getImportErrorsPage(importId, pageParam, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage, _allPages, _lastPageParam, allPageParams) =>
      nextErrorsCursor(lastPage, allPageParams),
    enabled: options.enabled ?? true,
    // the errors of a finished import never change
    staleTime: Infinity,
    retry: retryUnlessClientError,
  })

export const useImportErrors = (importId: string, options: { enabled?: boolean } = {}) =>
  useInfiniteQuery(getImportErrorsQueryOptions(importId, options))

/** How often one page is asked again after HubSpot was busy, and the wait without a Retry-After. */
const PAGE_ATTEMPTS = 4
const DEFAULT_WAIT_MS = 5_000

/** HubSpot busy (429) or failing (5xx) after the proxy's own retries: worth asking again later. */
function busy(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 429 || error.status >= 500)
}

function abortableWait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason as Error)
      },
      { once: true },
    )
  })
}

/**
 * Every error of an import, page by page, stopping on a repeated cursor or after maxPages. A page
 * refused because HubSpot is busy is asked again with the same cursor after its Retry-After, so a
 * long export pauses instead of failing, and no row is lost or repeated.
 */
export async function loadAllImportErrors(
  importId: string,
  options: {
    getPage?: typeof getImportErrorsPage
    signal?: AbortSignal
    maxPages?: number
    onProgress?: (loaded: number) => void
    wait?: (ms: number, signal: AbortSignal | undefined) => Promise<void>
  } = {},
): Promise<{ errors: ImportErrorsPage['results']; complete: boolean }> {
  const { getPage = getImportErrorsPage, signal, maxPages = 5_000, onProgress } = options
  const wait = options.wait ?? abortableWait
  const errors: ImportErrorsPage['results'] = []
  const cursors: (string | undefined)[] = [undefined]
  let after: string | undefined
  const pageAt = async (cursor: string | undefined) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await getPage(importId, cursor, signal ? { signal } : {})
      } catch (error) {
        if (!busy(error) || attempt >= PAGE_ATTEMPTS) throw error
        const seconds = error.retryAfterSeconds
        await wait(seconds ? seconds * 1000 : DEFAULT_WAIT_MS, signal)
      }
    }
  }
  for (let page = 0; page < maxPages; page += 1) {
    const response = await pageAt(after)
    errors.push(...response.results)
    onProgress?.(errors.length)
    if (errorsCursorLoops(response, cursors)) return { errors, complete: false }
    after = nextErrorsCursor(response, cursors)
    if (after === undefined) return { errors, complete: true }
    cursors.push(after)
  }
  return { errors, complete: false }
}
