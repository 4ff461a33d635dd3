// The properties endpoints: catalogues by object, archived and sensitive filters, creating a property
import { describe, expect, it } from 'vitest'
import { propertiesResponseSchema } from '#shared/hubspot/property.ts'
import { getJson, hubspotClient, startSimulator, TOKEN } from './test-support.ts'

describe('properties', () => {
  it('lists properties with the official client, by name, singular or id', async () => {
    const simulator = await startSimulator()
    const client = hubspotClient(simulator)
    const contacts = await client.crm.properties.coreApi.getAll('contacts')
    const email = contacts.results.find((p) => p.name === 'email')
    expect(email).toMatchObject({
      type: 'string',
      fieldType: 'text',
      groupName: expect.any(String),
    })
    for (const objectType of ['contact', '0-1']) {
      const again = await getJson(simulator, `/crm/v3/properties/${objectType}`)
      expect(propertiesResponseSchema.parse(again.body).results.map((p) => p.name)).toEqual(
        contacts.results.map((p) => p.name),
      )
    }
    const companies = await client.crm.properties.coreApi.getAll('companies')
    expect(companies.results.map((p) => p.name)).toContain('domain')
  })

  it('honours archived, and serves one property and the 2026-03 path', async () => {
    const simulator = await startSimulator()
    const client = hubspotClient(simulator)
    const active = await client.crm.properties.coreApi.getAll('contacts', false)
    const archived = await client.crm.properties.coreApi.getAll('contacts', true)
    expect(archived.results.length).toBeGreaterThan(0)
    expect(archived.results.every((p) => p.archived)).toBe(true)
    expect(active.results.some((p) => p.archived)).toBe(false)

    const firstname = await client.crm.properties.coreApi.getByName('contacts', 'firstname')
    expect(firstname.name).toBe('firstname')

    const dated = await client.apiRequest({ method: 'GET', path: '/crm/properties/2026-03/0-1' })
    expect(propertiesResponseSchema.parse(await dated.json()).results.map((p) => p.name)).toEqual(
      active.results.map((p) => p.name),
    )
    const one = await client.apiRequest({
      method: 'GET',
      path: '/crm/properties/2026-03/contacts/email',
    })
    expect(one.status).toBe(200)
  })

  it('filters by dataSensitivity, non_sensitive by default', async () => {
    const simulator = await startSimulator()
    simulator.state.catalogue.add('0-1', {
      name: 'passport_number',
      label: 'Passport Number',
      type: 'string',
      fieldType: 'text',
      groupName: 'contactinformation',
      description: '',
      options: [],
      dataSensitivity: 'sensitive',
    })
    const names = async (query: string) =>
      propertiesResponseSchema
        .parse((await getJson(simulator, `/crm/v3/properties/contacts${query}`)).body)
        .results.map((p) => p.name)
    expect(await names('')).not.toContain('passport_number')
    expect(await names('?dataSensitivity=sensitive')).toEqual(['passport_number'])
    expect(
      (await getJson(simulator, '/crm/v3/properties/contacts?dataSensitivity=secret')).status,
    ).toBe(400)
  })

  it('answers an unknown object type or property with a 404 JSON error', async () => {
    const simulator = await startSimulator()
    const unknownType = await getJson(simulator, '/crm/v3/properties/spaceships')
    expect(unknownType.status).toBe(404)
    expect(unknownType.body).toMatchObject({
      status: 'error',
      message: 'Unable to infer object type from: spaceships',
      category: 'OBJECT_NOT_FOUND',
    })
    const unknownProperty = await getJson(simulator, '/crm/properties/2026-03/contacts/nope')
    expect(unknownProperty.status).toBe(404)
  })
})

describe('creating a property', () => {
  const leadSource = {
    name: 'lead_source',
    label: 'Lead Source',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'contactinformation',
    options: [
      { label: 'Web', value: 'web', hidden: false },
      { label: 'Fair', value: 'fair', hidden: false },
    ],
  }

  it('creates it with the official client on both paths, and lists it', async () => {
    const simulator = await startSimulator()
    const client = hubspotClient(simulator)
    const created = await client.crm.properties.coreApi.create('contacts', leadSource as never)
    expect(created).toMatchObject({
      name: 'lead_source',
      type: 'enumeration',
      hubspotDefined: false,
      options: [{ value: 'web' }, { value: 'fair' }],
    })
    const listed = await client.crm.properties.coreApi.getAll('contacts')
    expect(listed.results.map((p) => p.name)).toContain('lead_source')

    const dated = await client.apiRequest({
      method: 'POST',
      path: '/crm/properties/2026-03/companies',
      body: {
        ...leadSource,
        name: 'linkedin',
        label: 'LinkedIn',
        type: 'string',
        fieldType: 'text',
        options: [],
        groupName: 'companyinformation',
      },
    })
    expect(dated.status).toBe(201)
  })

  it.each([
    [
      'a name in use',
      { name: 'email' },
      409,
      'OBJECT_ALREADY_EXISTS',
      /Property named 'email' already exists/,
    ],
    [
      'a missing group',
      { groupName: undefined },
      400,
      'VALIDATION_ERROR',
      /required fields were not set: \[groupName\]/,
    ],
    [
      'a bad name',
      { name: 'Lead Source' },
      400,
      'VALIDATION_ERROR',
      /name 'Lead Source' is invalid/,
    ],
    [
      'a field type of another type',
      { type: 'string', fieldType: 'select', options: [] },
      400,
      'VALIDATION_ERROR',
      /Field type 'select'/,
    ],
    [
      'an unknown group',
      { groupName: 'nope' },
      400,
      'VALIDATION_ERROR',
      /group 'nope' does not exist/,
    ],
  ])('refuses %s with HubSpot’s error body', async (_, change, status, category, message) => {
    const simulator = await startSimulator()
    const response = await fetch(`${simulator.url}/crm/v3/properties/contacts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...leadSource, ...change }),
    })
    expect(response.status).toBe(status)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 'error', category, correlationId: expect.any(String) })
    expect(body.message).toMatch(message)
  })

  it('needs the schema write scope', async () => {
    const simulator = await startSimulator({
      tokens: { 'pat-read-only': ['crm.schemas.contacts.read'] },
    })
    const response = await fetch(`${simulator.url}/crm/v3/properties/contacts`, {
      method: 'POST',
      headers: { Authorization: 'Bearer pat-read-only', 'Content-Type': 'application/json' },
      body: JSON.stringify(leadSource),
    })
    expect(response.status).toBe(403)
  })
})
