// What the proxy says about itself (simulator or HubSpot), as a query
import { queryOptions, useQuery } from '@tanstack/react-query'
import * as z from 'zod'
import { apiJson } from '#client/lib/api-client.ts'

/** What the proxy tells the page about itself (never the token). */
export const appConfigSchema = z.object({
  mode: z.enum(['simulator', 'hubspot']),
  rateLimitPer10s: z.number().optional(),
})
export type AppConfig = z.infer<typeof appConfigSchema>

export const getAppConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['app-config'],
    queryFn: () => apiJson('/api/config', appConfigSchema),
    staleTime: Infinity,
  })

export const useAppConfig = () => useQuery(getAppConfigQueryOptions())
