// The proxy as one Hono app: middleware, the forwarded HubSpot routes, page config, the client
import { randomUUID } from 'node:crypto'
import type { HttpBindings } from '@hono/node-server'
import { Hono, type Context } from 'hono'
import {
  API_VERSIONS,
  cancelImportPath,
  importErrorsPath,
  importPath,
  importsPath,
  propertiesPath,
  type ApiVersion,
} from '#shared/api-paths.ts'
import { createImport, type CreateImportAudit } from './create-import.ts'
import {
  ProxyError,
  headerValue,
  upstreamErrorResponse,
  type RateLimitContext,
  type UpstreamResponse,
} from './errors.ts'
import { createHubSpotClient, DEFAULT_RETRY, type RetryPolicy } from './hubspot-client.ts'
import { healthRoutes } from './health.ts'
import type { IdempotencyRecords } from './idempotency.ts'
import { describeError, type Logger } from './logger.ts'
import { createImportStatusReader } from './import-status.ts'
import type { RateBudgetOptions } from './rate-budget.ts'
import { createMemoryStore, type SharedStore } from './store/shared-store.ts'
import { DEFAULT_UPLOAD_LIMITS, closeAfterAnswer, type UploadLimits } from './upload-lifecycle.ts'
import { createUploadSlots, type ReleaseSlot } from './upload-slots.ts'
import {
  upstreamUrl,
  validImportId,
  validObjectType,
  validQuery,
  type Operation,
} from './route-params.ts'
import {
  apiSecurityHeaders,
  checkCsrf,
  checkHost,
  originPolicy,
  pageSecurityHeaders,
} from './security.ts'
import { readPropertyCreate } from './property-create-body.ts'
import { drainUploads } from './shutdown.ts'
import { serveClient } from './static-files.ts'
import { DEFAULT_STATUS_CACHE_MS } from './status-cache.ts'

export interface AppOptions {
  hubspotBaseUrl: string
  accessToken: string
  mode: 'simulator' | 'hubspot'
  /** HubSpot's allowance per 10 s for this token (the plan's burst limit) */
  rateLimitPer10s: number
  logger: Logger
  frameAncestors?: readonly string[]
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

type Env = {
  Bindings: HttpBindings
  Variables: { requestId: string; user: string | undefined }
}

const PASSED_HEADERS =
  /^(content-type|retry-after|x-hubspot-ratelimit-.*|x-hubspot-correlation-id)$/i
const REQUEST_ID = /^[\w.:-]{1,128}$/
const API_METHODS = ['GET', 'POST']
const PAGE_METHODS = ['GET', 'HEAD']

/**
 * The proxy: HubSpot's own import and properties paths under /api/hubspot (nothing else is
 * forwarded), the page's config, and the built client. Everything stateful (rate budget, caches,
 * idempotency keys) lives in this instance, so tests build as many as they like.
 */
export function createApp(options: AppOptions) {
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
  const idempotency = options.idempotency ?? store.idempotency()
  // a replica waits for another's status fetch at most as long as one GET may take
  const statusFetchMs = (options.retry?.deadlineMs ?? DEFAULT_RETRY.deadlineMs) + 5_000
  const importStatus = createImportStatusReader({
    store: store.statusStore({
      ttlMs: options.statusCacheMs ?? DEFAULT_STATUS_CACHE_MS,
      lockMs: statusFetchMs,
    }),
    fetch: (url, requestId) => client.get(url, requestId),
    maxWaitMs: statusFetchMs,
  })
  const frameAncestors = options.frameAncestors ?? ["'self'"]
  const uploadSlots = createUploadSlots({
    slots: options.maxConcurrentUploads ?? 3,
    maxQueue: options.uploadQueueLength ?? 100,
    queueTimeoutMs: options.uploadQueueTimeoutMs ?? 60_000,
  })
  const shutdown = new AbortController()
  const uploadLimits: UploadLimits = {
    idleTimeoutMs: options.uploadIdleTimeoutMs ?? DEFAULT_UPLOAD_LIMITS.idleTimeoutMs,
    minBytesPerSecond: options.uploadMinBytesPerSecond ?? DEFAULT_UPLOAD_LIMITS.minBytesPerSecond,
    rateWindowMs: options.uploadRateWindowMs ?? DEFAULT_UPLOAD_LIMITS.rateWindowMs,
    deadlineMs: options.uploadDeadlineMs ?? DEFAULT_UPLOAD_LIMITS.deadlineMs,
  }
  const origins = originPolicy(options.allowedHosts, options.publicOrigin)
  const limits = { hubspotTimeZone: options.hubspotTimeZone ?? 'UTC' }
  const toResponse = (upstream: UpstreamResponse) => upstreamAnswer(upstream, limits)

  const app = new Hono<Env>({ strict: true })

  app.use(async (c, next) => {
    const started = performance.now()
    const inbound = c.req.header('x-request-id')
    const requestId = inbound && REQUEST_ID.test(inbound) ? inbound : randomUUID()
    c.set('requestId', requestId)
    const user = options.trustIdentityHeader ? c.req.header(options.trustIdentityHeader) : undefined
    c.set('user', user ? user.replace(/[^\x20-\x7e]/g, '').slice(0, 256) : undefined)
    await next()
    c.res.headers.set('x-request-id', requestId)
    // a load balancer probes every few seconds: not worth an info line each
    const level = c.req.path === '/healthz' || c.req.path === '/readyz' ? 'debug' : 'info'
    logger[level]('request', {
      requestId,
      method: c.req.method,
      path: c.req.path.slice(0, 512),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      ...(c.get('user') ? { user: c.get('user') } : {}),
    })
  })

  app.route(
    '/',
    healthRoutes({
      upstream: baseUrl,
      ...(store.kind === 'redis' ? { store: () => store.check() } : {}),
    }),
  )

  app.use('/api/*', async (c, next) => {
    await next()
    apiSecurityHeaders(c.res.headers)
  })
  app.use(async (c, next) => {
    checkHost(c.req.raw.headers, origins)
    // the API reads with GET and writes with POST; HEAD would turn into an upstream GET, TRACE
    // and the rest mean nothing here: 405 before any other check, so the answer names the method
    const allowed = /^\/api(\/|$)/.test(c.req.path) ? API_METHODS : PAGE_METHODS
    if (!allowed.includes(c.req.method)) {
      throw new ProxyError(
        405,
        'METHOD_NOT_ALLOWED',
        `${c.req.method.slice(0, 16)} is not allowed here.`,
        {},
        { Allow: allowed.join(', ') },
      )
    }
    await next()
  })
  app.use('/api/*', async (c, next) => {
    checkCsrf(c.req.method, c.req.raw.headers, origins)
    await next()
  })

  app.get('/api/config', (c) =>
    c.json({
      mode: options.mode,
      rateLimitPer10s: options.rateLimitPer10s,
      // the simulator's loopback URL helps a developer; a real portal's base URL is not the page's business
      ...(options.mode === 'simulator' ? { hubspotBaseUrl: baseUrl.origin } : {}),
    }),
  )
  app.get('/api/health', (c) => c.json({ status: 'ok' }))

  const hubspot = new Hono<Env>({ strict: true })

  const forward = async (
    c: Context<Env>,
    operation: Operation,
    path: string,
  ): Promise<Response> => {
    const query = validQuery(operation, new URL(c.req.url).searchParams)
    const url = upstreamUrl(baseUrl, path, query)
    const response = await client.get(url, c.get('requestId'))
    return toResponse(response)
  }

  for (const version of API_VERSIONS) {
    const base = importsPath(version)

    const create = async (c: Context<Env>) => {
      const { incoming, outgoing } = c.env
      // a browser that leaves while queued gives up its place
      const gone = new AbortController()
      const onClose = () =>
        gone.abort(new ProxyError(499, 'REQUEST_TIMEOUT', 'The browser disconnected while queued.'))
      outgoing.once('close', onClose)
      let release: ReleaseSlot
      try {
        release = await uploadSlots.acquire(gone.signal)
      } catch (error) {
        // the body was never read: answer, then close rather than read it all
        closeAfterAnswer(incoming, outgoing)
        throw error
      } finally {
        outgoing.off('close', onClose)
      }
      const audit: CreateImportAudit = { bytes: 0 }
      try {
        const result = await createImport(
          {
            incoming: c.env.incoming,
            outgoing: c.env.outgoing,
            upstreamUrl: upstreamUrl(baseUrl, importsPath(version)),
            requestId: c.get('requestId'),
            ...(c.get('user') ? { user: c.get('user') } : {}),
          },
          {
            client,
            logger,
            idempotency,
            limits,
            ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
            uploadLimits,
            ...(options.responseTimeoutMs ? { responseTimeoutMs: options.responseTimeoutMs } : {}),
            shutdown: shutdown.signal,
          },
          audit,
        )
        logger.info('audit', {
          action: 'import.create',
          requestId: c.get('requestId'),
          user: c.get('user') ?? null,
          status: result.status,
          ...audit,
        })
        return new Response(new Uint8Array(result.body), {
          status: result.status,
          headers: result.headers,
        })
      } finally {
        release()
      }
    }
    hubspot.post(base, create)
    if (version === 'v3') hubspot.post(`${base}/`, create)

    const list = (c: Context<Env>) => forward(c, 'listImports', importsPath(version))
    hubspot.get(base, list)
    if (version === 'v3') hubspot.get(`${base}/`, list)

    hubspot.get(`${base}/:importId`, async (c) => {
      const importId = validImportId(c.req.param('importId'))
      validQuery('getImport', new URL(c.req.url).searchParams)
      const url = upstreamUrl(baseUrl, importPath(version, importId))
      return toResponse(await importStatus.read(url, importId, c.get('requestId')))
    })

    hubspot.post(`${base}/:importId/cancel`, async (c) => {
      const importId = validImportId(c.req.param('importId'))
      validQuery('cancelImport', new URL(c.req.url).searchParams)
      const url = upstreamUrl(baseUrl, cancelImportPath(version, importId))
      const response = await client.post(url, undefined, c.get('requestId'))
      await importStatus.forgetImport(importId)
      logger.info('audit', {
        action: 'import.cancel',
        requestId: c.get('requestId'),
        user: c.get('user') ?? null,
        importId,
        status: response.status,
      })
      return toResponse(response)
    })

    hubspot.get(`${base}/:importId/errors`, (c) =>
      forward(
        c,
        'getImportErrors',
        importErrorsPath(version, validImportId(c.req.param('importId'))),
      ),
    )

    hubspot.get(`${propertiesPath(version, 'x').slice(0, -1)}:objectType`, (c) =>
      forward(
        c,
        'listProperties',
        propertiesPath(version, validObjectType(c.req.param('objectType'))),
      ),
    )

    // creating a property from the mapping step: only the creation body's fields go upstream
    hubspot.post(`${propertiesPath(version, 'x').slice(0, -1)}:objectType`, async (c) => {
      const objectType = validObjectType(c.req.param('objectType'))
      validQuery('createProperty', new URL(c.req.url).searchParams)
      const body = await readPropertyCreate(c.req.raw)
      const url = upstreamUrl(baseUrl, propertiesPath(version, objectType))
      const response = await client.post(url, body, c.get('requestId'))
      logger.info('audit', {
        action: 'property.create',
        requestId: c.get('requestId'),
        user: c.get('user') ?? null,
        objectType,
        status: response.status,
      })
      return toResponse(response)
    })
  }

  // known paths with another method: 405, so a client learns it is the method, not the path
  for (const version of API_VERSIONS) {
    const base = importsPath(version)
    for (const path of [
      base,
      `${base}/:importId`,
      `${base}/:importId/cancel`,
      `${base}/:importId/errors`,
      `${propertiesPath(version, 'x').slice(0, -1)}:objectType`,
    ]) {
      hubspot.all(path, () => {
        throw new ProxyError(405, 'METHOD_NOT_ALLOWED', 'This method is not allowed on this path.')
      })
    }
  }

  hubspot.all('*', () => {
    throw new ProxyError(
      404,
      'NOT_FOUND',
      'The proxy forwards only HubSpot imports and properties paths.',
    )
  })
  app.route('/api/hubspot', hubspot)

  app.all('/api/*', () => {
    throw new ProxyError(404, 'NOT_FOUND', 'No such API route.')
  })

  if (options.clientDir) {
    const clientDir = options.clientDir
    app.on(['GET', 'HEAD'], '*', async (c) => {
      const response = await serveClient(clientDir, c.req.path, c.req.method === 'HEAD')
      pageSecurityHeaders(response.headers, frameAncestors)
      return response
    })
  } else {
    app.get('/', (c) =>
      c.text(
        'API only (dev mode): open the Vite dev server for the page, e.g. http://127.0.0.1:5173',
      ),
    )
  }

  app.notFound(() => {
    throw new ProxyError(404, 'NOT_FOUND', 'Not found.')
  })

  app.onError((error, c) => {
    const requestId = c.get('requestId')
    const proxyError =
      error instanceof ProxyError
        ? error
        : new ProxyError(500, 'INTERNAL_ERROR', 'The proxy failed to handle this request.')
    if (!(error instanceof ProxyError))
      logger.error('unhandled error', { requestId, ...describeError(error) })
    const { status, body, headers } = proxyError.toResponse()
    return new Response(JSON.stringify({ ...body, requestId }), {
      status,
      headers: { ...headers, 'content-type': 'application/json' },
    })
  })

  return {
    app,
    /** ends uploads still arriving with a 503 and waits (bounded) for running creates */
    drain: (graceMs: number) => drainUploads(shutdown, () => uploadSlots.stats().running, graceMs),
    close() {
      budget.close()
      client.close()
    },
    stats: () => ({
      budget: budget.stats(),
      uploads: uploadSlots.stats().running,
      uploadQueue: uploadSlots.stats().queued,
    }),
  }
}

export type ProxyApp = ReturnType<typeof createApp>

/** An upstream answer for the browser: allow-listed headers only, errors in the one shape. */
function upstreamAnswer(upstream: UpstreamResponse, limits: RateLimitContext): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(upstream.headers)) {
    const one = headerValue(value)
    if (one !== undefined && PASSED_HEADERS.test(name)) headers.set(name, one)
  }
  const mapped = upstreamErrorResponse(upstream, limits)
  if (mapped) {
    for (const [name, value] of Object.entries(mapped.headers ?? {})) headers.set(name, value)
    headers.set('content-type', 'application/json')
    return new Response(JSON.stringify(mapped.body), { status: mapped.status, headers })
  }
  const empty = upstream.status === 204 || upstream.body.length === 0
  return new Response(empty ? null : new Uint8Array(upstream.body), {
    status: upstream.status,
    headers,
  })
}

export type { ApiVersion }
