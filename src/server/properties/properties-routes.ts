// The properties endpoints under /api/hubspot: an object's properties, and creating one
import { Hono } from 'hono'
import { propertiesPath, type ApiVersion } from '#shared/api-paths.ts'
import { auditLog, forwardGet, upstreamAnswer, type ProxyEnv } from '../http.ts'
import { methodNotAllowed } from '../middleware/guards.ts'
import type { ProxyState } from '../proxy-state.ts'
import {
  forwardedQuery,
  objectTypeParam,
  upstreamUrl,
  validParams,
  validQuery,
} from '../route-params.ts'
import { readPropertyCreate } from './property-create-body.ts'

/** The properties paths of one API version, mounted at its properties path. */
export function propertiesRoutes(state: ProxyState, version: ApiVersion): Hono<ProxyEnv> {
  const app = new Hono<ProxyEnv>({ strict: true })

  app.get('/:objectType', validParams(objectTypeParam), validQuery('listProperties'), (c) =>
    forwardGet(
      state,
      c,
      propertiesPath(version, c.req.valid('param').objectType),
      forwardedQuery(c.req.valid('query')),
    ),
  )

  // creating a property from the mapping step: only the creation body's fields go upstream
  app.post(
    '/:objectType',
    validParams(objectTypeParam),
    validQuery('createProperty'),
    async (c) => {
      const { objectType } = c.req.valid('param')
      const body = await readPropertyCreate(c.req.raw)
      const url = upstreamUrl(state.baseUrl, propertiesPath(version, objectType))
      const response = await state.client.post(url, body, c.get('requestId'))
      auditLog(c, state.logger, 'property.create', { objectType, status: response.status })
      return upstreamAnswer(response, state.limits)
    },
  )

  app.all('/:objectType', methodNotAllowed)
  return app
}
