// The test control routes: off by default, never logged, reset, config, faults, tokens
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { hubSpotErrorBodySchema } from '#shared/hubspot/error-body.ts'
import { publicImportResponseSchema } from '#shared/hubspot/public-import-response.ts'
import type { Simulator } from './simulator.ts'
import {
  contactsCsv,
  control,
  getJson,
  hubspotClient,
  postImport,
  startSimulator,
  TOKEN,
  waitFor,
} from './test-support.ts'

async function createImport(simulator: Simulator): Promise<Response> {
  return postImport(simulator, {
    importRequest: JSON.stringify(contactsImportRequest()),
    files: [{ name: 'contacts.csv', content: contactsCsv(2) }],
  })
}

describe('control routes', () => {
  it('are 404 unless enabled', async () => {
    const simulator = await startSimulator()
    expect((await fetch(`${simulator.url}/__simulator/requests`)).status).toBe(404)
    expect((await control(simulator, '/reset')).status).toBe(404)
  })

  it('are never authenticated, rate-limited or logged', async () => {
    const simulator = await startSimulator({ control: true, rateLimit: 1 })
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${simulator.url}/__simulator/config`)).status).toBe(200)
    await getJson(simulator, '/crm/v3/imports?limit=5')
    const log = (await (await fetch(`${simulator.url}/__simulator/requests`)).json()) as {
      requests: {
        method: string
        path: string
        query: Record<string, string>
        status: number
        time: string
      }[]
    }
    expect(log.requests).toEqual([
      {
        method: 'GET',
        path: '/crm/v3/imports',
        query: { limit: '5' },
        status: 200,
        time: expect.any(String),
        durationMs: expect.any(Number),
      },
    ])
  })

  it('resets imports, CRM records, custom properties, faults, tokens and the log', async () => {
    const simulator = await startSimulator({ control: true })
    const created = publicImportResponseSchema.parse(await (await createImport(simulator)).json())
    await waitFor(
      async () =>
        ((await getJson(simulator, `/crm/v3/imports/${created.id}`)).body as { state: string })
          .state === 'DONE' || undefined,
    )
    await control(simulator, '/properties/contacts', {
      name: 'shoe_size',
      label: 'Shoe size',
      type: 'number',
      fieldType: 'number',
      groupName: 'contactinformation',
    })
    await control(simulator, '/tokens', { token: 'pat-extra', scopes: ['crm.import'] })
    await control(simulator, '/faults', { status: 503, count: 5 })

    expect((await control(simulator, '/reset')).status).toBe(200)
    expect(simulator.requests()).toEqual([])
    const imports = await getJson(simulator, '/crm/v3/imports')
    expect(imports.status).toBe(200)
    expect(imports.body).toEqual({ results: [] })
    expect((await getJson(simulator, '/crm/v3/objects/contacts')).body).toEqual({ results: [] })
    expect((await getJson(simulator, '/crm/v3/properties/contacts/shoe_size')).status).toBe(404)
    expect((await getJson(simulator, '/crm/v3/imports', 'pat-extra')).status).toBe(401)
  })

  it('adds a custom property and a token with chosen scopes', async () => {
    const simulator = await startSimulator({ control: true })
    const added = await control(simulator, '/properties/0-1', {
      name: 'loyalty_tier',
      label: 'Loyalty tier',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'contactinformation',
      options: [{ label: 'Gold', value: 'gold' }],
    })
    expect(added.status).toBe(201)
    const property = await hubspotClient(simulator).crm.properties.coreApi.getByName(
      'contacts',
      'loyalty_tier',
    )
    expect(property.options.map((o) => o.value)).toEqual(['gold'])

    await control(simulator, '/tokens', {
      token: 'pat-props',
      scopes: ['crm.schemas.contacts.read'],
    })
    expect((await getJson(simulator, '/crm/v3/properties/contacts', 'pat-props')).status).toBe(200)
    expect((await getJson(simulator, '/crm/v3/imports', 'pat-props')).status).toBe(403)
  })

  it('rejects a bad control body with a 400 that names the problem', async () => {
    const simulator = await startSimulator({ control: true })
    const response = await control(simulator, '/config', { rowsPerSecond: -1 })
    expect(response.status).toBe(400)
    expect(hubSpotErrorBodySchema.parse(await response.json()).message).toContain('rowsPerSecond')
    expect((await control(simulator, '/faults', { count: 2 })).status).toBe(400)
  })

  it('holds imports in STARTED while paused and starts them when unpaused', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/config', { paused: true })
    const created = publicImportResponseSchema.parse(await (await createImport(simulator)).json())
    // no wait: the scheduler's turn after a create (setImmediate) has run before its response
    // reaches us, and unpaused it would have moved the import on from STARTED already
    expect(
      ((await getJson(simulator, `/crm/v3/imports/${created.id}`)).body as { state: string }).state,
    ).toBe('STARTED')
    await control(simulator, '/config', { paused: false })
    await waitFor(
      async () =>
        ((await getJson(simulator, `/crm/v3/imports/${created.id}`)).body as { state: string })
          .state === 'DONE' || undefined,
    )
  })

  it('fails the next import on request, with a file-wide error', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/fail-next-import', { reason: 'Simulated outage' })
    const failed = publicImportResponseSchema.parse(await (await createImport(simulator)).json())
    const ok = publicImportResponseSchema.parse(await (await createImport(simulator)).json())
    const state = async (id: string) =>
      ((await getJson(simulator, `/crm/v3/imports/${id}`)).body as { state: string }).state
    await waitFor(async () => ((await state(failed.id)) === 'FAILED' ? true : undefined))
    await waitFor(async () => ((await state(ok.id)) === 'DONE' ? true : undefined))
    const errors = await hubspotClient(simulator).crm.imports.publicImportsApi.getErrors(
      Number(failed.id),
      undefined,
      10,
      true,
    )
    expect(errors.results).toEqual([
      expect.objectContaining({
        errorType: 'UNKNOWN_ERROR',
        errorMessage: 'Simulated outage',
        sourceData: expect.objectContaining({ lineNumber: 0 }),
      }),
    ])
  })
})

describe('fault injection', () => {
  it('answers the next matching requests with a 429 policy and Retry-After, then recovers', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/faults', {
      status: 429,
      retryAfter: '3',
      count: 2,
      method: 'GET',
      pathPrefix: '/crm/v3/imports',
    })
    expect((await getJson(simulator, '/crm/v3/properties/contacts')).status).toBe(200)
    const first = await getJson(simulator, '/crm/v3/imports')
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('3')
    expect(first.body).toMatchObject({
      policyName: 'TEN_SECONDLY_ROLLING',
      errorType: 'RATE_LIMIT',
    })
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(429)
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(200)
  })

  it('answers 423, 477 with Retry-After, and 502/503/504 as JSON or HTML', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/faults', { status: 423 })
    await control(simulator, '/faults', { status: 477 })
    await control(simulator, '/faults', { status: 502 })
    await control(simulator, '/faults', { status: 504, html: true })
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(423)
    const migrating = await getJson(simulator, '/crm/v3/imports')
    expect(migrating.status).toBe(477)
    expect(migrating.headers.get('retry-after')).toBe('60')
    const badGateway = await getJson(simulator, '/crm/v3/imports')
    expect(badGateway.status).toBe(502)
    expect(badGateway.body).toMatchObject({ status: 'error', correlationId: expect.any(String) })
    const html = await fetch(`${simulator.url}/crm/v3/imports`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    expect(html.status).toBe(504)
    expect(html.headers.get('content-type')).toContain('text/html')
  })

  it('a 429 fault on create leaves no import behind, and the official client does not retry it unasked', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/faults', { status: 429, method: 'POST' })
    const response = await createImport(simulator)
    expect(response.status).toBe(429)
    expect(simulator.state.scheduler.list()).toEqual([])
    expect(simulator.requests().map((r) => [r.method, r.status])).toEqual([['POST', 429]])
  })

  it('delays a response', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/faults', { delayMs: 300 })
    const started = Date.now()
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('drops the connection, and logs the request with status 0', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/faults', { drop: true })
    await expect(
      fetch(`${simulator.url}/crm/v3/imports`, { headers: { Authorization: `Bearer ${TOKEN}` } }),
    ).rejects.toThrow()
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(200)
    expect(simulator.requests().map((r) => r.status)).toEqual([0, 200])
  })

  it('resets the connection mid-upload after dropAfterBytes', async () => {
    const simulator = await startSimulator({ control: true })
    await control(simulator, '/faults', { drop: true, dropAfterBytes: 64 * 1024, method: 'POST' })
    const outcome = await new Promise<string>((resolve) => {
      const boundary = 'simulator-boundary'
      const req = request(`${simulator.url}/crm/v3/imports`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
        },
      })
      req.on('response', (res) => resolve(`status ${res.statusCode}`))
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="contacts.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      )
      const chunk = contactsCsv(1000)
      const pump = (left: number): void => {
        if (left === 0 || req.destroyed) {
          req.end()
          return
        }
        if (req.write(chunk)) setImmediate(() => pump(left - 1))
        else req.once('drain', () => pump(left - 1))
      }
      pump(200)
    })
    expect(outcome).toMatch(/ECONNRESET|EPIPE|socket hang up/)
    await waitFor(() => (simulator.requests().length === 1 ? true : undefined))
    expect(simulator.requests()[0]?.status).toBe(0)
    expect(simulator.state.scheduler.list()).toEqual([])
  })

  it.each([0, 12, 200])(
    'creates the import, then cuts its answer after %i bytes (dropAnswerAfterBytes)',
    async (bytes) => {
      const simulator = await startSimulator({ control: true })
      await control(simulator, '/faults', { dropAnswerAfterBytes: bytes, method: 'POST' })
      // the status line and headers may arrive; the whole answer never does
      await expect(createImport(simulator).then((r) => r.text())).rejects.toThrow()
      expect(simulator.state.scheduler.list()).toHaveLength(1)
      expect(simulator.requests().map((r) => r.status)).toEqual([0])
      // the fault is used up: the next create is answered in full
      expect((await createImport(simulator)).status).toBe(200)
    },
  )
})
