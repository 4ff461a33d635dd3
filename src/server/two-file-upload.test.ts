// Two-file imports through the proxy: both parts streamed, CSV with xlsx, the Node client's order, refusals
import { Client } from '@hubspot/api-client'
import { describe, expect, it } from 'vitest'
import { sheetBytes } from '#shared/spreadsheet/test-workbooks.ts'
import { COMPANIES_CSV, CONTACTS_CSV, twoFileRequest } from './two-file-upload-fixtures.ts'
import { REQUESTED_BY, isCreate, useSimulatorAndProxy, waitFor } from './test-helpers.ts'

const servers = useSimulatorAndProxy()

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
