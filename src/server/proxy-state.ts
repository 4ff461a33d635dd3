// The proxy's options, and the collaborators one app instance builds from them (state lives here)
import type { HubSpotClient, RetryPolicy } from './hubspot-client.ts'
import { createHubSpotClient, DEFAULT_RETRY } from './hubspot-client.ts'
import type { RateLimitContext } from './errors.ts'
import type { IdempotencyRecords } from './imports/create/idempotency.ts'
import { createImportStatusReader, type ImportStatusReader } from './imports/import-status.ts'
import type { Logger } from './logger.ts'
import type { RateBudget, RateBudgetOptions } from './rate-budget.ts'
import { originPolicy, type OriginPolicy } from './security.ts'
import { DEFAULT_STATUS_CACHE_MS } from './imports/status-cache.ts'
import { createMemoryStore, type SharedStore } from './store/shared-store.ts'
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './imports/create/upload-lifecycle.ts'
import { createUploadSlots, type UploadSlots } from './imports/create/upload-slots.ts'

export interface AppOptions {
  hubspotBaseUrl: string
  accessToken: string
  mode: 'simulator' | 'hubspot'
  /** HubSpot's allowance per 10 s for this token (the plan's burst limit) */
  rateLimitPer10s: number
  logger: Logger
  frameAncestors?: readonly string[]
  /** the sub-path the page and /api live under (BASE_PATH normalized: '' or `/tools/import`) */
  basePath?: string
  /** lower-case header name set by an SSO gateway; only then is it read (and only for logs) */
  trustIdentityHeader?: string
  /** built client to serve; undefined = API only (dev mode, Vite serves the page) */
  clientDir?: string
  /** how long one import's status is shared between pollers (status-cache.ts) */
  statusCacheMs?: number
  retry?: Partial<RetryPolicy>
  budget?: Partial<Omit<RateBudgetOptions, 'limit'>>
  maxFileBytes?: number
  /** no bytes from the browser for this long: the upload stalled */
  uploadIdleTimeoutMs?: number
  /** below this average rate over `uploadRateWindowMs` an upload is cut (UPLOAD_MIN_BYTES_PER_SECOND) */
  uploadMinBytesPerSecond?: number
  uploadRateWindowMs?: number
  /** the longest an upload may take (UPLOAD_DEADLINE_MS) */
  uploadDeadlineMs?: number
  /** creates that may wait for an upload slot, and how long (UPLOAD_QUEUE_LENGTH, _TIMEOUT_MS) */
  uploadQueueLength?: number
  uploadQueueTimeoutMs?: number
  responseTimeoutMs?: number
  /** IANA time zone of the HubSpot account: its daily API limit resets at midnight there */
  hubspotTimeZone?: string
  /** host names (optionally `name:port`) the proxy answers to; default the loopback names */
  allowedHosts?: readonly string[]
  /** the origin browsers use behind a TLS gateway (its host is allowed too) */
  publicOrigin?: string
  /** simultaneous uploads; more wait in the queue (HubSpot itself runs three imports at a time) */
  maxConcurrentUploads?: number
  /** where Idempotency-Key records live; default in this process */
  idempotency?: IdempotencyRecords
  /** where the rate budget, status cache and idempotency records live (store/): memory unless given */
  store?: SharedStore
}

/** What the routes share: HubSpot's client and everything stateful, one set per app instance. */
export interface ProxyState {
  options: AppOptions
  logger: Logger
  baseUrl: URL
  store: SharedStore
  budget: RateBudget
  client: HubSpotClient
  importStatus: ImportStatusReader
  idempotency: IdempotencyRecords
  uploadSlots: UploadSlots
  uploadLimits: UploadLimits
  /** aborted when the proxy stops: uploads still arriving end with its reason */
  shutdown: AbortController
  origins: OriginPolicy
  limits: RateLimitContext
}

export function createProxyState(options: AppOptions): ProxyState {
  const { logger } = options
  const baseUrl = new URL(options.hubspotBaseUrl)
  const store = options.store ?? createMemoryStore()
  const budget = store.rateBudget({ limit: options.rateLimitPer10s, ...options.budget })
  const client = createHubSpotClient({
    baseUrl,
    accessToken: options.accessToken,
    budget,
    logger,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.responseTimeoutMs ? { responseTimeoutMs: options.responseTimeoutMs } : {}),
  })
  // a replica waits for another's status fetch at most as long as one GET may take
  const statusFetchMs = (options.retry?.deadlineMs ?? DEFAULT_RETRY.deadlineMs) + 5_000
  return {
    options,
    logger,
    baseUrl,
    store,
    budget,
    client,
    importStatus: createImportStatusReader({
      store: store.statusStore({
        ttlMs: options.statusCacheMs ?? DEFAULT_STATUS_CACHE_MS,
        lockMs: statusFetchMs,
      }),
      fetch: (url, requestId) => client.get(url, requestId),
      maxWaitMs: statusFetchMs,
    }),
    idempotency: options.idempotency ?? store.idempotency(),
    uploadSlots: createUploadSlots({
      slots: options.maxConcurrentUploads ?? 3,
      maxQueue: options.uploadQueueLength ?? 100,
      queueTimeoutMs: options.uploadQueueTimeoutMs ?? 60_000,
    }),
    uploadLimits: {
      idleTimeoutMs: options.uploadIdleTimeoutMs ?? DEFAULT_UPLOAD_LIMITS.idleTimeoutMs,
      minBytesPerSecond: options.uploadMinBytesPerSecond ?? DEFAULT_UPLOAD_LIMITS.minBytesPerSecond,
      rateWindowMs: options.uploadRateWindowMs ?? DEFAULT_UPLOAD_LIMITS.rateWindowMs,
      deadlineMs: options.uploadDeadlineMs ?? DEFAULT_UPLOAD_LIMITS.deadlineMs,
    },
    shutdown: new AbortController(),
    origins: originPolicy(options.allowedHosts, options.publicOrigin),
    limits: { hubspotTimeZone: options.hubspotTimeZone ?? 'UTC' },
  }
}
