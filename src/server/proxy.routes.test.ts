// The proxy end to end against the simulator: its routes, the official client, path, query and upload checks
import { Client } from '@hubspot/api-client'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { API_VERSIONS, importsPath, propertiesPath } from '#shared/api-paths.ts'
import {
  REQUESTED_BY,
  SAMPLE_CSV,
  WITH_REQUESTED_BY,
  importForm,
  isCreate,
  useSimulatorAndProxy,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

async function create(version: (typeof API_VERSIONS)[number], path = importsPath(version)) {
  const response = await fetch(`${servers.proxy.api}${path}`, {
    method: 'POST',
    headers: REQUESTED_BY,
    body: importForm(),
  })
  return { response, body: (await response.json()) as { id: string; state: string } }
}

describe('routes', () => {
  it.each(API_VERSIONS)(
    'forwards every imports and properties route in the %s form',
    async (version) => {
      const { response: created, body } = await create(version)
      expect(created.status).toBe(200)
      expect(body.id).toMatch(/^\d+$/)
      const base = `${servers.proxy.api}${importsPath(version)}`

      const list = await fetch(`${base}?limit=10`)
      expect(list.status).toBe(200)
      expect(
        ((await list.json()) as { results: { id: string }[] }).results.map((r) => r.id),
      ).toContain(body.id)

      const one = await fetch(`${base}/${body.id}`)
      expect(one.status).toBe(200)
      expect(((await one.json()) as { id: string }).id).toBe(body.id)
      expect(one.headers.get('x-hubspot-correlation-id')).toBeTruthy()

      const errors = await fetch(
        `${base}/${body.id}/errors?includeErrorMessage=true&includeRowData=true&limit=50`,
      )
      expect(errors.status).toBe(200)
      expect(await errors.json()).toHaveProperty('results')

      const cancel = await fetch(`${base}/${body.id}/cancel`, {
        method: 'POST',
        headers: REQUESTED_BY,
      })
      expect([200, 400, 409]).toContain(cancel.status)

      const properties = await fetch(
        `${servers.proxy.api}${propertiesPath(version, 'contacts')}?archived=false`,
      )
      expect(properties.status).toBe(200)
      const names = ((await properties.json()) as { results: { name: string }[] }).results.map(
        (p) => p.name,
      )
      expect(names).toContain('email')

      const seen = (await servers.simulator.requests()).map((r) => `${r.method} ${r.path}`)
      expect(seen).toEqual([
        `POST ${importsPath(version)}`,
        `GET ${importsPath(version)}`,
        `GET ${importsPath(version)}/${body.id}`,
        `GET ${importsPath(version)}/${body.id}/errors`,
        `POST ${importsPath(version)}/${body.id}/cancel`,
        `GET ${propertiesPath(version, 'contacts')}`,
      ])
    },
  )

  it('accepts the v3 create with a trailing slash, and object type ids and singular names', async () => {
    const { response } = await create('v3', '/crm/v3/imports/')
    expect(response.status).toBe(200)
    for (const objectType of ['0-1', 'contact', 'companies']) {
      const properties = await fetch(`${servers.proxy.api}/crm/v3/properties/${objectType}`)
      expect(properties.status).toBe(200)
    }
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
  })

  it('serves the page config without the token', async () => {
    const response = await fetch(`${servers.proxy.url}/api/config`)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      mode: 'simulator',
      rateLimitPer10s: 100,
      hubspotBaseUrl: servers.simulator.url,
    })
    expect(text).not.toContain(servers.simulator.token)
  })
})

describe('the official HubSpot Node client pointed at the proxy', () => {
  it('creates, reads, lists, cancels, lists errors and reads properties', async () => {
    const hubspot = new Client({
      basePath: servers.proxy.api,
      // the proxy ignores the browser's Authorization; the client insists on sending one
      accessToken: 'not-the-real-token',
    })
    const request = contactsImportRequest('sdk.csv', ['email', 'firstname', 'lastname'])
    // the client sends the file before importRequest: the proxy spools it, then streams it on
    const created = await hubspot.crm.imports.coreApi.create(
      { data: Buffer.from(SAMPLE_CSV), name: 'sdk.csv' },
      JSON.stringify(request),
      WITH_REQUESTED_BY,
    )
    expect(created.id).toMatch(/^\d+$/)
    const id = Number(created.id)

    const one = await hubspot.crm.imports.coreApi.getById(id)
    expect(one.id).toBe(created.id)
    const page = await hubspot.crm.imports.coreApi.getPage(undefined, undefined, 10)
    expect(page.results.map((r) => r.id)).toContain(created.id)
    const errors = await hubspot.crm.imports.publicImportsApi.getErrors(
      id,
      undefined,
      10,
      true,
      true,
    )
    expect(Array.isArray(errors.results)).toBe(true)
    await hubspot.crm.imports.coreApi
      .cancel(id, WITH_REQUESTED_BY)
      .catch((error: { code?: number }) => {
        // a finished import cannot be cancelled; HubSpot's 4xx comes through as such
        expect(error.code).toBeGreaterThanOrEqual(400)
      })
    const properties = await hubspot.crm.properties.coreApi.getAll('contacts', false)
    expect(properties.results.some((p) => p.name === 'email')).toBe(true)

    const requests = await servers.simulator.requests()
    expect(requests.filter(isCreate)).toHaveLength(1)
    expect(requests.filter((r) => r.path.endsWith('/cancel'))).toHaveLength(1)
  })
})

describe('path and query validation', () => {
  it.each([
    ['/crm/v3/imports/..%2F..%2Fobjects', 400],
    ['/crm/v3/imports/%2e%2e%2F%2e%2e%2Fobjects%2Fcontacts', 400],
    ['/crm/v3/imports/%252e%252e', 400],
    ['/crm/v3/imports/12a', 400],
    ['/crm/v3/imports/1;x', 400],
    ['/crm/v3/imports/1234567890123456789012345', 400],
    ['/crm/v3/imports/12/errors/../../../objects', 404],
    ['/crm/v3/properties/..%2F..%2Fobjects%2Fcontacts', 400],
    ['/crm/v3/properties/contacts%3Farchived%3Dtrue', 400],
    ['/crm/v3/properties/widgets', 400],
    ['/crm/v3/properties/CONTACTS', 400],
    ['/crm/properties/2026-03/..%2Fcontacts', 400],
    ['/crm/v3/objects/contacts', 404],
    ['/crm/v3/objects/contacts/batch/archive', 404],
    ['//evil.example/crm/v3/imports', 404],
    ['/crm/v3/imports?after=1&hapikey=x', 400],
    ['/crm/v3/imports?limit=0', 400],
    ['/crm/v3/imports?limit=1&limit=2', 400],
    ['/crm/v3/properties/contacts?archived=maybe', 400],
  ])('refuses %s with %i and never reaches HubSpot', async (path, status) => {
    const response = await fetch(`${servers.proxy.api}${path}`)
    expect(response.status).toBe(status)
    const body = (await response.json()) as { status: string; message: string; category: string }
    expect(body.status).toBe('error')
    expect(body.message).toBeTruthy()
    expect(await servers.simulator.requests()).toEqual([])
  })

  it('answers 405 for another method on a known path', async () => {
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports/123`, {
      method: 'DELETE',
      headers: REQUESTED_BY,
    })
    expect(response.status).toBe(405)
    expect(await servers.simulator.requests()).toEqual([])
  })
})

describe('upload validation', () => {
  const post = (form: FormData) =>
    fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: form,
    })

  it('refuses a bad importRequest, a mismatched file name or column count before anything is sent', async () => {
    const cases: [FormData, RegExp][] = [
      [importForm(SAMPLE_CSV, 'contacts.csv', { name: 'x' }), /importRequest is invalid/],
      [
        importForm(
          SAMPLE_CSV,
          'other.csv',
          contactsImportRequest('contacts.csv', ['email', 'firstname', 'lastname']),
        ),
        /"other.csv" has no entry in importRequest.files \("contacts.csv"\)/,
      ],
      [importForm('email,firstname\nada@example.com,Ada\n'), /2 columns but importRequest maps 3/],
      [importForm('"email","first,name",lastname,x\n'), /4 columns but importRequest maps 3/],
    ]
    for (const [form, message] of cases) {
      const response = await post(form)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { message: string }).message).toMatch(message)
    }
    const notJson = new FormData()
    notJson.append('importRequest', '{nope')
    notJson.append('files', new Blob([SAMPLE_CSV]), 'contacts.csv')
    expect((await post(notJson)).status).toBe(400)
    expect(await servers.simulator.requests()).toEqual([])
  })

  it('counts columns of a header with a BOM and quoted commas and newlines', async () => {
    const csv = '\uFEFF"email","first\nname","last,name"\nada@example.com,Ada,Lovelace\n'
    const response = await post(
      importForm(
        csv,
        'bom.csv',
        contactsImportRequest('bom.csv', ['email', 'firstname', 'lastname']),
      ),
    )
    expect(response.status).toBe(200)
  })

  it('refuses a form that is not multipart', async () => {
    const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: { ...REQUESTED_BY, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(response.status).toBe(415)
  })
})
