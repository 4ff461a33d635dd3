// The imports endpoints under /api/hubspot: create, list, one import's status, its errors, cancel
import { Hono } from 'hono'
import {
  cancelImportPath,
  importErrorsPath,
  importPath,
  importsPath,
  type ApiVersion,
} from '#shared/api-paths.ts'
import { auditLog, forwardGet, upstreamAnswer, type ProxyEnv } from '../http.ts'
import { methodNotAllowed } from '../middleware/guards.ts'
import type { ProxyState } from '../proxy-state.ts'
import {
  forwardedQuery,
  importIdParam,
  upstreamUrl,
  validParams,
  validQuery,
} from '../route-params.ts'
import { createImportRoutes } from './create/create-route.ts'

/** Create and list: the collection itself (also mounted at `/crm/v3/imports/`, see app.ts). */
export function importCollectionRoutes(state: ProxyState, version: ApiVersion): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })
  app.route('/', createImportRoutes(state, version))
  app.get('/', validQuery('listImports'), (c) =>
    forwardGet(state, c, importsPath(version), forwardedQuery(c.req.valid('query'))),
  )
  return app
}

/** Every imports path of one API version, mounted at its imports path. */
export function importsRoutes(state: ProxyState, version: ApiVersion): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })
  app.route('/', importCollectionRoutes(state, version))

  // one import's status goes through the status cache: many pollers, one upstream call
  app.get('/:importId', validParams(importIdParam), validQuery('getImport'), async (c) => {
    const { importId } = c.req.valid('param')
    const url = upstreamUrl(state.baseUrl, importPath(version, importId))
    const status = await state.importStatus.read(url, importId, c.get('requestId'))
    return upstreamAnswer(status, state.limits)
  })

  app.post(
    '/:importId/cancel',
    validParams(importIdParam),
    validQuery('cancelImport'),
    async (c) => {
      const { importId } = c.req.valid('param')
      const url = upstreamUrl(state.baseUrl, cancelImportPath(version, importId))
      const response = await state.client.post(url, undefined, c.get('requestId'))
      await state.importStatus.forgetImport(importId)
      auditLog(c, state.logger, 'import.cancel', { importId, status: response.status })
      return upstreamAnswer(response, state.limits)
    },
  )

  app.get('/:importId/errors', validParams(importIdParam), validQuery('getImportErrors'), (c) =>
    forwardGet(
      state,
      c,
      importErrorsPath(version, c.req.valid('param').importId),
      forwardedQuery(c.req.valid('query')),
    ),
  )

  for (const path of ['/', '/:importId', '/:importId/cancel', '/:importId/errors']) {
    app.all(path, methodNotAllowed)
  }
  return app
}
