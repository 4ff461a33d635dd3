// The simulator's edge: authentication, scopes, rate limits and their headers
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { hubSpotErrorBodySchema } from '#shared/hubspot/error-body.ts'
import { contactsCsv, getJson, hubspotClient, postImport, startSimulator } from './test-support.ts'

describe('authentication and scopes', () => {
  it('answers a missing or unknown token with the real 401 body and headers', async () => {
    const simulator = await startSimulator()
    for (const token of [null, 'pat-na1-unknown']) {
      const response = await getJson(simulator, '/crm/v3/imports', token)
      expect(response.status).toBe(401)
      expect(response.headers.get('x-hubspot-auth-failure')).toBe('401 Unauthorized')
      expect(response.body).toEqual({
        status: 'error',
        message: expect.stringContaining('Authentication credentials not found'),
        correlationId: response.headers.get('x-hubspot-correlation-id'),
        category: 'INVALID_AUTHENTICATION',
      })
    }
    await expect(
      hubspotClient(simulator, 'wrong').crm.imports.coreApi.getPage(),
    ).rejects.toMatchObject({ code: 401 })
  })

  it('answers 403 MISSING_SCOPES with the required scopes per route', async () => {
    const simulator = await startSimulator({
      tokens: { 'pat-contacts-only': ['crm.objects.contacts.read'] },
    })

    const imports = await getJson(simulator, '/crm/v3/imports', 'pat-contacts-only')
    expect(imports.status).toBe(403)
    const body = hubSpotErrorBodySchema.parse(imports.body)
    expect(body.category).toBe('MISSING_SCOPES')
    expect(body.errors?.[0]?.context?.requiredScopes).toEqual(['crm.import'])

    const create = await postImport(
      simulator,
      {
        importRequest: JSON.stringify(contactsImportRequest()),
        files: [{ name: 'contacts.csv', content: contactsCsv(1) }],
      },
      '/crm/v3/imports',
      'pat-contacts-only',
    )
    expect(create.status).toBe(403)

    // an object read scope is enough for its properties, not for another object's
    expect(
      (await getJson(simulator, '/crm/v3/properties/contacts', 'pat-contacts-only')).status,
    ).toBe(200)
    const companies = await getJson(simulator, '/crm/v3/properties/companies', 'pat-contacts-only')
    expect(companies.status).toBe(403)
    expect(
      hubSpotErrorBodySchema.parse(companies.body).errors?.[0]?.context?.requiredScopes,
    ).toContain('crm.schemas.companies.read')
    expect((await getJson(simulator, '/crm/v3/objects/contacts', 'pat-contacts-only')).status).toBe(
      200,
    )
    expect((await getJson(simulator, '/crm/v3/objects/deals', 'pat-contacts-only')).status).toBe(
      403,
    )
  })

  it('uses the configured full-scope token', async () => {
    const simulator = await startSimulator({ token: 'pat-custom' })
    expect((await getJson(simulator, '/crm/v3/imports', 'pat-custom')).status).toBe(200)
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(401)
  })
})

describe('rate limits', () => {
  it('sends the rate-limit headers on every authenticated response', async () => {
    const simulator = await startSimulator({ rateLimit: 7 })
    const first = await getJson(simulator, '/crm/v3/imports')
    expect(
      Object.fromEntries(
        [...first.headers].filter(([name]) => name.startsWith('x-hubspot-ratelimit')),
      ),
    ).toEqual({
      'x-hubspot-ratelimit-max': '7',
      'x-hubspot-ratelimit-remaining': '6',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '250000',
      'x-hubspot-ratelimit-daily-remaining': '249999',
    })
    const notFound = await getJson(simulator, '/crm/v3/imports/123')
    expect(notFound.headers.get('x-hubspot-ratelimit-remaining')).toBe('5')
  })

  it('answers 429 TEN_SECONDLY_ROLLING past the window limit and lets requests through once it rolls', async () => {
    // the window rolls on the simulator's clock, moved by hand
    let clock = Date.parse('2026-03-02T12:00:00Z')
    const simulator = await startSimulator({
      rateLimit: 3,
      rateLimitIntervalMs: 1_500,
      now: () => new Date(clock),
    })
    const statuses = []
    for (let i = 0; i < 5; i++) statuses.push((await getJson(simulator, '/crm/v3/imports')).status)
    expect(statuses).toEqual([200, 200, 200, 429, 429])

    const limited = await getJson(simulator, '/crm/v3/imports')
    expect(limited.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      policyName: 'TEN_SECONDLY_ROLLING',
      requestId: expect.any(String),
    })
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0')

    clock += 1_499
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(429)
    clock += 1
    expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(200)
  })

  it.each([
    { other: 'pat-same-app', sharesWindow: true },
    { other: 'pat-other-app', sharesWindow: false },
  ])(
    'counts the window per app ($other), the daily counter per account',
    async ({ other, sharesWindow }) => {
      const simulator = await startSimulator({
        rateLimit: 1,
        dailyLimit: 2,
        tokens: {
          'pat-same-app': { scopes: ['crm.import'], appId: 1 },
          'pat-other-app': ['crm.import'],
        },
      })
      expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(200)
      expect((await getJson(simulator, '/crm/v3/imports')).status).toBe(429)
      const second = await getJson(simulator, '/crm/v3/imports', other)
      expect(second.status).toBe(sharesWindow ? 429 : 200)
      expect(second.body).toMatchObject(
        sharesWindow ? { policyName: 'TEN_SECONDLY_ROLLING' } : { results: [] },
      )
      if (!sharesWindow) {
        // the first app's request and this one used the account's 2 daily requests
        const third = await getJson(simulator, '/crm/v3/imports', 'pat-other-app')
        expect(third.body).toMatchObject({ policyName: 'DAILY' })
      }
    },
  )

  it('answers 429 DAILY once the account has used its daily requests', async () => {
    const simulator = await startSimulator({ dailyLimit: 2 })
    await getJson(simulator, '/crm/v3/imports')
    await getJson(simulator, '/crm/v3/imports')
    const limited = await getJson(simulator, '/crm/v3/imports')
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({
      policyName: 'DAILY',
      message: 'You have reached your daily limit.',
    })
    expect(limited.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0')
  })
})
