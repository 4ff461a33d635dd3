// Two-file imports through the proxy: both parts streamed, CSV with xlsx, the Node client's order
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Client } from '@hubspot/api-client'
import { describe, expect, it } from 'vitest'
import type { ColumnMapping, ImportRequest } from '#shared/hubspot/import-request.ts'
import { sheetBytes } from '#shared/spreadsheet/test-workbooks.ts'
import {
  REQUESTED_BY,
  isCreate,
  startTestProxy,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

const CONTACTS_CSV = 'First Name,Email\nAnn,ann@example.com\nBea,bea@example.com\n'
const COMPANIES_CSV =
  'Company,Domain,Email\nAcme,acme.com,ann@example.com\nAcme,acme.com,bea@example.com\n'

function twoFileRequest(
  companiesName = 'companies.csv',
  companiesFormat: 'CSV' | 'SPREADSHEET' = 'CSV',
): ImportRequest {
  const company = (columnName: string, propertyName: string): ColumnMapping => ({
    columnObjectTypeId: '0-2',
    columnName,
    propertyName,
  })
  return {
    name: 'Contacts and companies',
    files: [
      {
        fileName: 'contacts.csv',
        fileFormat: 'CSV',
        fileImportPage: {
          hasHeader: true,
          columnMappings: [
            { columnObjectTypeId: '0-1', columnName: 'First Name', propertyName: 'firstname' },
            {
              columnObjectTypeId: '0-1',
              columnName: 'Email',
              propertyName: 'email',
              associationIdentifierColumn: true,
            },
          ],
        },
      },
      {
        fileName: companiesName,
        fileFormat: companiesFormat,
        fileImportPage: {
          hasHeader: true,
          columnMappings: [
            company('Company', 'name'),
            company('Domain', 'domain'),
            {
              columnObjectTypeId: '0-2',
              toColumnObjectTypeId: '0-1',
              columnName: 'Email',
              propertyName: null,
              foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
            },
          ],
        },
      },
    ],
  }
}

function twoFileForm(
  files: { name: string; content: string | Uint8Array }[] = [
    { name: 'contacts.csv', content: CONTACTS_CSV },
    { name: 'companies.csv', content: COMPANIES_CSV },
  ],
  request: unknown = twoFileRequest(),
): FormData {
  const form = new FormData()
  form.append('importRequest', JSON.stringify(request))
  for (const file of files) {
    const bytes = typeof file.content === 'string' ? file.content : Buffer.from(file.content)
    form.append('files', new Blob([bytes]), file.name)
  }
  return form
}

async function create(form: FormData) {
  const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
    method: 'POST',
    headers: REQUESTED_BY,
    body: form,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Reads from the simulator itself: what HubSpot holds, not what the proxy says. */
async function fromHubSpot(path: string): Promise<unknown> {
  const response = await fetch(`${servers.simulator.url}${path}`, {
    headers: { authorization: `Bearer ${servers.simulator.token}` },
  })
  return response.json()
}

async function untilDone(id: string): Promise<Record<string, number>> {
  const finished = await waitFor(async () => {
    const found = (await fromHubSpot(`/crm/v3/imports/${id}`)) as {
      state: string
      metadata: { counters: Record<string, number> }
    }
    return found.state === 'DONE' || found.state === 'FAILED' ? found : undefined
  })
  return finished.metadata.counters
}

/** Each company's domain with its contacts' ids, and each contact's email with its companies'. */
async function associations() {
  const companies = (await fromHubSpot(
    '/crm/v3/objects/companies?properties=domain&associations=contacts',
  )) as {
    results: {
      id: string
      properties: { domain: string }
      associations?: { contacts: { results: { id: string }[] } }
    }[]
  }
  const contacts = (await fromHubSpot(
    '/crm/v3/objects/contacts?properties=email&associations=companies',
  )) as {
    results: {
      id: string
      properties: { email: string }
      associations?: { companies: { results: { id: string }[] } }
    }[]
  }
  const emailOf = new Map(contacts.results.map((c) => [c.id, c.properties.email]))
  const domainOf = new Map(companies.results.map((c) => [c.id, c.properties.domain]))
  return {
    companies: companies.results.map((c) => [
      c.properties.domain,
      (c.associations?.contacts.results ?? []).map((a) => emailOf.get(a.id)),
    ]),
    contacts: contacts.results.map((c) => [
      c.properties.email,
      (c.associations?.companies.results ?? []).map((a) => domainOf.get(a.id)),
    ]),
  }
}

describe('a two-file import through the proxy', () => {
  it('streams both file parts to HubSpot, which writes both objects and associates them once', async () => {
    const { status, body } = await create(twoFileForm())
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.metadata).toMatchObject({ fileIds: [expect.any(String), expect.any(String)] })
    expect(await untilDone(String(body.id))).toMatchObject({
      TOTAL_ROWS: 4,
      CREATED_OBJECTS: 3,
      ASSOCIATIONS_CREATED: 2,
      ERRORS: 0,
    })
    expect(await associations()).toEqual({
      companies: [['acme.com', ['ann@example.com', 'bea@example.com']]],
      contacts: [
        ['ann@example.com', ['acme.com']],
        ['bea@example.com', ['acme.com']],
      ],
    })
    expect((await servers.simulator.requests()).filter(isCreate)).toHaveLength(1)
  })

  it('takes a CSV and an .xlsx workbook in one import', async () => {
    const workbook = await sheetBytes([
      ['Company', 'Domain', 'Email'],
      ['Acme', 'acme.com', 'ann@example.com'],
    ])
    const { status, body } = await create(
      twoFileForm(
        [
          { name: 'contacts.csv', content: CONTACTS_CSV },
          { name: 'companies.xlsx', content: workbook },
        ],
        twoFileRequest('companies.xlsx', 'SPREADSHEET'),
      ),
    )
    expect(status, JSON.stringify(body)).toBe(200)
    expect(await untilDone(String(body.id))).toMatchObject({ ASSOCIATIONS_CREATED: 1, ERRORS: 0 })
  })

  it('takes both files from the official Node client, which sends them before importRequest', async () => {
    const hubspot = new Client({ basePath: servers.proxy.api, accessToken: 'not-the-real-token' })
    // the client sends one file per create; a per-call middleware adds the CSRF header and the
    // second file to the client's own form-data body
    const options = {
      middleware: [
        {
          pre: (context: {
            setHeaderParam(name: string, value: string): void
            getBody(): { append(name: string, value: Buffer, options: { filename: string }): void }
          }) => {
            context.setHeaderParam('X-Requested-By', REQUESTED_BY['X-Requested-By'])
            context
              .getBody()
              .append('files', Buffer.from(COMPANIES_CSV), { filename: 'companies.csv' })
            return Promise.resolve(context)
          },
          post: <T>(context: T) => Promise.resolve(context),
        },
      ],
    }
    const created = await hubspot.crm.imports.coreApi.create(
      { data: Buffer.from(CONTACTS_CSV), name: 'contacts.csv' },
      JSON.stringify(twoFileRequest()),
      options as never,
    )
    expect(await untilDone(created.id)).toMatchObject({ ASSOCIATIONS_CREATED: 2 })
  })

  it.each<[string, FormData, number, RegExp]>([
    [
      'a second file named as no entry',
      twoFileForm([
        { name: 'contacts.csv', content: CONTACTS_CSV },
        { name: 'firms.csv', content: COMPANIES_CSV },
      ]),
      400,
      /^The uploaded file "firms.csv" has no entry in importRequest.files \("contacts.csv", "companies.csv"\)/,
    ],
    [
      'a second file whose header does not fit its mappings',
      twoFileForm([
        { name: 'contacts.csv', content: CONTACTS_CSV },
        { name: 'companies.csv', content: 'Company,Email\nAcme,ann@example.com\n' },
      ]),
      400,
      /^The file's first line has 2 columns but importRequest maps 3/,
    ],
    [
      'the same file twice',
      twoFileForm([
        { name: 'contacts.csv', content: CONTACTS_CSV },
        { name: 'contacts.csv', content: CONTACTS_CSV },
      ]),
      400,
      /^Two uploaded files are named "contacts.csv"/,
    ],
    [
      'a listed file left out',
      twoFileForm([{ name: 'contacts.csv', content: CONTACTS_CSV }]),
      400,
      /^importRequest.files lists "companies.csv", but the form has no file with that name\.$/,
    ],
    [
      'a third file',
      twoFileForm([
        { name: 'contacts.csv', content: CONTACTS_CSV },
        { name: 'companies.csv', content: COMPANIES_CSV },
        { name: 'more.csv', content: CONTACTS_CSV },
      ]),
      400,
      /at most 2 files/,
    ],
  ])('refuses %s, and HubSpot keeps no import', async (_case, form, status, message) => {
    const answer = await create(form)
    expect(answer.status, JSON.stringify(answer.body)).toBe(status)
    expect(answer.body.message).toMatch(message)
    expect(await servers.simulator.imports()).toEqual([])
  })
})

describe('streaming the second file', () => {
  it('sends its first bytes on to HubSpot before the browser has sent the rest', async () => {
    // a stand-in HubSpot that says when a marker in the second file has reached it
    let markerSeen: () => void = () => {}
    const seen = new Promise<void>((resolve) => (markerSeen = resolve))
    const upstream = http.createServer((request, response) => {
      let text = ''
      request.setEncoding('latin1')
      request.on('data', (chunk: string) => {
        text += chunk
        if (text.includes('SECOND-FILE-MARKER')) markerSeen()
      })
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ id: '1', state: 'STARTED' }))
      })
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    const port = (upstream.address() as AddressInfo).port
    const streamingProxy = await startTestProxy({ url: `http://127.0.0.1:${port}`, token: 'pat-x' })
    try {
      const boundary = 'two-file-streaming'
      const part = (name: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`
      const request = http.request(`${streamingProxy.api}/crm/v3/imports`, {
        method: 'POST',
        headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
      const answer = new Promise<number>((resolve, reject) => {
        request.on('error', reject)
        request.on('response', (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
      })
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n${JSON.stringify(twoFileRequest())}\r\n` +
          `${part('contacts.csv')}${CONTACTS_CSV}\r\n` +
          `${part('companies.csv')}Company,Domain,Email\nSECOND-FILE-MARKER,acme.com,ann@example.com\n`,
      )
      // the rest of the second file only once its first bytes are upstream: a proxy that held
      // the part (or the form) back would never get there
      const raced = await Promise.race([
        seen.then(() => 'streamed'),
        answer.then((status) => `answered ${status} first`),
        new Promise((resolve) => setTimeout(resolve, 10_000, 'not streamed within 10 s')),
      ])
      expect(raced).toBe('streamed')
      request.end(`Beta,beta.com,bea@example.com\n\r\n--${boundary}--\r\n`)
      expect(await answer).toBe(200)
    } finally {
      await streamingProxy.close()
      await new Promise((resolve) => upstream.close(resolve))
    }
  })
})
