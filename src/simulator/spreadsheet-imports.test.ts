// Importing .xlsx workbooks: reading, refusals, typed cells, line numbers
import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import {
  dateCell,
  sheetBytes,
  workbookBytes,
  type SheetData,
} from '#shared/spreadsheet/test-workbooks.ts'
import type { Simulator } from './simulator.ts'
import { hubspotClient, postImport, startSimulator, waitFor } from './test-support.ts'

const SHEET: SheetData = [
  ['Email', 'First Name', 'Birthday', 'Revenue'],
  ['zoe@example.com', 'Zoë', dateCell('1990-01-31T00:00:00', 'dd/mm/yyyy'), 1234.5],
  [null, null, null, null],
  ['bjorn@example.com', 'Björn Müller', dateCell('2001-02-03T00:00:00', 'mm/dd/yy'), 0.1 + 0.2],
]

function workbookRequest(
  fileName = 'contacts.xlsx',
  fileFormat?: 'CSV' | 'SPREADSHEET',
): ImportRequest {
  return {
    name: 'Excel contacts',
    files: [
      {
        fileName,
        ...(fileFormat ? { fileFormat } : {}),
        fileImportPage: {
          hasHeader: true,
          columnMappings: [
            { columnObjectTypeId: '0-1', columnName: 'Email', propertyName: 'email' },
            { columnObjectTypeId: '0-1', columnName: 'First Name', propertyName: 'firstname' },
            { columnObjectTypeId: '0-1', columnName: 'Birthday', propertyName: 'date_of_birth' },
            { columnObjectTypeId: '0-1', columnName: 'Revenue', propertyName: 'annualrevenue' },
          ],
        },
      },
    ],
  }
}

async function untilDone(simulator: Simulator, id: string) {
  const client = hubspotClient(simulator)
  return waitFor(async () => {
    const found = await client.crm.imports.coreApi.getById(Number(id))
    return found.state === 'DONE' || found.state === 'FAILED' ? found : undefined
  })
}

async function post(
  simulator: Simulator,
  bytes: Uint8Array,
  fileName: string,
  request: ImportRequest = workbookRequest(fileName, 'SPREADSHEET'),
) {
  const response = await postImport(simulator, {
    importRequest: JSON.stringify(request),
    files: [{ name: fileName, content: new Blob([Buffer.from(bytes)]) }],
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('.xlsx imports (fileFormat SPREADSHEET)', () => {
  it('imports a workbook sent by the official Node client with the values its cells hold', async () => {
    const simulator = await startSimulator()
    const client = hubspotClient(simulator)
    const created = await client.crm.imports.coreApi.create(
      { data: Buffer.from(await sheetBytes(SHEET)), name: 'contacts.xlsx' },
      JSON.stringify(workbookRequest('contacts.xlsx', 'SPREADSHEET')),
    )
    expect(created.state).toBe('STARTED')
    const done = await untilDone(simulator, created.id)
    expect(done.state).toBe('DONE')
    expect(done.metadata.counters).toMatchObject({ TOTAL_ROWS: 2, CREATED_OBJECTS: 2, ERRORS: 0 })

    const contacts = await client.crm.contacts.basicApi.getPage(10, undefined, [
      'email',
      'firstname',
      'date_of_birth',
      'annualrevenue',
    ])
    expect(
      contacts.results.map(({ properties: p }) => [
        p.email,
        p.firstname,
        p.date_of_birth,
        p.annualrevenue,
      ]),
    ).toEqual([
      ['zoe@example.com', 'Zoë', '1990-01-31', '1234.5'],
      ['bjorn@example.com', 'Björn Müller', '2001-02-03', '0.3'],
    ])
  })

  it('reads a workbook whose fileFormat is left out, as the legacy examples do', async () => {
    const simulator = await startSimulator()
    const { status, body } = await post(
      simulator,
      await sheetBytes(SHEET),
      'contacts.xlsx',
      workbookRequest('contacts.xlsx'),
    )
    expect(status).toBe(200)
    expect((await untilDone(simulator, String(body.id))).state).toBe('DONE')
  })

  it('does not count a workbook’s ZIP bytes as CSV rows against the row limit', async () => {
    const simulator = await startSimulator({ limits: { maxRows: 3 } })
    // long varied text so the compressed bytes hold many line-feed bytes
    const noise = Array.from({ length: 3 }, (_, i) => [
      `p${i}@example.com`,
      Array.from({ length: 4000 }, (_, j) =>
        String.fromCharCode(33 + ((i * 7919 + j * 104729) % 90)),
      ).join(''),
      null,
      i,
    ])
    const bytes = await sheetBytes([['Email', 'First Name', 'Birthday', 'Revenue'], ...noise])
    expect(bytes.filter((b) => b === 0x0a).length).toBeGreaterThan(4)
    const { status } = await post(simulator, bytes, 'contacts.xlsx')
    expect(status).toBe(200)
  })

  it('answers 429 for a sheet over the row limit', async () => {
    const simulator = await startSimulator({ limits: { maxRows: 1 } })
    const { status, body } = await post(simulator, await sheetBytes(SHEET), 'contacts.xlsx')
    expect(status).toBe(429)
    expect(body).toMatchObject({ subCategory: 'ImportError.ROW_LIMIT_EXCEEDED' })
  })

  it.each<
    [string, () => Promise<Uint8Array>, string, ImportRequest | undefined, Record<string, unknown>]
  >([
    [
      'a workbook with two sheets',
      () =>
        workbookBytes([
          { name: 'Contacts', data: SHEET },
          { name: 'Notes', data: [['x']] },
        ]),
      'contacts.xlsx',
      undefined,
      {
        subCategory: 'ImportError.INVALID_SHEET_COUNT',
        message:
          '"contacts.xlsx" has 2 sheets (Contacts, Notes); an import file must have exactly one.',
        context: { fileName: ['contacts.xlsx'], sheetNames: ['Contacts', 'Notes'] },
      },
    ],
    [
      'a damaged workbook',
      async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]),
      'contacts.xlsx',
      undefined,
      {
        subCategory: 'ImportError.INVALID_SPREADSHEET',
        message: '"contacts.xlsx" is not an Excel workbook (.xlsx).',
      },
    ],
    [
      'an .xls workbook',
      async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'old.xls',
      workbookRequest('old.xls', 'SPREADSHEET'),
      {
        subCategory: 'ImportError.INVALID_FILE_TYPE',
        message: expect.stringContaining('save it as .xlsx or .csv'),
      },
    ],
    [
      'a workbook sent as fileFormat CSV',
      () => sheetBytes(SHEET),
      'contacts.xlsx',
      workbookRequest('contacts.xlsx', 'CSV'),
      {
        subCategory: 'ImportError.INVALID_FILE_TYPE',
        message: expect.stringContaining('send fileFormat SPREADSHEET'),
      },
    ],
    [
      'a CSV sent as fileFormat SPREADSHEET',
      async () =>
        new TextEncoder().encode('Email,First Name,Birthday,Revenue\na@example.com,A,,\n'),
      'contacts.csv',
      workbookRequest('contacts.csv', 'SPREADSHEET'),
      {
        subCategory: 'ImportError.INVALID_FILE_TYPE',
        message: expect.stringContaining('send fileFormat CSV'),
      },
    ],
  ])(
    'answers 400 for %s, and creates no import',
    async (_case, bytes, fileName, request, expected) => {
      const simulator = await startSimulator()
      const { status, body } = await post(simulator, await bytes(), fileName, request)
      expect(status).toBe(400)
      expect(body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', ...expected })
      expect(simulator.state.scheduler.list()).toEqual([])
    },
  )
})
