// Two-file imports through HubSpot's Node client: both files, both objects, associations
import type {
  RequestContext,
  ResponseContext,
} from '@hubspot/api-client/lib/codegen/crm/imports/http/http.js'
import { describe, expect, it } from 'vitest'
import { companyEmail, contactEmail } from '#shared/testing/two-file-import.ts'
import type { ColumnMapping, ImportRequest } from '#shared/hubspot/import-request.ts'
import type { Simulator } from './simulator.ts'
import { hubspotClient, postImport, startSimulator, waitFor } from './test-support.ts'

const CONTACTS_CSV = 'First Name,Email\nAnn,ann@example.com\nBea,bea@example.com\n'
const COMPANIES_CSV = [
  'Company,Domain,Email',
  'Acme,acme.com,ann@example.com',
  'Acme,acme.com,bea@example.com',
  'Beta,beta.com,nobody@example.com',
].join('\n')

function twoFileRequest(
  contactMappings: ColumnMapping[] = [
    { columnObjectTypeId: '0-1', columnName: 'First Name', propertyName: 'firstname' },
    contactEmail,
  ],
  companyMappings: ColumnMapping[] = [
    { columnObjectTypeId: '0-2', columnName: 'Company', propertyName: 'name' },
    { columnObjectTypeId: '0-2', columnName: 'Domain', propertyName: 'domain' },
    companyEmail,
  ],
): ImportRequest {
  return {
    name: 'Contacts and companies',
    files: [
      {
        fileName: 'contacts.csv',
        fileFormat: 'CSV',
        fileImportPage: { hasHeader: true, columnMappings: contactMappings },
      },
      {
        fileName: 'companies.csv',
        fileFormat: 'CSV',
        fileImportPage: { hasHeader: true, columnMappings: companyMappings },
      },
    ],
  }
}

/**
 * HubSpot's Node client sends one file per `create`; its per-call `middleware` option adds the
 * second `files` part to the form the client built, so the rest is the client's own request.
 */
interface MultipartForm {
  append(name: string, value: Buffer, options: { filename: string; contentType: string }): void
  getBoundary(): string
}

function withSecondFile(name: string, content: string) {
  return {
    middlewareMergeStrategy: 'append' as const,
    middleware: [
      {
        pre: async (context: RequestContext) => {
          // the client's body is a `form-data` FormData (the package it depends on)
          const body = context.getBody() as unknown as Partial<MultipartForm>
          if (typeof body.append !== 'function' || typeof body.getBoundary !== 'function')
            throw new Error('the client no longer sends a form-data body')
          body.append('files', Buffer.from(content), { filename: name, contentType: 'text/csv' })
          return context
        },
        post: async (response: ResponseContext) => response,
      },
    ],
  }
}

async function untilFinished(simulator: Simulator, id: string) {
  const client = hubspotClient(simulator)
  return waitFor(async () => {
    const found = await client.crm.imports.coreApi.getById(Number(id))
    return found.state === 'DONE' || found.state === 'FAILED' ? found : undefined
  })
}

describe('two files in one import, joined on a common column', () => {
  it('takes both files from the official Node client, writes both objects and associates them once', async () => {
    const simulator = await startSimulator()
    const created = await hubspotClient(simulator).crm.imports.coreApi.create(
      { data: Buffer.from(CONTACTS_CSV), name: 'contacts.csv' },
      JSON.stringify(twoFileRequest()),
      withSecondFile('companies.csv', COMPANIES_CSV),
    )
    expect(created.state).toBe('STARTED')
    expect(created.mappedObjectTypeIds).toEqual(['0-1', '0-2'])
    expect(created.metadata.fileIds).toHaveLength(2)

    const done = await untilFinished(simulator, created.id)
    expect(done.state).toBe('DONE')
    expect(done.metadata.counters).toMatchObject({
      TOTAL_ROWS: 5,
      CREATED_OBJECTS: 4,
      ASSOCIATIONS_CREATED: 2,
      ERRORS: 1,
    })

    const reader = hubspotClient(simulator)
    const contacts = await reader.crm.contacts.basicApi.getPage(
      10,
      undefined,
      ['email'],
      undefined,
      ['companies'],
    )
    const companies = await reader.crm.companies.basicApi.getPage(
      10,
      undefined,
      ['domain'],
      undefined,
      ['contacts'],
    )
    const acme = companies.results.find((c) => c.properties.domain === 'acme.com')
    const beta = companies.results.find((c) => c.properties.domain === 'beta.com')
    expect(companies.results).toHaveLength(2)
    expect(
      contacts.results.map((c) => [
        c.properties.email,
        c.associations?.companies?.results.map((a) => [a.id, a.type]),
      ]),
    ).toEqual([
      ['ann@example.com', [[acme?.id, 'contact_to_company_unlabeled']]],
      ['bea@example.com', [[acme?.id, 'contact_to_company_unlabeled']]],
    ])
    expect(acme?.associations?.contacts?.results).toHaveLength(2)
    expect(beta?.associations).toBeUndefined()

    const errors = await reader.crm.imports.publicImportsApi.getErrors(
      Number(created.id),
      undefined,
      undefined,
      true,
    )
    expect(
      errors.results.map((e) => [
        e.errorType,
        e.sourceData.lineNumber,
        e.sourceData.pageName,
        e.objectType,
      ]),
    ).toEqual([['NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER', 4, 'companies.csv', 'COMPANY']])
  })

  it('matches file parts by name whatever their order', async () => {
    const simulator = await startSimulator()
    const response = await postImport(simulator, {
      importRequest: JSON.stringify(twoFileRequest()),
      files: [
        { name: 'companies.csv', content: COMPANIES_CSV },
        { name: 'contacts.csv', content: CONTACTS_CSV },
      ],
    })
    expect(response.status).toBe(200)
    const { id } = (await response.json()) as { id: string }
    expect((await untilFinished(simulator, id)).metadata.counters).toMatchObject({
      ASSOCIATIONS_CREATED: 2,
    })
  })

  it.each<[string, ImportRequest, { name: string; content: string }[], Record<string, unknown>]>([
    [
      'a common column that does not identify records',
      twoFileRequest(
        [contactEmail],
        [
          {
            columnObjectTypeId: '0-2',
            columnName: 'Company',
            propertyName: 'name',
            associationIdentifierColumn: true,
          },
          { ...companyEmail, columnName: 'Domain' },
          { ...companyEmail, toColumnObjectTypeId: '0-1' },
        ],
      ),
      [
        { name: 'contacts.csv', content: 'Email\na@example.com\n' },
        { name: 'companies.csv', content: 'Company,Domain,Email\nAcme,acme.com,a@example.com\n' },
      ],
      {
        message: expect.stringMatching(
          /^Invalid importRequest: Column "Company" of companies\.csv: "Company name" can't be the common column/,
        ),
        errors: [
          {
            code: 'COMMON_PROPERTY_NOT_UNIQUE',
            in: 'files.1.fileImportPage.columnMappings.0',
            message: expect.stringContaining(
              "Use the company's domain, the record ID or a property with unique values.",
            ),
          },
        ],
      },
    ],
    [
      'a reference with no common column to join',
      twoFileRequest([{ ...contactEmail, associationIdentifierColumn: false }]),
      [
        { name: 'contacts.csv', content: 'Email\na@example.com\n' },
        { name: 'companies.csv', content: COMPANIES_CSV },
      ],
      {
        errors: [
          expect.objectContaining({
            code: 'NO_COMMON_COLUMN',
            in: 'files.1.fileImportPage.columnMappings.2',
          }),
        ],
      },
    ],
    [
      'two parts with one name',
      twoFileRequest(),
      [
        { name: 'contacts.csv', content: CONTACTS_CSV },
        { name: 'contacts.csv', content: CONTACTS_CSV },
      ],
      {
        context: { fileName: ['contacts.csv'] },
        message: expect.stringContaining('More than one uploaded file'),
      },
    ],
    [
      'a files[] entry without its part',
      twoFileRequest(),
      [{ name: 'contacts.csv', content: CONTACTS_CSV }],
      { context: { fileName: ['companies.csv'], uploadedFileNames: ['contacts.csv'] } },
    ],
  ])(
    'answers 400 VALIDATION_ERROR for %s, and starts nothing',
    async (_case, request, files, expected) => {
      const simulator = await startSimulator()
      const response = await postImport(simulator, {
        importRequest: JSON.stringify(request),
        files,
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({
        status: 'error',
        category: 'VALIDATION_ERROR',
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ...expected,
      })
      expect(simulator.state.scheduler.list()).toEqual([])
    },
  )
})
