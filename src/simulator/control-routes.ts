// The simulator's test-only control routes under /__simulator
import { Hono } from 'hono'
import * as z from 'zod'
import { findObjectType } from '#shared/hubspot/object-types.ts'
import { propertySchema } from '#shared/hubspot/property.ts'
import { faultSpecSchema } from './faults.ts'
import type { SimulatorContext, SimulatorEnv } from './http.ts'
import { notFound, validationError } from './hubspot-errors.ts'
import type { SimulatorState } from './simulator-state.ts'

const configSchema = z.strictObject({
  rowsPerSecond: z.number().min(0).optional(),
  paused: z.boolean().optional(),
  holdProcessing: z.boolean().optional(),
  omitZeroCounters: z.boolean().optional(),
  rateLimit: z.number().int().min(1).optional(),
  rateLimitIntervalMs: z.number().int().min(1).optional(),
  dailyLimit: z.number().int().min(1).optional(),
  responseDelayMs: z.number().int().min(0).max(60_000).optional(),
})

const tokenSchema = z.strictObject({
  token: z.string().min(1),
  scopes: z.array(z.string().min(1)),
  /** the app the token belongs to (the full-scope token is app 1); default a new app */
  appId: z.number().int().min(1).optional(),
})

const failNextImportSchema = z.strictObject({
  reason: z.string().min(1).default('The simulator was told to fail this import.'),
  count: z.number().int().min(1).default(1),
})

/**
 * Test-only routes under `/__simulator`, apart from HubSpot's paths: never authenticated,
 * rate-limited or logged, and only mounted when the simulator runs with `control: true`.
 */
export function controlRoutes(state: SimulatorState): Hono<SimulatorEnv> {
  const app = new Hono<SimulatorEnv>({ strict: false })

  app.post('/reset', async (c) => {
    await state.reset()
    return c.json({ ok: true })
  })

  app.get('/config', (c) => c.json(state.settings))
  app.post('/config', async (c) => {
    state.configure(await body(c, configSchema))
    return c.json(state.settings)
  })

  app.post('/properties/:objectType', async (c) => {
    const objectType = findObjectType(c.req.param('objectType'))
    if (!objectType) throw notFound(`Unknown object type ${c.req.param('objectType')}`)
    const property = await body(c, propertySchema)
    state.catalogue.add(objectType.objectTypeId, property)
    return c.json(property, 201)
  })

  app.post('/tokens', async (c) => {
    const { token, scopes, appId } = await body(c, tokenSchema)
    const grant = state.tokens.add(token, scopes, appId)
    return c.json({ token, ...grant }, 201)
  })

  app.get('/faults', (c) => c.json({ faults: state.faults.list() }))
  app.post('/faults', async (c) => {
    const fault = await body(c, faultSpecSchema)
    state.faults.add(fault)
    return c.json(fault, 201)
  })
  app.delete('/faults', (c) => {
    state.faults.clear()
    return c.json({ ok: true })
  })

  app.post('/fail-next-import', async (c) => {
    const { reason, count } = await body(c, failNextImportSchema)
    for (let i = 0; i < count; i++) state.scheduler.failNext(reason)
    return c.json({ reason, count })
  })

  app.get('/requests', (c) => c.json({ requests: state.requestLog.list() }))
  app.delete('/requests', (c) => {
    state.requestLog.clear()
    return c.json({ ok: true })
  })

  /** For the memory check: the simulator's own RSS, now and at its peak. */
  app.get('/stats', (c) => {
    const memory = process.memoryUsage()
    return c.json({
      rssBytes: memory.rss,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      heapUsedBytes: memory.heapUsed,
      imports: state.scheduler.list().length,
    })
  })

  return app
}

/** A JSON body (empty counts as `{}`) parsed with `schema`; a bad one is a 400 naming the fields. */
async function body<T extends z.ZodType>(c: SimulatorContext, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text()
  let json: unknown = {}
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      throw validationError('The body is not JSON.')
    }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw validationError(`Invalid body: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}
