// Real exports that broke the check step (issue 9): what HubSpot may read differently goes as a clean CSV
import { describe, expect, it } from 'vitest'
import { readCsvText } from '#shared/csv/record-reader.ts'
import { ROWS, cleanCsv, inspect, lines, reasons, scan } from './real-world-files-support.ts'

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
