// The imports endpoints end to end: create, states, list, cancel, errors, both versions
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { collectionResponseSchema } from '#shared/hubspot/paging.ts'
import { publicImportErrorSchema } from '#shared/hubspot/public-import-error.ts'
import {
  actionResponseSchema,
  publicImportResponseSchema,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'
import type { Simulator } from './simulator.ts'
import {
  contactsCsv,
  getJson,
  hubspotClient,
  postImport,
  startSimulator,
  TOKEN,
  waitFor,
} from './test-support.ts'

const importsPageSchema = collectionResponseSchema(publicImportResponseSchema)
const errorsPageSchema = collectionResponseSchema(publicImportErrorSchema)

async function createWithClient(
  simulator: Simulator,
  csv = contactsCsv(3),
  fileName = 'contacts.csv',
) {
  return hubspotClient(simulator).crm.imports.coreApi.create(
    { data: Buffer.from(csv), name: fileName },
    JSON.stringify(contactsImportRequest(fileName)),
  )
}

async function stateOf(simulator: Simulator, id: string): Promise<string> {
  return (await hubspotClient(simulator).crm.imports.coreApi.getById(Number(id))).state
}

async function untilState(simulator: Simulator, id: string, state: string): Promise<void> {
  await waitFor(async () => ((await stateOf(simulator, id)) === state ? true : undefined))
}

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

describe('bad create requests', () => {
  const valid = () => ({
    importRequest: JSON.stringify(contactsImportRequest()),
    files: [{ name: 'contacts.csv', content: contactsCsv(1) }],
  })

  it('answers unparsable JSON with the real "Unable to process JSON" body', async () => {
    const simulator = await startSimulator()
    for (const importRequest of ['{not json', undefined]) {
      const response = await postImport(simulator, { ...valid(), importRequest })
      expect(response.status).toBe(400)
      const body = (await response.json()) as Record<string, unknown>
      expect(body).toEqual({
        status: 'error',
        message: 'Unable to process JSON',
        correlationId: expect.any(String),
      })
      expect(response.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId)
    }
  })

  it('answers a request failing the schema with VALIDATION_ERROR details', async () => {
    const simulator = await startSimulator()
    const request = { ...contactsImportRequest(), importOperations: { '0-1': 'MERGE' } }
    const response = await postImport(simulator, {
      ...valid(),
      importRequest: JSON.stringify(request),
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { category: string; errors: { in: string }[] }
    expect(body.category).toBe('VALIDATION_ERROR')
    expect(body.errors.map((e) => e.in)).toContain('importOperations.0-1')
  })

  it('answers a missing file or a fileName that matches no file part with 400', async () => {
    const simulator = await startSimulator()
    const missing = await postImport(simulator, { importRequest: valid().importRequest })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      message: expect.stringContaining("'files'"),
    })

    const mismatch = await postImport(simulator, {
      ...valid(),
      files: [{ name: 'Contacts.CSV', content: contactsCsv(1) }],
    })
    expect(mismatch.status).toBe(400)
    expect(await mismatch.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { fileName: ['contacts.csv'], uploadedFileNames: ['Contacts.CSV'] },
    })
    expect(simulator.state.scheduler.list()).toEqual([])
  })

  it('answers 1,000 columns, or a workbook sent as fileFormat CSV, with 400', async () => {
    const simulator = await startSimulator()
    const header = Array.from({ length: 1000 }, (_, i) => `c${i}`).join(',')
    const wide = await postImport(simulator, {
      ...valid(),
      files: [{ name: 'contacts.csv', content: `${header}\n` }],
    })
    expect(wide.status).toBe(400)
    expect(await wide.json()).toMatchObject({ message: expect.stringContaining('1000 columns') })

    const request = contactsImportRequest('contacts.xlsx')
    const xlsx = await postImport(simulator, {
      importRequest: JSON.stringify(request),
      files: [
        { name: 'contacts.xlsx', content: new Blob([Buffer.from('PK\x03\x04rest', 'latin1')]) },
      ],
    })
    expect(xlsx.status).toBe(400)
    expect(await xlsx.json()).toMatchObject({ subCategory: 'ImportError.INVALID_FILE_TYPE' })
  })

  it('answers 429 for a file over the size or row limit, without a rate-limit policy', async () => {
    const simulator = await startSimulator({ limits: { maxFileBytes: 1_000, maxRows: 5 } })
    const big = await postImport(simulator, {
      ...valid(),
      files: [{ name: 'contacts.csv', content: 'x'.repeat(5_000) }],
    })
    expect(big.status).toBe(429)
    const bigBody = (await big.json()) as Record<string, unknown>
    expect(bigBody).toMatchObject({
      status: 'error',
      category: 'RATE_LIMITS',
      subCategory: 'ImportError.FILE_SIZE_LIMIT_EXCEEDED',
      // a cap below 1 MB is named as it is, not rounded down to "0 MB"
      message: '"contacts.csv" is larger than the import limit of 1000 bytes.',
    })
    expect(bigBody.policyName).toBeUndefined()

    const exactly = await postImport(simulator, {
      ...valid(),
      files: [{ name: 'contacts.csv', content: contactsCsv(5) }],
    })
    expect(exactly.status).toBe(200)
    const tooMany = await postImport(simulator, {
      ...valid(),
      files: [{ name: 'contacts.csv', content: contactsCsv(6) }],
    })
    expect(tooMany.status).toBe(429)
    expect(await tooMany.json()).toMatchObject({ subCategory: 'ImportError.ROW_LIMIT_EXCEEDED' })
  })
  it('answers the size 429 while the upload is still streaming, and stops reading it', async () => {
    const simulator = await startSimulator({ limits: { maxFileBytes: 1024 * 1024 } })
    const total = 100 * 1024 * 1024
    let sent = 0
    const status = await new Promise<number | string>((resolve) => {
      const boundary = 'early-answer'
      const req = request(`${simulator.url}/crm/v3/imports`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
        },
      })
      req.on('response', (res) => resolve(res.statusCode ?? 0))
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="contacts.csv"\r\n\r\n`,
      )
      const chunk = 'a,b,c\n'.repeat(10_000)
      const pump = (): void => {
        while (sent < total && !req.destroyed) {
          sent += chunk.length
          if (!req.write(chunk)) {
            req.once('drain', pump)
            return
          }
        }
        req.end()
      }
      pump()
    })
    expect(status).toBe(429)
    expect(sent).toBeLessThan(total / 2)
  })
})

describe('scheduling and cancel', () => {
  it('defers a 4th import while 3 are processing, then runs it when a slot frees', async () => {
    const simulator = await startSimulator({ holdProcessing: true })
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await createWithClient(simulator)).id)
    const [a, b, c, d] = ids as [string, string, string, string]
    await untilState(simulator, d, 'DEFERRED')
    expect(await Promise.all([a, b, c].map((id) => stateOf(simulator, id)))).toEqual([
      'PROCESSING',
      'PROCESSING',
      'PROCESSING',
    ])

    await hubspotClient(simulator).crm.imports.coreApi.cancel(Number(a))
    await untilState(simulator, d, 'PROCESSING')
    simulator.configure({ holdProcessing: false })
    for (const id of [b, c, d]) await untilState(simulator, id, 'DONE')
    expect(await stateOf(simulator, a)).toBe('CANCELED')
  })

  it('processes at most 2 large imports at once; a small one may pass a waiting large one', async () => {
    const simulator = await startSimulator({ holdProcessing: true, limits: { largeImportRows: 2 } })
    const large1 = (await createWithClient(simulator, contactsCsv(3))).id
    const large2 = (await createWithClient(simulator, contactsCsv(3, 10))).id
    const large3 = (await createWithClient(simulator, contactsCsv(3, 20))).id
    const small = (await createWithClient(simulator, contactsCsv(1, 30))).id
    await untilState(simulator, small, 'PROCESSING')
    expect(await stateOf(simulator, large1)).toBe('PROCESSING')
    expect(await stateOf(simulator, large2)).toBe('PROCESSING')
    expect(await stateOf(simulator, large3)).toBe('DEFERRED')

    simulator.configure({ holdProcessing: false })
    await untilState(simulator, large3, 'DONE')
  })

  it('cancels from STARTED, DEFERRED and PROCESSING with an ActionResponse', async () => {
    const simulator = await startSimulator({ paused: true })
    const client = hubspotClient(simulator)
    const started = (await createWithClient(simulator)).id
    const startedCancel = await client.crm.imports.coreApi.cancel(Number(started))
    expect(startedCancel.status).toBe('COMPLETE')
    expect(startedCancel.startedAt).toBeInstanceOf(Date)
    expect(startedCancel.completedAt).toBeInstanceOf(Date)
    expect(await stateOf(simulator, started)).toBe('CANCELED')

    simulator.configure({ paused: false, holdProcessing: true })
    const ids: string[] = []
    for (let i = 0; i < 4; i++) ids.push((await createWithClient(simulator)).id)
    await untilState(simulator, ids[3] as string, 'DEFERRED')
    const deferredCancel = await fetch(`${simulator.url}/crm/v3/imports/${ids[3]}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    expect(actionResponseSchema.parse(await deferredCancel.json()).status).toBe('COMPLETE')
    expect(await stateOf(simulator, ids[3] as string)).toBe('CANCELED')

    await client.crm.imports.coreApi.cancel(Number(ids[0]))
    expect(await stateOf(simulator, ids[0] as string)).toBe('CANCELED')
  })

  it('stops a running import at its next row when canceled and keeps it CANCELED', async () => {
    const simulator = await startSimulator({ rowsPerSecond: 20 })
    const created = await createWithClient(simulator, contactsCsv(200))
    await waitFor(async () => {
      const current = await hubspotClient(simulator).crm.imports.coreApi.getById(Number(created.id))
      return (current.metadata.counters.TOTAL_ROWS ?? 0) > 0 ? current : undefined
    })
    await hubspotClient(simulator).crm.imports.coreApi.cancel(Number(created.id))
    // once its engine has stopped nothing more can be written; an engine that ignored the cancel
    // would run on to all 200 rows first
    await simulator.state.scheduler.idle()
    const after = await hubspotClient(simulator).crm.imports.coreApi.getById(Number(created.id))
    expect(after.state).toBe('CANCELED')
    expect(simulator.state.store.list('0-1', { limit: 1000 }).results.length).toBeLessThan(200)
  })

  it('refuses to cancel a finished import with a 400 naming its state', async () => {
    const simulator = await startSimulator()
    const created = await createWithClient(simulator)
    await untilState(simulator, created.id, 'DONE')
    await expect(
      hubspotClient(simulator).crm.imports.coreApi.cancel(Number(created.id)),
    ).rejects.toMatchObject({
      code: 400,
      body: expect.objectContaining({ message: expect.stringContaining('is DONE') }),
    })
  })

  it('shows counters while processing', async () => {
    const simulator = await startSimulator({ rowsPerSecond: 50 })
    const created = await createWithClient(simulator, contactsCsv(100))
    const live: PublicImportResponse = await waitFor(async () => {
      const r = await getJson(simulator, `/crm/v3/imports/${created.id}`)
      const body = publicImportResponseSchema.parse(r.body)
      return body.state === 'PROCESSING' && (body.metadata.counters.TOTAL_ROWS ?? 0) > 0
        ? body
        : undefined
    })
    expect(live.metadata.counters.TOTAL_ROWS).toBeLessThan(100)
  })
})
