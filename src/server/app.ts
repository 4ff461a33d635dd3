// The proxy's Hono app, composed: middleware, one app per resource, the page, the error handler
import { Hono } from 'hono'
import { API_VERSIONS, importsPath, propertiesPath } from '#shared/api-paths.ts'
import { configRoutes } from './config-routes.ts'
import { healthRoutes } from './health.ts'
import type { ProxyEnv } from './http.ts'
import { importCollectionRoutes, importsRoutes } from './imports/imports-routes.ts'
import { errorHandler, notFound } from './middleware/error-handler.ts'
import { apiHeaders, csrf, hostAndMethod } from './middleware/guards.ts'
import { requestContext } from './middleware/request-context.ts'
import { pageRoutes } from './page-routes.ts'
import { propertiesRoutes } from './properties/properties-routes.ts'
import { createProxyState, type AppOptions, type ProxyState } from './proxy-state.ts'
import { drainUploads } from './shutdown.ts'

export type { AppOptions } from './proxy-state.ts'

/** `/crm/v3/properties/x` less its last segment: where one version's properties routes mount */
const propertiesBase = (version: (typeof API_VERSIONS)[number]) =>
  propertiesPath(version, 'x').slice(0, -2)

/**
 * HubSpot's own import and properties paths, nothing else: each resource's app mounted per API
 * version, then 404 for the rest.
 */
function hubspotRoutes(state: ProxyState): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })
  for (const version of API_VERSIONS) {
    app.route(importsPath(version), importsRoutes(state, version))
    app.route(propertiesBase(version), propertiesRoutes(state, version))
  }
  // HubSpot's Node client sends its create (and list) to `/crm/v3/imports/`
  app.route(`${importsPath('v3')}/`, importCollectionRoutes(state, 'v3'))
  app.all('*', notFound('The proxy forwards only HubSpot imports and properties paths.'))
  return app
}

/** The API and the page, as mounted under the base path: guards first, then the routes. */
function underBasePath(state: ProxyState, basePath: string): Hono<ProxyEnv> {
  const { options } = state
  const app = new Hono<ProxyEnv>({ strict: true })
  app.use('/api/*', apiHeaders)
  app.use('/api/*', csrf(state.origins))
  app.route('/api', configRoutes(state))
  app.route('/api/hubspot', hubspotRoutes(state))
  app.all('/api/*', notFound('No such API route.'))
  app.route(
    '/',
    pageRoutes({
      clientDir: options.clientDir,
      frameAncestors: options.frameAncestors ?? ["'self'"],
      basePath,
    }),
  )
  return app
}

/**
 * The proxy: HubSpot's import and properties paths under /api/hubspot, the page's config, and
 * the built client. Everything stateful (rate budget, caches, idempotency keys) lives in this
 * instance (proxy-state.ts), so tests build as many as they like.
 */
export function createApp(options: AppOptions) {
  const state = createProxyState(options)
  const { logger, store, budget, client, uploadSlots } = state

  const app = new Hono<ProxyEnv>({ strict: true })
  app.use(requestContext(logger, options.trustIdentityHeader))
  // probes come before the Host check: a load balancer uses the replica's address
  app.route(
    '/',
    healthRoutes({
      upstream: state.baseUrl,
      ...(store.kind === 'redis' ? { store: () => store.check() } : {}),
    }),
  )
  // everything else lives under BASE_PATH; the probes above stay at the root for load balancers
  const basePath = options.basePath ?? ''
  app.use(hostAndMethod(state.origins, basePath))
  if (basePath) app.get(basePath, (c) => c.redirect(`${basePath}/`, 308))
  app.route(basePath || '/', underBasePath(state, basePath))

  app.notFound(notFound('Not found.'))
  app.onError(errorHandler(logger))

  return {
    app,
    /** ends uploads still arriving with a 503 and waits (bounded) for running creates */
    drain: (graceMs: number) =>
      drainUploads(state.shutdown, () => uploadSlots.stats().running, graceMs),
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
