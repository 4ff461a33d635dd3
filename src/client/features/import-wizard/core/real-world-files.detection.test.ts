// Real exports that broke the check step (issue 9): detection, preview and scan read each the same way
import { describe, expect, it } from 'vitest'
import { ROWS, inspect, lines, scan } from './real-world-files-support.ts'

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
