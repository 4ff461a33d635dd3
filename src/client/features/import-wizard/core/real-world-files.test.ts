/**
 * The cases of real exports that broke the check step's promise (issue 9), each on a file of
 * realistic length: detection, the head preview, the streaming scan and the clean CSV must read
 * them the same way, and whatever HubSpot might read differently makes the wizard send a clean
 * CSV.
 */
import { describe, expect, it } from 'vitest'
import { readCsvText } from '#shared/csv/record-reader.ts'
import { buildCheckPlan } from './check-plan.ts'
import { NO_EDITS, cleanCsvReasons } from './edits.ts'
import { prop } from './fixtures/properties.ts'
import { inspectBytes } from './inspect-file.ts'
import { exportCleanCsv, scanFile } from './scan-file.ts'
import { chunked } from './test-helpers.ts'
import type { FileInspection } from './inspect-file.ts'
import type { MappingDraft } from './mapping-draft.ts'
import type { ScanResult } from './scan-result.ts'

const ROWS = 60

const lines = (count: number, row: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => row(i))

const inspect = (text: string) =>
  inspectBytes(new TextEncoder().encode(text), {
    fileName: 'export.csv',
    fileSize: text.length,
    sampled: false,
  })

/** Companies with plain text properties: the scan checks every row but no value can be wrong. */
const TEXT_CATALOGS = {
  '0-2': [
    prop('name', 'Name'),
    ...Array.from({ length: 8 }, (_, i) => prop(`c${i + 1}`, `C${i + 1}`)),
  ],
}

/** Column 1 to the company name (required to create), the others to text properties. */
function mappingOf(inspection: FileInspection): MappingDraft {
  return inspection.columnNames.map((columnName, columnIndex) => ({
    columnIndex,
    columnName,
    objectTypeId: '0-2',
    propertyName: columnIndex === 0 ? 'name' : `c${columnIndex}`,
  }))
}

async function scan(text: string, inspection: FileInspection, size = 64 * 1024) {
  const plan = buildCheckPlan({
    mapping: mappingOf(inspection),
    operations: { '0-2': 'CREATE' },
    catalogs: TEXT_CATALOGS,
    columnCount: inspection.headers.length,
    dateFormat: 'MONTH_DAY_YEAR',
  })
  return scanFile(chunked(new TextEncoder().encode(text), size), inspection.settings, plan)
}

async function cleanCsv(text: string, inspection: FileInspection, size = 64 * 1024) {
  const result = await exportCleanCsv(
    chunked(new TextEncoder().encode(text), size),
    inspection.settings,
    {
      columnIndexes: inspection.headers.map((_, i) => i),
      headerNames: inspection.columnNames,
      edits: NO_EDITS,
    },
  )
  return new TextDecoder().decode(await result.blob.arrayBuffer())
}

function reasons(inspection: FileInspection, result: ScanResult) {
  return cleanCsvReasons({
    settings: inspection.settings,
    encoding: inspection.detected.encoding,
    headers: inspection.headers,
    columnNames: inspection.columnNames,
    mapping: mappingOf(inspection),
    edits: NO_EDITS,
    ambiguities: result.ambiguities,
  })
}

describe('detection on real exports', () => {
  const cases: {
    name: string
    text: string
    delimiter: string
    headerRowIndex: number
    headers: string[]
    firstRow: string[]
    rows: number
  }[] = [
    {
      name: 'E-Mail;Umsatz with decimal commas (European Excel)',
      text: [
        'E-Mail;Umsatz',
        ...lines(ROWS, (i) => `kunde${i}@beispiel.de;${i % 13},${i % 2 ? 99 : 50}`),
      ].join('\r\n'),
      delimiter: ';',
      headerRowIndex: 0,
      headers: ['E-Mail', 'Umsatz'],
      firstRow: ['kunde0@beispiel.de', '0,50'],
      rows: ROWS,
    },
    {
      name: 'a semicolon file with two decimal-comma columns',
      text: [
        'E-Mail;Vorname;Umsatz;Rabatt',
        ...lines(ROWS, (i) => `kunde${i}@beispiel.de;Vorname ${i};${i},50;0,${i % 10}5`),
      ].join('\r\n'),
      delimiter: ';',
      headerRowIndex: 0,
      headers: ['E-Mail', 'Vorname', 'Umsatz', 'Rabatt'],
      firstRow: ['kunde0@beispiel.de', 'Vorname 0', '0,50', '0,05'],
      rows: ROWS,
    },
    {
      name: 'a semicolon file whose every row and header holds one comma',
      text: ['Name;Umsatz (netto, EUR)', ...lines(ROWS, (i) => `Kunde ${i};${i + 1},99`)].join(
        '\n',
      ),
      delimiter: ';',
      headerRowIndex: 0,
      headers: ['Name', 'Umsatz (netto, EUR)'],
      firstRow: ['Kunde 0', '1,99'],
      rows: ROWS,
    },
    {
      name: 'a tab file with decimal commas',
      text: ['Name\tBetrag', ...lines(ROWS, (i) => `Kunde ${i}\t${i},25`)].join('\n'),
      delimiter: '\t',
      headerRowIndex: 0,
      headers: ['Name', 'Betrag'],
      firstRow: ['Kunde 0', '0,25'],
      rows: ROWS,
    },
    {
      name: 'a comma file of numbers only stays a comma file',
      text: ['id,qty,price', ...lines(ROWS, (i) => `${i},${i % 5},${i}.5`)].join('\n'),
      delimiter: ',',
      headerRowIndex: 0,
      headers: ['id', 'qty', 'price'],
      firstRow: ['0', '0', '0.5'],
      rows: ROWS,
    },
    {
      name: 'a comma file with semicolons in some notes stays a comma file',
      text: [
        'Email,Name,Notes',
        ...lines(ROWS, (i) => `p${i}@x.com,P ${i},${i % 3 === 0 ? 'call; then mail' : 'ok'}`),
      ].join('\n'),
      delimiter: ',',
      headerRowIndex: 0,
      headers: ['Email', 'Name', 'Notes'],
      firstRow: ['p0@x.com', 'P 0', 'call; then mail'],
      rows: ROWS,
    },
    {
      name: 'a header with repeated names',
      text: ['Name,Name,City', ...lines(ROWS, (i) => `Ann ${i},Lee ${i},Berlin`)].join('\n'),
      delimiter: ',',
      headerRowIndex: 0,
      headers: ['Name', 'Name', 'City'],
      firstRow: ['Ann 0', 'Lee 0', 'Berlin'],
      rows: ROWS,
    },
    {
      name: 'a header with repeated, blank and padded names',
      text: [
        'Email,Name,Name,, Phone ,email',
        ...lines(ROWS, (i) => `a${i}@x.com,Ann,Lee,x,555 ${i},b${i}@x.com`),
      ].join('\r\n'),
      delimiter: ',',
      headerRowIndex: 0,
      headers: ['Email', 'Name', 'Name', '', ' Phone ', 'email'],
      firstRow: ['a0@x.com', 'Ann', 'Lee', 'x', '555 0', 'b0@x.com'],
      rows: ROWS,
    },
    {
      name: 'a title line with one comma above a 3-column header',
      text: [
        'Contacts export, March 2026',
        'Email,First Name,Last Name',
        ...lines(ROWS, (i) => `p${i}@x.com,First ${i},Last ${i}`),
      ].join('\n'),
      delimiter: ',',
      headerRowIndex: 1,
      headers: ['Email', 'First Name', 'Last Name'],
      firstRow: ['p0@x.com', 'First 0', 'Last 0'],
      rows: ROWS,
    },
    {
      name: 'a title padded by Excel and blank lines above the header',
      text: [
        'Kontakte Export März 2026;;',
        ';;',
        '',
        'E-Mail;Vorname;Umsatz',
        ...lines(ROWS, (i) => `k${i}@x.de;V ${i};${i},10`),
      ].join('\r\n'),
      delimiter: ';',
      headerRowIndex: 1,
      headers: ['E-Mail', 'Vorname', 'Umsatz'],
      firstRow: ['k0@x.de', 'V 0', '0,10'],
      rows: ROWS,
    },
    {
      name: 'a quote inside an unquoted header cell',
      text: [
        'Name,Height (5\'10"),City',
        ...lines(ROWS, (i) => `P ${i},${150 + i},Town ${i}`),
      ].join('\n'),
      delimiter: ',',
      headerRowIndex: 0,
      headers: ['Name', 'Height (5\'10")', 'City'],
      firstRow: ['P 0', '150', 'Town 0'],
      rows: ROWS,
    },
  ]

  it.each(cases)('$name', async ({ text, delimiter, headerRowIndex, headers, firstRow, rows }) => {
    const inspection = inspect(text)
    expect(inspection.settings.delimiter).toBe(delimiter)
    expect(inspection.settings.headerRowIndex).toBe(headerRowIndex)
    expect(inspection.headers).toEqual(headers)
    expect(inspection.previewRows[0]).toEqual(firstRow)
    expect(inspection.estimatedRows).toBe(rows)
    expect(inspection.issues.map((i) => i.code)).not.toContain('RAGGED_ROWS')

    const result = await scan(text, inspection)
    expect(result.totalRows).toBe(rows)
    expect(result.problemCounts).toEqual({})
  })
})

describe('what HubSpot may read differently is sent as a clean CSV', () => {
  const header = 'First Name,Last Name,City'
  const body = lines(ROWS, (i) => `First ${i},Last ${i},Town ${i}`)

  it.each([
    {
      name: 'blank-after-trim rows at the end of an Excel export',
      text: [header, ...body, ',,', ',,', ''].join('\r\n'),
      blankRows: 2,
    },
    {
      name: 'whitespace-only lines and rows of empty quoted cells',
      text: [header, ...body.slice(0, 30), '   ', '""," ",""', ...body.slice(30), ''].join('\n'),
      blankRows: 2,
    },
    {
      name: 'empty lines between rows',
      text: [header, ...body.slice(0, 10), '', '', ...body.slice(10)].join('\n'),
      blankRows: 2,
    },
  ])('$name', async ({ text, blankRows }) => {
    const inspection = inspect(text)
    const result = await scan(text, inspection)
    expect(result.totalRows).toBe(ROWS)
    expect(result.problemCounts).toEqual({})
    expect(result.ambiguities).toEqual({ blankRows, quoteRows: 0 })
    expect(reasons(inspection, result)).toEqual(['the file has blank rows'])
    // the clean copy has the rows and nothing HubSpot could count as one
    expect(await cleanCsv(text, inspection)).toBe([header, ...body].map((l) => `${l}\r\n`).join(''))
  })

  it('a file without blank rows or odd quotes goes as it is', async () => {
    const text = [header, ...body, ''].join('\r\n')
    const inspection = inspect(text)
    const result = await scan(text, inspection)
    expect(result.ambiguities).toEqual({ blankRows: 0, quoteRows: 0 })
    expect(reasons(inspection, result)).toEqual([])
  })

  it('an undoubled quote inside a quoted cell: the row is good, the copy quotes it properly', async () => {
    const text = [header, ...body.slice(0, 20), '"Ann "The" Lee",Lee,Town', ...body.slice(20)].join(
      '\n',
    )
    const inspection = inspect(text)
    const result = await scan(text, inspection)
    expect(result.totalRows).toBe(ROWS + 1)
    expect(result.problemCounts).toEqual({})
    expect(result.fileIssues.map((i) => i.code)).toEqual(['INVALID_QUOTES'])
    expect(result.ambiguities).toEqual({ blankRows: 0, quoteRows: 1 })
    expect(reasons(inspection, result)).toEqual(['some quotes are not written the standard way'])
    const copy = await cleanCsv(text, inspection)
    expect(copy).toContain('\r\n"Ann ""The"" Lee",Lee,Town\r\n')
    // read back with the dialect every part shares: the same value, no quote problem left
    const reread = readCsvText(copy, { delimiter: ',' })
    expect(reread.records[21]).toEqual(['Ann "The" Lee', 'Lee', 'Town'])
    expect(reread.problems).toEqual([])
  })

  it('a quote inside an unquoted cell is sent in a properly quoted copy', async () => {
    const text = ['Name,Height (5\'10"),City', ...body].join('\n')
    const inspection = inspect(text)
    const result = await scan(text, inspection)
    expect(result.ambiguities).toEqual({ blankRows: 0, quoteRows: 1 })
    expect(reasons(inspection, result)).toEqual(['some quotes are not written the standard way'])
    expect(await cleanCsv(text, inspection)).toMatch(/^Name,"Height \(5'10""\)",City\r\n/)
  })
})

describe('a quoted line break in a header longer than the first chunk', () => {
  const header = '"First\nName","Last\r\nName","A long note column ' + 'x'.repeat(100) + '"'
  it.each([
    { name: 'CRLF rows', newline: '\r\n' },
    { name: 'LF rows', newline: '\n' },
    { name: 'CR rows', newline: '\r' },
  ])('$name are read the same with 1-byte, 3-byte and 64 KB chunks', async ({ newline }) => {
    const text = [header, ...lines(ROWS, (i) => `F ${i},L ${i},N ${i}`), ''].join(newline)
    const inspection = inspect(text)
    expect(inspection.headers).toEqual(['First\nName', 'Last\r\nName', expect.any(String)])
    const expected = lines(ROWS, (i) => `F ${i},L ${i},N ${i}\r\n`).join('')
    for (const size of [1, 3, 64 * 1024]) {
      const result = await scan(text, inspection, size)
      expect(result.totalRows).toBe(ROWS)
      expect(result.problemCounts).toEqual({})
      const copy = await cleanCsv(text, inspection, size)
      expect(copy.slice(copy.indexOf('\r\nF 0') + 2)).toBe(expected)
    }
  })
})
