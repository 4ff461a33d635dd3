// The objects read API: what actually landed in the CRM
import { Hono } from 'hono'
import {
  defaultAssociationTypeId,
  findObjectType,
  type ObjectTypeInfo,
  type ObjectTypeName,
} from '#shared/hubspot/object-types.ts'
import { lastModifiedProperty } from './engine/properties-catalogue.ts'
import type { CrmAssociation, CrmObject } from './engine/types.ts'
import {
  hubspotJson,
  nextLink,
  pageLimit,
  queryFlag,
  queryList,
  type SimulatorContext,
  type SimulatorEnv,
} from './http.ts'
import { notFound } from './hubspot-errors.ts'
import { objectTypeOf } from './properties-routes.ts'
import type { SimulatorState } from './simulator-state.ts'
import { objectReadScopes } from './tokens.ts'

/** What HubSpot returns without a `properties` parameter (the objects API's default sets). */
const DEFAULT_PROPERTIES: Record<ObjectTypeName, readonly string[]> = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  deals: [
    'amount',
    'closedate',
    'createdate',
    'dealname',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_object_id',
    'pipeline',
  ],
  tickets: [
    'content',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_category',
    'hs_ticket_priority',
    'subject',
  ],
}

/**
 * A read-only slice of `/crm/v3/objects/{objectType}` so tests can see what an import wrote, in
 * the shape `@hubspot/api-client`'s `basicApi.getPage/getById` deserialise.
 */
export function objectsRoutes(state: SimulatorState): Hono<SimulatorEnv> {
  const app = new Hono<SimulatorEnv>({ strict: false })

  app.get('/:objectType', (c) => {
    const objectType = objectTypeOf(c, objectReadScopes)
    const limit = pageLimit(c)
    // nothing is ever archived here
    const page = queryFlag(c, 'archived')
      ? { results: [] }
      : state.store.list(objectType.objectTypeId, {
          after: c.req.query('after') || undefined,
          limit,
        })
    return hubspotJson(c, {
      results: page.results.map((o) => presentObject(c, objectType, o)),
      ...(page.nextAfter
        ? { paging: { next: { after: page.nextAfter, link: nextLink(c, page.nextAfter) } } }
        : {}),
    })
  })

  app.get('/:objectType/:objectId', (c) => {
    const objectType = objectTypeOf(c, objectReadScopes)
    const id = c.req.param('objectId')
    const idProperty = c.req.query('idProperty')
    const found = idProperty
      ? state.store.findByUnique(objectType.objectTypeId, idProperty, id)
      : state.store.get(objectType.objectTypeId, id)
    if (!found || queryFlag(c, 'archived')) {
      throw notFound('Object not found.  objectId are usually numeric.', { id: [id] })
    }
    return hubspotJson(c, presentObject(c, objectType, found))
  })

  return app
}

/**
 * HubSpot always adds hs_object_id, createdate and the last-modified property to the requested
 * ones, and answers `null` for a requested property without a value.
 */
function presentObject(c: SimulatorContext, objectType: ObjectTypeInfo, object: CrmObject) {
  const modified = lastModifiedProperty(objectType.objectTypeId)
  const requested = queryList(c, 'properties') ?? DEFAULT_PROPERTIES[objectType.name]
  const names = [...new Set([...requested, 'hs_object_id', 'createdate', modified])]
  const system: Record<string, string> = {
    hs_object_id: object.id,
    createdate: object.createdAt,
    [modified]: object.updatedAt,
  }
  const properties = Object.fromEntries(
    names.map((name) => [name, object.properties[name] ?? system[name] ?? null]),
  )
  const associations = presentAssociations(
    objectType,
    object.associations,
    queryList(c, 'associations'),
  )
  return {
    id: object.id,
    properties,
    createdAt: object.createdAt,
    updatedAt: object.updatedAt,
    archived: false,
    ...(associations ? { associations } : {}),
  }
}

/** `{ companies: { results: [{ id, type }] } }`, only for requested types that have associations (as HubSpot omits empty ones). */
function presentAssociations(
  from: ObjectTypeInfo,
  associations: CrmAssociation[],
  requested: string[] | undefined,
): Record<string, { results: { id: string; type: string }[] }> | undefined {
  if (!requested) return undefined
  const entries = requested.flatMap((name) => {
    const to = findObjectType(name)
    if (!to) return []
    const results = associations
      .filter((a) => a.toObjectTypeId === to.objectTypeId)
      .map((a) => ({ id: a.toObjectId, type: associationTypeName(from, to, a) }))
    return results.length > 0 ? [[to.name, { results }] as const] : []
  })
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** Pairs that also have a "primary" HubSpot-defined type; their plain default is then `…_unlabeled`. */
const PAIRS_WITH_PRIMARY = new Set([
  '0-1->0-2',
  '0-2->0-1',
  '0-3->0-2',
  '0-2->0-3',
  '0-2->0-5',
  '0-5->0-2',
])

/** v3's association `type` names: `contact_to_company` (primary), `contact_to_company_unlabeled` (279), a label's id otherwise. */
function associationTypeName(
  from: ObjectTypeInfo,
  to: ObjectTypeInfo,
  association: CrmAssociation,
): string {
  if (association.associationCategory !== 'HUBSPOT_DEFINED')
    return String(association.associationTypeId)
  const base = `${from.singular}_to_${to.singular}`
  const pair = `${from.objectTypeId}->${to.objectTypeId}`
  const unlabeled = defaultAssociationTypeId(from.objectTypeId, to.objectTypeId)
  return association.associationTypeId === unlabeled && PAIRS_WITH_PRIMARY.has(pair)
    ? `${base}_unlabeled`
    : base
}
