// The properties endpoints, in both versions
import { Hono } from 'hono'
import { findObjectType, type ObjectTypeInfo } from '#shared/hubspot/object-types.ts'
import {
  propertiesResponseSchema,
  propertySchema,
  type Property,
} from '#shared/hubspot/property.ts'
import {
  assertAnyScope,
  hubspotJson,
  queryFlag,
  type SimulatorContext,
  type SimulatorEnv,
} from './http.ts'
import { createProperty } from './create-property.ts'
import { notFound, validationError } from './hubspot-errors.ts'
import type { SimulatorState } from './simulator-state.ts'
import { propertyReadScopes, propertyWriteScopes } from './tokens.ts'

const DATA_SENSITIVITIES = ['non_sensitive', 'sensitive', 'highly_sensitive'] as const

/** `/crm/v3/properties` and `/crm/properties/2026-03` (same schema in both versions). */
export function propertiesRoutes(state: SimulatorState): Hono<SimulatorEnv> {
  const app = new Hono<SimulatorEnv>({ strict: false })

  app.get('/:objectType', (c) => {
    const objectType = objectTypeOf(c, propertyReadScopes)
    const sensitivity = dataSensitivityOf(c)
    const results = state.catalogue
      .list(objectType.objectTypeId, { archived: queryFlag(c, 'archived') })
      .filter((p) => (p.dataSensitivity ?? 'non_sensitive') === sensitivity)
    return hubspotJson(c, propertiesResponseSchema.parse({ results }))
  })

  app.get('/:objectType/:propertyName', (c) => {
    const objectType = objectTypeOf(c, propertyReadScopes)
    const name = c.req.param('propertyName')
    const property: Property | undefined = queryFlag(c, 'archived')
      ? state.catalogue
          .list(objectType.objectTypeId, { archived: true })
          .find((p) => p.name === name)
      : state.catalogue.get(objectType.objectTypeId, name)
    if (!property) {
      throw notFound(`Property ${name} does not exist for ${objectType.name}`, {
        propertyName: [name],
      })
    }
    return hubspotJson(c, propertySchema.parse(property))
  })

  app.post('/:objectType', async (c) => {
    const objectType = objectTypeOf(c, propertyWriteScopes)
    const body: unknown = await c.req.json().catch(() => undefined)
    const property = createProperty(state.catalogue, objectType.objectTypeId, body)
    return hubspotJson(c, propertySchema.parse(property), 201)
  })

  return app
}

/**
 * The path's object type by name, singular, legacy name or id (`contacts`, `contact`, `CONTACT`,
 * `0-1`), checked against the token's scopes. An unknown type is a 404 (the sources show no body;
 * the message is the one HubSpot's objects API uses).
 */
export function objectTypeOf(
  c: SimulatorContext,
  scopesFor: (o: ObjectTypeInfo) => string[],
): ObjectTypeInfo {
  const raw = c.req.param('objectType') ?? ''
  const objectType = findObjectType(raw)
  if (!objectType) throw notFound(`Unable to infer object type from: ${raw}`, { objectType: [raw] })
  assertAnyScope(c, scopesFor(objectType))
  return objectType
}

/** HubSpot's `dataSensitivity` filter: only the properties of that sensitivity; default non_sensitive. */
function dataSensitivityOf(c: SimulatorContext): (typeof DATA_SENSITIVITIES)[number] {
  const raw = c.req.query('dataSensitivity') ?? 'non_sensitive'
  const found = DATA_SENSITIVITIES.find((s) => s === raw)
  if (!found) {
    throw validationError(
      `dataSensitivity must be one of ${DATA_SENSITIVITIES.join(', ')}, got "${raw}"`,
    )
  }
  return found
}
