// The row-errors report: its columns, every row round-tripped, no cell a spreadsheet would run
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import { toErrorRow } from '#client/lib/hubspot/error-rows.ts'
import {
  ERRORS_CSV_COLUMNS,
  errorsCsvFileName,
  errorsToCsv,
  HUBSPOT_NUMBERING,
  UTF8_BOM,
} from './errors-csv.ts'

const HEADER = ['Email', 'Phone', 'Notes']

const error = (
  overrides: Partial<PublicImportError> & { rowData?: string[]; lineNumber?: number },
  lineMap?: Parameters<typeof toErrorRow>[2],
) => {
  const { rowData = ['a@example.com', '+49 30 1234', 'hi'], lineNumber = 2, ...rest } = overrides
  return toErrorRow(
    {
      id: `e${lineNumber}`,
      createdAt: 0,
      errorType: 'INVALID_EMAIL',
      errorMessage: 'bad email',
      invalidValue: rowData[0],
      knownColumnNumber: 0,
      sourceData: {
        rowData,
        additionalRowData: [],
        containsEncryptedProperties: false,
        fileId: 1,
        lineNumber,
      },
      ...rest,
    },
    HEADER,
    lineMap,
  )
}

const parse = (csv: string) => {
  expect(csv.startsWith(UTF8_BOM)).toBe(true)
  const result = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true })
  expect(result.errors).toEqual([])
  return result.data
}

describe('errorsToCsv', () => {
  it('starts with a BOM and the report header followed by the file header', () => {
    const [header] = parse(errorsToCsv([], HEADER))
    expect(header).toEqual([...ERRORS_CSV_COLUMNS, ...HEADER])
  })

  it('round-trips every error with its original row', () => {
    const rows = [
      error({ lineNumber: 2 }),
      error({
        lineNumber: 3,
        rowData: ['bad', 'x', 'Zoë, "quoted"\nnext line ✓ مرحبا'],
        invalidValue: 'bad',
      }),
    ]
    const [, first, second] = parse(errorsToCsv(rows, HEADER))
    expect(first).toEqual([
      '2',
      HUBSPOT_NUMBERING,
      'Email',
      'The email address is not valid',
      'INVALID_EMAIL',
      'bad email',
      'a@example.com',
      '2',
      'a@example.com',
      "'+49 30 1234",
      'hi',
    ])
    expect(second?.[10]).toBe('Zoë, "quoted"\nnext line ✓ مرحبا')
  })

  it("gives the line of the person's file, names it, and keeps HubSpot's line", () => {
    // kontakte.csv's line 3 was excluded: HubSpot's line 14 is its line 15
    const lineMap = {
      fileName: 'kontakte.csv',
      rows: [
        [0, 2],
        [1, 3],
      ] as const,
    }
    const [header, cells] = parse(
      errorsToCsv([error({ lineNumber: 14 }, lineMap)], HEADER, 'kontakte.csv'),
    )
    const at = (column: (typeof ERRORS_CSV_COLUMNS)[number]) => cells?.[header!.indexOf(column)]
    expect([at('Line'), at('Line of'), at('HubSpot line')]).toEqual(['15', 'kontakte.csv', '14'])
  })

  it.each([
    { description: 'a formula in the row', rowData: ['=HYPERLINK("http://x")', 'a', 'b'] },
    {
      description: 'a formula in the invalid value',
      rowData: ['a', 'b', 'c'],
      invalidValue: '@cmd',
    },
    { description: 'a formula in the message', rowData: ['a', 'b', 'c'], errorMessage: '-2+3' },
    { description: 'a tab-led cell', rowData: ['\t=1', 'b', 'c'] },
    { description: 'a cell that tries to start a new one', rowData: ['x",=1+2', 'b', 'c'] },
  ])('leaves no formula cell for $description', ({ rowData, ...rest }) => {
    const cells = parse(
      errorsToCsv([error({ rowData, ...rest })], ['=Email', 'Phone', 'Notes']),
    ).flat()
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\n\0]/)
  })

  it('widens the header for rows longer than the mapping', () => {
    const [header, row] = parse(errorsToCsv([error({ rowData: ['a', 'b', 'c', 'extra'] })], HEADER))
    expect(header?.slice(-2)).toEqual(['Notes', 'Column 4'])
    expect(row?.at(-1)).toBe('extra')
  })

  it('exports hidden values as HubSpot returned them', () => {
    const row = error({
      rowData: ['REDACTED', 'x', 'y'],
      invalidValue: 'REDACTED',
      sourceData: {
        rowData: ['REDACTED', 'x', 'y'],
        additionalRowData: [],
        containsEncryptedProperties: true,
        fileId: 1,
        lineNumber: 2,
      },
    })
    const [, cells] = parse(errorsToCsv([row], HEADER))
    expect(cells?.[ERRORS_CSV_COLUMNS.indexOf('Invalid value')]).toBe('REDACTED')
  })
})

describe('errorsCsvFileName', () => {
  it.each([
    { input: '123', expected: 'import-123-errors.csv' },
    { input: '../x', expected: 'import-___x-errors.csv' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(errorsCsvFileName(input)).toBe(expected)
  })
})
