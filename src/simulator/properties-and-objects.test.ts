// The properties and objects endpoints: catalogues, filters, records, associations
import { describe, expect, it } from 'vitest'
import { propertiesResponseSchema } from '#shared/hubspot/property.ts'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { Simulator } from './simulator.ts'
import {
  getJson,
  hubspotClient,
  postImport,
  startSimulator,
  TOKEN,
  waitFor,
} from './test-support.ts'

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

const contactsWithCompanies: ImportRequest = {
  name: 'Contacts and companies',
  files: [
    {
      fileName: 'people.csv',
      fileFormat: 'CSV',
      fileImportPage: {
        hasHeader: true,
        columnMappings: [
          { columnObjectTypeId: '0-1', columnName: 'Email', propertyName: 'email' },
          { columnObjectTypeId: '0-1', columnName: 'First Name', propertyName: 'firstname' },
          { columnObjectTypeId: '0-2', columnName: 'Company', propertyName: 'name' },
          { columnObjectTypeId: '0-2', columnName: 'Domain', propertyName: 'domain' },
        ],
      },
    },
  ],
}

async function importPeople(simulator: Simulator): Promise<void> {
  const csv = [
    'Email,First Name,Company,Domain',
    'ada@example.com,Ada,Analytical,analytical.com',
    'bob@example.com,,Builders,builders.com',
    'cy@example.com,Cy,Analytical,analytical.com',
  ].join('\n')
  const response = await postImport(simulator, {
    importRequest: JSON.stringify(contactsWithCompanies),
    files: [{ name: 'people.csv', content: csv }],
  })
  const { id } = (await response.json()) as { id: string }
  await waitFor(async () => {
    const { body } = await getJson(simulator, `/crm/v3/imports/${id}`)
    return (body as { state: string }).state === 'DONE' ? true : undefined
  })
}

describe('objects', () => {
  it('pages contacts with the default property set, as the official client reads them', async () => {
    const simulator = await startSimulator()
    await importPeople(simulator)
    const basic = hubspotClient(simulator).crm.contacts.basicApi

    const first = await basic.getPage(2)
    expect(first.results).toHaveLength(2)
    expect(Object.keys(first.results[0]?.properties ?? {}).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ])
    expect(first.results[0]).toMatchObject({
      archived: false,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    })
    expect(first.results[1]?.properties.firstname).toBeNull()

    const second = await basic.getPage(2, first.paging?.next?.after)
    expect(second.results.map((c) => c.properties.email)).toEqual(['cy@example.com'])
    expect(second.paging).toBeUndefined()
  })

  it('returns only the asked properties plus the system ones, and associations in HubSpot shape', async () => {
    const simulator = await startSimulator()
    await importPeople(simulator)
    const client = hubspotClient(simulator)
    const page = await client.crm.contacts.basicApi.getPage(10, undefined, ['email'], undefined, [
      'companies',
    ])
    const ada = page.results[0]
    expect(Object.keys(ada?.properties ?? {}).sort()).toEqual([
      'createdate',
      'email',
      'hs_object_id',
      'lastmodifieddate',
    ])
    const companies = ada?.associations?.companies?.results ?? []
    expect(companies).toHaveLength(1)
    expect(companies[0]?.type).toMatch(/^contact_to_company/)

    const company = await client.crm.companies.basicApi.getById(
      companies[0]?.id ?? '',
      ['name'],
      undefined,
      ['contacts'],
    )
    expect(company.properties.name).toBe('Analytical')
    expect(company.associations?.contacts?.results).toHaveLength(2)
  })

  it('gets one record by id or by a unique property, and 404s an unknown one', async () => {
    const simulator = await startSimulator()
    await importPeople(simulator)
    const basic = hubspotClient(simulator).crm.contacts.basicApi
    const byEmail = await basic.getById(
      'bob@example.com',
      ['email'],
      undefined,
      undefined,
      false,
      'email',
    )
    const byId = await basic.getById(byEmail.id)
    expect(byId.properties.email).toBe('bob@example.com')
    const missing = await getJson(simulator, '/crm/v3/objects/contacts/42')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { id: ['42'] } })
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
