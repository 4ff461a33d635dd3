// The imports endpoints through the official Node client: create, states, list, errors, both versions
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { collectionResponseSchema } from '#shared/hubspot/paging.ts'
import { publicImportErrorSchema } from '#shared/hubspot/public-import-error.ts'
import { publicImportResponseSchema } from '#shared/hubspot/public-import-response.ts'
import {
  contactsCsv,
  createWithClient,
  getJson,
  hubspotClient,
  postImport,
  startSimulator,
  untilState,
  waitFor,
} from './test-support.ts'

const importsPageSchema = collectionResponseSchema(publicImportResponseSchema)
const errorsPageSchema = collectionResponseSchema(publicImportErrorSchema)

describe('imports with the official Node client (v3)', () => {
  it('creates an import, answers STARTED, then reaches DONE with the rows in the CRM', async () => {
    const simulator = await startSimulator()
    const client = hubspotClient(simulator)

    const created = await createWithClient(simulator)
    expect(created.state).toBe('STARTED')
    expect(created.id).toMatch(/^\d+$/)
    expect(created.importSource).toBe('API')
    expect(created.importName).toBe('Contacts import')
    expect(created.optOutImport).toBe(false)
    expect(created.mappedObjectTypeIds).toEqual(['0-1'])
    expect(created.metadata.counters).toEqual({})
    expect(created.metadata.fileIds).toEqual([expect.stringMatching(/^\d+$/)])
    expect(created.metadata.objectLists).toEqual([])
    expect(created.importRequestJson).toEqual(contactsImportRequest())

    await untilState(simulator, created.id, 'DONE')
    const done = await client.crm.imports.coreApi.getById(Number(created.id))
    expect(done.metadata.counters).toMatchObject({ TOTAL_ROWS: 3, CREATED_OBJECTS: 3 })
    expect(done.updatedAt.getTime()).toBeGreaterThanOrEqual(done.createdAt.getTime())

    const contacts = await client.crm.contacts.basicApi.getPage(10, undefined, [
      'email',
      'firstname',
    ])
    expect(contacts.results.map((c) => c.properties.email)).toEqual([
      'person0@example.com',
      'person1@example.com',
      'person2@example.com',
    ])
  })

  it("omits zero-valued counters when configured, as HubSpot's examples do", async () => {
    const simulator = await startSimulator({ omitZeroCounters: true })
    const created = await createWithClient(simulator)
    await untilState(simulator, created.id, 'DONE')
    const done = await hubspotClient(simulator).crm.imports.coreApi.getById(Number(created.id))
    expect(done.metadata.counters.TOTAL_ROWS).toBe(3)
    expect(Object.values(done.metadata.counters)).not.toContain(0)
  })

  it('builds every response through the shared schema', async () => {
    const simulator = await startSimulator()
    const created = await createWithClient(simulator)
    await untilState(simulator, created.id, 'DONE')
    const one = await getJson(simulator, `/crm/v3/imports/${created.id}`)
    expect(publicImportResponseSchema.safeParse(one.body).success).toBe(true)
    expect(one.headers.get('content-type')).toBe('application/json;charset=utf-8')
    expect(one.headers.get('x-hubspot-correlation-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('lists imports newest first with forward paging, and ignores before', async () => {
    const simulator = await startSimulator({ paused: true })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await createWithClient(simulator)).id)
    const client = hubspotClient(simulator)

    const first = await client.crm.imports.coreApi.getPage(undefined, 'ignored', 2)
    expect(first.results.map((r) => r.id)).toEqual([ids[4], ids[3]])
    const after = first.paging?.next?.after
    expect(after).toBeDefined()
    expect(first.paging?.next?.link).toContain(`after=${after}`)

    const second = await client.crm.imports.coreApi.getPage(after, undefined, 2)
    expect(second.results.map((r) => r.id)).toEqual([ids[2], ids[1]])
    const third = await client.crm.imports.coreApi.getPage(second.paging?.next?.after, undefined, 2)
    expect(third.results.map((r) => r.id)).toEqual([ids[0]])
    expect(third.paging?.next).toBeUndefined()

    const raw = await getJson(simulator, '/crm/v3/imports?limit=10')
    expect(importsPageSchema.parse(raw.body).paging).toBeUndefined()
  })

  it('answers 404 with a JSON error for an unknown or non-numeric import id', async () => {
    const simulator = await startSimulator()
    for (const id of ['999', 'abc']) {
      const response = await getJson(simulator, `/crm/v3/imports/${id}`)
      expect(response.status).toBe(404)
      expect(response.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' })
    }
    await expect(hubspotClient(simulator).crm.imports.coreApi.getById(999)).rejects.toMatchObject({
      code: 404,
    })
  })

  it('serves row errors with forward paging; message and row data only when asked', async () => {
    const simulator = await startSimulator()
    const csv =
      'Email,First Name,Last Name\nnot-an-email,A,B\nalso-bad,C,D\nthird-bad,E,F\nok@example.com,G,H\n'
    const created = await createWithClient(simulator, csv)
    await untilState(simulator, created.id, 'DONE')
    const errorsApi = hubspotClient(simulator).crm.imports.publicImportsApi

    const bare = await errorsApi.getErrors(Number(created.id), undefined, 2, false, false)
    expect(bare.results).toHaveLength(2)
    expect(bare.results[0]?.errorType).toBe('INVALID_EMAIL')
    expect(bare.results[0]?.errorMessage).toBeUndefined()
    expect(bare.results[0]?.sourceData.rowData).toEqual([])
    expect(bare.paging?.next?.after).toBeDefined()

    const rest = await errorsApi.getErrors(
      Number(created.id),
      bare.paging?.next?.after,
      2,
      true,
      true,
    )
    expect(rest.results).toHaveLength(1)
    expect(rest.results[0]?.errorMessage).toEqual(expect.any(String))
    expect(rest.results[0]?.sourceData.rowData).toEqual(['third-bad', 'E', 'F'])
    expect(rest.results[0]?.sourceData.lineNumber).toBe(4)
    expect(rest.paging?.next).toBeUndefined()

    const raw = await getJson(
      simulator,
      `/crm/v3/imports/${created.id}/errors?includeErrorMessage=true&includeRowData=true`,
    )
    expect(errorsPageSchema.parse(raw.body).results).toHaveLength(3)
  })

  it('runs the same flow on the 2026-03 paths', async () => {
    const simulator = await startSimulator()
    const response = await postImport(
      simulator,
      {
        importRequest: JSON.stringify(contactsImportRequest()),
        files: [{ name: 'contacts.csv', content: contactsCsv(2) }],
      },
      '/crm/imports/2026-03',
    )
    expect(response.status).toBe(200)
    const created = publicImportResponseSchema.parse(await response.json())
    expect(created.state).toBe('STARTED')

    const client = hubspotClient(simulator)
    const done = await waitFor(async () => {
      const r = await client.apiRequest({
        method: 'GET',
        path: `/crm/imports/2026-03/${created.id}`,
      })
      const body = publicImportResponseSchema.parse(await r.json())
      return body.state === 'DONE' ? body : undefined
    })
    expect(done.metadata.counters.TOTAL_ROWS).toBe(2)

    const list = await client.apiRequest({ method: 'GET', path: '/crm/imports/2026-03' })
    expect(importsPageSchema.parse(await list.json()).results.map((r) => r.id)).toEqual([
      created.id,
    ])
    const errors = await client.apiRequest({
      method: 'GET',
      path: `/crm/imports/2026-03/${created.id}/errors`,
    })
    expect(errorsPageSchema.parse(await errors.json()).results).toEqual([])

    const cancel = await client.apiRequest({
      method: 'POST',
      path: `/crm/imports/2026-03/${created.id}/cancel`,
    })
    expect(cancel.status).toBe(400)
  })

  it('accepts the legacy mapping spelling and an importRequest part without a JSON content type', async () => {
    const simulator = await startSimulator()
    const legacy = {
      name: 'Legacy',
      files: [
        {
          fileName: 'legacy.csv',
          fileImportPage: {
            hasHeader: true,
            columnMappings: [
              {
                ignored: false,
                columnName: 'Email',
                idColumnType: 'HUBSPOT_ALTERNATE_ID',
                propertyName: 'email',
                foreignKeyType: null,
                columnObjectType: 'CONTACT',
                associationIdentifierColumn: false,
              },
              {
                ignored: true,
                columnName: 'Notes',
                propertyName: null,
                columnObjectType: 'CONTACT',
              },
            ],
          },
        },
      ],
    }
    const response = await postImport(simulator, {
      importRequest: JSON.stringify(legacy),
      files: [{ name: 'legacy.csv', content: 'Email,Notes\nlegacy@example.com,hi\n' }],
    })
    expect(response.status).toBe(200)
    const created = publicImportResponseSchema.parse(await response.json())
    expect(created.mappedObjectTypeIds).toEqual(['0-1'])
    await untilState(simulator, created.id, 'DONE')
  })

  it('fails the import (not the request) when the header does not match the mappings', async () => {
    const simulator = await startSimulator()
    const created = await createWithClient(simulator, 'Email,First Name\na@example.com,A\n')
    expect(created.state).toBe('STARTED')
    await untilState(simulator, created.id, 'FAILED')
    const errors = await hubspotClient(simulator).crm.imports.publicImportsApi.getErrors(
      Number(created.id),
    )
    expect(errors.results[0]?.errorType).toBe('INCORRECT_NUMBER_OF_COLUMNS')
  })
})
