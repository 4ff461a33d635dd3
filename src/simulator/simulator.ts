// Builds a HubSpot simulator: its state, the Hono app (edge, routes, errors) and the server on loopback
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import type * as z from 'zod'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import { controlRoutes } from './control-routes.ts'
import { CrmStore } from './engine/crm-store.ts'
import { processImport as engineProcessImport } from './engine/process-import.ts'
import { PropertyCatalogue } from './engine/properties-catalogue.ts'
import type { CrmStoreLike, PropertyCatalogueLike } from './engine/types.ts'
import { CONTROL_BASE, hubSpotEdge, requestLog } from './edge.ts'
import { createFaultQueue, faultSpecSchema } from './faults.ts'
import { hubspotJson, type SimulatorEnv } from './http.ts'
import { HubSpotError, newCorrelationId, notFound } from './hubspot-errors.ts'
import { createImportScheduler, type ProcessImport } from './import-scheduler.ts'
import { importsRoutes } from './imports-routes.ts'
import { objectsRoutes } from './objects-routes.ts'
import { propertiesRoutes } from './properties-routes.ts'
import { createRateLimiter } from './rate-limiter.ts'
import { createRequestLog, type LoggedRequest } from './request-log.ts'
import type { ImportLimits, SimulatorSettings, SimulatorState } from './simulator-state.ts'
import {
  createTokenRegistry,
  DEFAULT_APP_ID,
  DEFAULT_TOKEN,
  FULL_SCOPES,
  type TokenSpec,
} from './tokens.ts'

export interface SimulatorOptions extends Partial<SimulatorSettings> {
  /** 0 (the default) picks a free port */
  port?: number
  host?: string
  /** the full-scope token (default `pat-sim-local-token`) */
  token?: string
  /**
   * more tokens with chosen scopes, e.g. `{ 'pat-no-import': ['crm.objects.contacts.read'] }`, each
   * its own app; `{ scopes, appId }` puts one in a chosen app (the full-scope token is app 1)
   */
  tokens?: Record<string, TokenSpec>
  /** serve the `/__simulator/*` test control routes (off by default: 404) */
  control?: boolean
  /** HubSpot's file and concurrency limits, overridable so tests can hit them with small files */
  limits?: Partial<ImportLimits>
  /** parent directory for uploaded files (default the OS temp dir) */
  dataDir?: string
  catalogue?: PropertyCatalogueLike
  store?: CrmStoreLike
  processImport?: ProcessImport
  now?: () => Date
}

export interface Simulator {
  url: string
  port: number
  state: SimulatorState
  requests(): LoggedRequest[]
  configure(changes: Partial<SimulatorSettings>): void
  addFault(spec: z.input<typeof faultSpecSchema>): void
  reset(): Promise<void>
  close(): Promise<void>
}

/** The HubSpot paths served; both API versions share schemas, so they behave the same. */
const IMPORTS_BASES = ['/crm/v3/imports', '/crm/imports/2026-03']
const PROPERTIES_BASES = ['/crm/v3/properties', '/crm/properties/2026-03']
const OBJECTS_BASE = '/crm/v3/objects'

export const DEFAULT_SETTINGS: SimulatorSettings = {
  // slow enough to watch a few hundred rows move in the dashboard
  rowsPerSecond: 200,
  paused: false,
  holdProcessing: false,
  omitZeroCounters: false,
  rateLimit: 100,
  rateLimitIntervalMs: 10_000,
  dailyLimit: 250_000,
  responseDelayMs: 0,
}

/** Starts a HubSpot simulator on loopback; every instance has its own state, port and files. */
export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? (() => new Date())
  const initialSettings: SimulatorSettings = {
    rowsPerSecond: options.rowsPerSecond ?? DEFAULT_SETTINGS.rowsPerSecond,
    paused: options.paused ?? DEFAULT_SETTINGS.paused,
    holdProcessing: options.holdProcessing ?? DEFAULT_SETTINGS.holdProcessing,
    omitZeroCounters: options.omitZeroCounters ?? DEFAULT_SETTINGS.omitZeroCounters,
    rateLimit: options.rateLimit ?? DEFAULT_SETTINGS.rateLimit,
    rateLimitIntervalMs: options.rateLimitIntervalMs ?? DEFAULT_SETTINGS.rateLimitIntervalMs,
    dailyLimit: options.dailyLimit ?? DEFAULT_SETTINGS.dailyLimit,
    responseDelayMs: options.responseDelayMs ?? DEFAULT_SETTINGS.responseDelayMs,
  }
  const settings = { ...initialSettings }
  const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits }
  const catalogue = options.catalogue ?? new PropertyCatalogue()
  const store = options.store ?? new CrmStore({ catalogue })
  const dataDir = await mkdtemp(join(options.dataDir ?? tmpdir(), 'hubspot-simulator-'))
  let nextFileId = 184_642_347_001

  const scheduler = createImportScheduler({
    processImport: options.processImport ?? engineProcessImport,
    catalogue,
    store,
    limits,
    settings: () => settings,
    now,
  })

  const state: SimulatorState = {
    settings,
    limits,
    catalogue,
    store,
    scheduler,
    tokens: createTokenRegistry({
      [options.token ?? DEFAULT_TOKEN]: { scopes: FULL_SCOPES, appId: DEFAULT_APP_ID },
      ...options.tokens,
    }),
    rateLimiter: createRateLimiter(
      () => ({
        maxPerInterval: settings.rateLimit,
        intervalMs: settings.rateLimitIntervalMs,
        dailyLimit: settings.dailyLimit,
      }),
      () => now().getTime(),
    ),
    faults: createFaultQueue(),
    requestLog: createRequestLog(),
    dataDir,
    nextFileId: () => nextFileId++,
    configure(changes) {
      Object.assign(settings, changes)
      scheduler.wake()
    },
    async reset() {
      const cleared = await scheduler.clear()
      await Promise.allSettled(
        cleared.flatMap((r) => r.files.map((f) => rm(f.path, { force: true }))),
      )
      store.reset()
      catalogue.reset()
      state.faults.clear()
      state.requestLog.clear()
      state.rateLimiter.reset()
      state.tokens.reset()
      Object.assign(settings, initialSettings)
    },
  }

  const app = createApp(state, options.control ?? false)
  const server = await listen(app, options.port ?? 0, options.host ?? '127.0.0.1')
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    state,
    requests: () => state.requestLog.list(),
    configure: (changes) => state.configure(changes),
    addFault: (spec) => state.faults.add(faultSpecSchema.parse(spec)),
    reset: () => state.reset(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
      await scheduler.clear()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function listen(app: Hono<SimulatorEnv>, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname, overrideGlobalObjects: false }, () =>
      resolve(server),
    )
    server.once('error', reject)
  })
}

function createApp(state: SimulatorState, control: boolean): Hono<SimulatorEnv> {
  const app = new Hono<SimulatorEnv>({ strict: false })

  app.use('*', requestLog(state))
  app.use('*', hubSpotEdge(state))

  if (control) app.route(CONTROL_BASE, controlRoutes(state))
  for (const base of IMPORTS_BASES) app.route(base, importsRoutes(state))
  for (const base of PROPERTIES_BASES) app.route(base, propertiesRoutes(state))
  app.route(OBJECTS_BASE, objectsRoutes(state))

  // HubSpot answers some unknown paths with HTML; JSON here keeps a wrong path easy to diagnose
  app.notFound((c) => {
    const error = notFound(`No route for ${c.req.method} ${c.req.path}`)
    return hubspotJson(c, error.body(c.get('correlationId') ?? newCorrelationId()), 404)
  })

  app.onError((error, c) => {
    if (c.get('dropped')) return new Response(null, { headers: { 'x-hono-already-sent': '1' } })
    const known =
      error instanceof HubSpotError
        ? error
        : new HubSpotError(500, { message: 'internal error', category: 'INTERNAL_ERROR' })
    if (!(error instanceof HubSpotError)) console.error('simulator: unexpected error', error)
    const response = hubspotJson(
      c,
      known.body(c.get('correlationId') ?? newCorrelationId()),
      known.status,
    )
    for (const [name, value] of Object.entries(known.headers)) response.headers.set(name, value)
    return response
  })

  return app
}
