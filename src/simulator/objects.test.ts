// The objects read API: what an import wrote, paged, by property, with associations in HubSpot's shape
import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { Simulator } from './simulator.ts'
import { getJson, hubspotClient, postImport, startSimulator, waitFor } from './test-support.ts'

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
