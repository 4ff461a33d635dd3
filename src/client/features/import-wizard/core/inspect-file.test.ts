// Inspecting a file head: settings, headers, preview, estimated rows and whole-file issues
import { describe, expect, it } from 'vitest'
import { inspectBytes, inspectFile, uniqueColumnNames } from './inspect-file.ts'
import { fixtureFile } from './test-helpers.ts'

const codes = (issues: { code: string }[]) => issues.map((i) => i.code).sort()

describe('inspectFile over fixtures', () => {
  it.each([
    {
      fixture: 'utf8.csv',
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'City'],
      firstRow: ['zoe@example.com', 'Zoë', 'Köln'],
      rows: 3,
      issues: [],
    },
    {
      fixture: 'utf8-bom.csv',
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'City'],
      firstRow: ['zoe@example.com', 'Zoë', 'Köln'],
      rows: 1,
      issues: [],
    },
    {
      fixture: 'utf16le-bom.csv',
      settings: { encoding: 'utf-16le', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'City'],
      firstRow: ['zoe@example.com', 'Zoë', 'Köln'],
      rows: 1,
      issues: ['NOT_UTF8'],
    },
    {
      fixture: 'utf16be-bom.csv',
      settings: { encoding: 'utf-16be', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'City'],
      firstRow: ['zoe@example.com', 'Zoë', 'Köln'],
      rows: 1,
      issues: ['NOT_UTF8'],
    },
    {
      fixture: 'windows-1252.csv',
      settings: { encoding: 'windows-1252', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'City', 'Price'],
      firstRow: ['zoe@example.com', 'Zoë', 'Köln', '€5'],
      rows: 2,
      issues: ['NOT_UTF8'],
    },
    {
      fixture: 'semicolon.csv',
      settings: { encoding: 'utf-8', delimiter: ';', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'Amount'],
      firstRow: ['ana@example.com', 'Ana', '1,5'],
      rows: 2,
      issues: ['NOT_COMMA_DELIMITED'],
    },
    {
      fixture: 'tab.csv',
      settings: { encoding: 'utf-8', delimiter: '\t', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'Notes'],
      firstRow: ['ana@example.com', 'Ana', 'likes, commas'],
      rows: 2,
      issues: ['NOT_COMMA_DELIMITED'],
    },
    {
      fixture: 'pipe.csv',
      settings: { encoding: 'utf-8', delimiter: '|', headerRowIndex: 0 },
      headers: ['Email', 'First Name', 'Last Name'],
      firstRow: ['ana@example.com', 'Ana', 'Lima'],
      rows: 2,
      issues: ['NOT_COMMA_DELIMITED'],
    },
    {
      fixture: 'title-row.csv',
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 1 },
      headers: ['Email', 'First Name', 'Last Name'],
      firstRow: ['ana@example.com', 'Ana', 'Lima'],
      rows: 2,
      issues: ['ROWS_ABOVE_HEADER'],
    },
    {
      fixture: 'quoted-newlines.csv',
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'Notes', 'City'],
      firstRow: ['ana@example.com', 'line one\r\nline two, with comma', 'Porto'],
      rows: 3,
      issues: [],
    },
    {
      fixture: 'duplicate-headers.csv',
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', 'Name', 'email', 'Name'],
      firstRow: ['ana@example.com', 'Ana', 'ana2@example.com', 'Lima'],
      rows: 1,
      issues: ['DUPLICATE_HEADERS'],
    },
    {
      fixture: 'blank-headers.csv',
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      headers: ['Email', '', 'First Name', ' '],
      firstRow: ['ana@example.com', 'x', 'Ana', 'y'],
      rows: 1,
      issues: ['BLANK_HEADERS'],
    },
  ])('$fixture', async ({ fixture, settings, headers, firstRow, rows, issues }) => {
    const result = await inspectFile(fixtureFile(fixture))
    expect(result.settings).toEqual(settings)
    expect(result.headers).toEqual(headers)
    expect(result.previewRows[0]).toEqual(firstRow)
    expect(result.previewRows).toHaveLength(rows)
    expect(result.estimatedRows).toBe(rows)
    expect(result.sampled).toBe(false)
    expect(codes(result.issues)).toEqual(issues)
  })

  it.each([
    { fixture: 'empty.csv', issues: ['EMPTY_FILE'] },
    { fixture: 'header-only.csv', issues: ['HEADER_ONLY'] },
    { fixture: 'unterminated-quote.csv', issues: ['UNTERMINATED_QUOTE'] },
    { fixture: 'ragged.csv', issues: ['RAGGED_ROWS'] },
  ])('flags $fixture with $issues', async ({ fixture, issues }) => {
    const result = await inspectFile(fixtureFile(fixture))
    expect(codes(result.issues)).toEqual(issues)
  })

  it('says where the bad rows are', async () => {
    const ragged = await inspectFile(fixtureFile('ragged.csv'))
    expect(ragged.issues[0]).toMatchObject({ severity: 'warning', lines: [3, 4] })
    expect(ragged.issues[0]!.message).toContain('lines 3, 4')
    const quote = await inspectFile(fixtureFile('unterminated-quote.csv'))
    expect(quote.issues[0]).toMatchObject({ severity: 'error', lines: [3] })
    const dupes = await inspectFile(fixtureFile('duplicate-headers.csv'))
    expect(dupes.issues[0]).toMatchObject({ columns: [0, 2, 1, 3] })
    const blank = await inspectFile(fixtureFile('blank-headers.csv'))
    expect(blank.issues[0]).toMatchObject({ columns: [1, 3] })
  })

  it('numbers preview rows by physical line, past quoted newlines', async () => {
    const result = await inspectFile(fixtureFile('quoted-newlines.csv'))
    expect(result.previewLineNumbers).toEqual([2, 4, 5])
  })

  it('re-runs with overrides', async () => {
    const file = fixtureFile('title-row.csv')
    const result = await inspectFile(file, { headerRowIndex: 0 })
    expect(result.settings).toMatchObject({ headerRowIndex: 0, delimiter: ',' })
    expect(result.headers).toEqual(['Contacts export 2026-03-01'])
    // blank lines are not records: the header is the second record
    expect(result.detected.headerRow.headerRowIndex).toBe(1)
    const semicolon = await inspectFile(fixtureFile('utf8.csv'), { delimiter: ';' })
    expect(semicolon.headers).toEqual(['Email,First Name,City'])
    const latin = await inspectFile(fixtureFile('windows-1252.csv'), { encoding: 'utf-8' })
    expect(latin.previewRows[0]![1]).toBe('Zo\uFFFD')
  })
})

describe('inspectBytes limits', () => {
  const header = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',')

  it.each([
    {
      description: 'a file over 512 MB',
      text: 'Email\na@x.com\n',
      fileSize: 600 * 1024 * 1024,
      sampled: true,
      expected: 'FILE_TOO_LARGE',
    },
    {
      description: '1,000 columns',
      text: `${header(1000)}\n${header(1000)}\n`,
      fileSize: 0,
      sampled: false,
      expected: 'TOO_MANY_COLUMNS',
    },
    {
      description: 'an xlsx renamed to .csv',
      text: 'PK\u0003\u0004rest',
      fileSize: 0,
      sampled: false,
      expected: 'NOT_A_CSV',
    },
  ])('flags $description', ({ text, fileSize, sampled, expected }) => {
    const bytes = new TextEncoder().encode(text)
    const result = inspectBytes(bytes, {
      fileName: 'x.csv',
      fileSize: fileSize || bytes.length,
      sampled,
    })
    expect(codes(result.issues)).toContain(expected)
    expect(result.issues.find((i) => i.code === expected)!.severity).toBe('error')
  })

  it('estimates the row count of a large file from its head', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `user${i}@example.com,Name ${i}`).join('\n')
    const bytes = new TextEncoder().encode(`Email,Name\n${rows}\n`)
    const head = bytes.subarray(0, 32 * 1024)
    const result = inspectBytes(head, { fileName: 'x.csv', fileSize: bytes.length, sampled: true })
    expect(result.estimatedRows).toBeGreaterThan(4500)
    expect(result.estimatedRows).toBeLessThan(5500)
    expect(result.previewRows).toHaveLength(20)
    expect(codes(result.issues)).toEqual([])
  })
})

describe('uniqueColumnNames', () => {
  it.each([
    { headers: ['Email', 'email', 'Email'], expected: ['Email', 'email (2)', 'Email (3)'] },
    { headers: ['', ' Name ', ' '], expected: ['Column 1', 'Name', 'Column 3'] },
  ])('$headers', ({ headers, expected }) => {
    expect(uniqueColumnNames(headers)).toEqual(expected)
  })
})
