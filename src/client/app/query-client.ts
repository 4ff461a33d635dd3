// The app's TanStack QueryClient and its defaults
import { QueryClient } from '@tanstack/react-query'
import type { ApiError } from '#client/lib/api-client.ts'

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError | Error
  }
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // the proxy already retries rate limits and 5xx upstream; one more try covers a dropped connection
        retry: 1,
      },
      mutations: { retry: false },
    },
  })
}
