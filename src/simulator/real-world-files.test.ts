/**
 * Real-world files sent straight to the simulator, as any HubSpot client would (issue 9): rows
 * read in the dialect the wizard predicts with, UTF-8 file names, and files with nothing to
 * import refused up front.
 */
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { utf16Bytes } from '#shared/csv/test-files.ts'
import type { Simulator } from './simulator.ts'
import {
  getJson,
  hubspotClient,
  postImport,
  startSimulator,
  TOKEN,
  waitFor,
} from './test-support.ts'

const HEADER = 'Email,First Name,Last Name'
const rows = (count: number) =>
  Array.from({ length: count }, (_, i) => `person${i}@example.com,First${i},Last${i}`)

async function finished(simulator: Simulator, id: string) {
  return waitFor(async () => {
    const { body } = await getJson(simulator, `/crm/v3/imports/${id}`)
    const record = body as { state: string; metadata: { counters: Record<string, number> } }
    return record.state === 'DONE' || record.state === 'FAILED' ? record : undefined
  })
}

async function errorTypes(simulator: Simulator, id: string) {
  const { body } = await getJson(simulator, `/crm/v3/imports/${id}/errors?limit=100`)
  return (body as { results: { errorType: string }[] }).results.map((e) => e.errorType)
}

async function importCsv(simulator: Simulator, csv: string | Blob, fileName = 'contacts.csv') {
  const response = await postImport(simulator, {
    importRequest: JSON.stringify(contactsImportRequest(fileName)),
    files: [{ name: fileName, content: csv }],
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** A create whose file part names the file as RFC 5987 `filename*`, with `fallback` as filename. */
function postNamed(simulator: Simulator, fileName: string, fallback: string) {
  const boundary = 'x-boundary'
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
    `${JSON.stringify(contactsImportRequest(fileName))}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fallback}"; ` +
    `filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: text/csv\r\n\r\n` +
    `${[HEADER, ...rows(2)].join('\n')}\r\n--${boundary}--\r\n`
  return fetch(`${simulator.url}/crm/v3/imports`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
  })
}

describe('rows in the shared dialect', () => {
  it.each([
    { name: '",," rows at the end of an Excel export', tail: [',,', ',,', ''] },
    { name: 'whitespace-only lines', tail: ['   ', '\t', ''] },
    { name: 'rows of empty quoted cells', tail: ['"",""," "', ''] },
  ])('$name are not rows', async ({ tail }) => {
    const simulator = await startSimulator()
    const csv = [HEADER, ...rows(40), ...tail].join('\r\n')
    const { status, body } = await importCsv(simulator, csv)
    expect(status).toBe(200)
    const done = await finished(simulator, String(body.id))
    expect(done.state).toBe('DONE')
    expect(done.metadata.counters).toMatchObject({ TOTAL_ROWS: 40, CREATED_OBJECTS: 40 })
    expect(await errorTypes(simulator, String(body.id))).toEqual([])
  })

  it('a quote inside an unquoted cell is text; an undoubled one inside a quoted cell fails its row', async () => {
    const simulator = await startSimulator()
    const csv = [
      HEADER,
      ...rows(20),
      'tall@example.com,Tall (6\'2"),Person',
      '"ann@example.com","Ann "The" Lee",Lee',
      ...rows(20).map((r) => r.replace('person', 'other')),
    ].join('\n')
    const { body } = await importCsv(simulator, csv)
    const done = await finished(simulator, String(body.id))
    expect(done.metadata.counters).toMatchObject({ TOTAL_ROWS: 42, CREATED_OBJECTS: 41 })
    expect(await errorTypes(simulator, String(body.id))).toEqual(['COULD_NOT_PARSE_ROW'])
    const tall = await hubspotClient(simulator).crm.contacts.basicApi.getById(
      'tall@example.com',
      ['firstname'],
      undefined,
      undefined,
      false,
      'email',
    )
    expect(tall.properties.firstname).toBe('Tall (6\'2")')
  })
})

describe('file names', () => {
  it.each(['Müller Kontakte (März).csv', 'café.csv', '顧客.csv'])(
    '%s arrives as sent by the official client and imports',
    async (fileName) => {
      const simulator = await startSimulator()
      const created = await hubspotClient(simulator).crm.imports.coreApi.create(
        { data: Buffer.from([HEADER, ...rows(3)].join('\n')), name: fileName },
        JSON.stringify(contactsImportRequest(fileName)),
      )
      const done = await finished(simulator, created.id)
      expect(done.state).toBe('DONE')
      expect(done.metadata.counters).toMatchObject({ TOTAL_ROWS: 3 })
    },
  )

  it('reads an RFC 5987 filename* in UTF-8', async () => {
    const simulator = await startSimulator()
    const response = await postNamed(simulator, 'Müller "Q1" 100%.csv', 'Muller Q1 100.csv')
    expect(response.status).toBe(200)
  })

  it.each([
    { name: 'a NUL', fileName: 'a\u0000b.csv', message: /control character/ },
    { name: 'a line feed', fileName: 'a\nb.csv', message: /control character/ },
    { name: 'a C1 control', fileName: 'a\u0085b.csv', message: /control character/ },
    { name: 'over 255 bytes', fileName: `${'ü'.repeat(130)}.csv`, message: /264 bytes.*255/ },
  ])('refuses a name with $name with a 400 naming the problem', async ({ fileName, message }) => {
    const simulator = await startSimulator()
    const response = await postNamed(simulator, fileName, 'x.csv')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(message)
  })
})

describe('files with nothing to import', () => {
  const csv = [HEADER, ...rows(3), ''].join('\r\n')
  const utf16 = (options: Parameters<typeof utf16Bytes>[1]) =>
    new Blob([utf16Bytes(csv, options)], { type: 'text/csv' })

  it.each([
    { name: 'an empty file', content: '', message: /empty/ },
    {
      name: 'a file of blank lines and spaces',
      content: '\r\n   \r\n,,\r\n',
      message: /no header/,
    },
    { name: 'a header-only file', content: `${HEADER}\r\n\r\n`, message: /no data rows/ },
    { name: 'UTF-16 LE with a BOM', content: utf16({}), message: /UTF-16/ },
    { name: 'UTF-16 BE with a BOM', content: utf16({ littleEndian: false }), message: /UTF-16/ },
    { name: 'UTF-16 LE without a BOM', content: utf16({ bom: false }), message: /UTF-16/ },
    {
      name: 'a NUL byte in a cell',
      content: [HEADER, 'a@example.com,A\u0000n,Lee', ''].join('\n'),
      message: /zero byte.*line 2/,
    },
  ])('$name gets a 400 that says so, and no import', async ({ content, message }) => {
    const simulator = await startSimulator()
    const { status, body } = await importCsv(simulator, content)
    expect(status).toBe(400)
    expect(body.message).toMatch(message)
    const { body: list } = await getJson(simulator, '/crm/v3/imports')
    expect((list as { results: unknown[] }).results).toEqual([])
  })
})
