// The re-import seed: the failed rows once each, under the original header, with the original request
import { describe, expect, it } from 'vitest'
import { importRequestSchema } from '#shared/hubspot/import-request.ts'
import { twoFileImportRequest } from '#shared/testing/two-file-import.ts'
import { buildReimportSeed } from './build-reimport-seed.ts'
import { error, fakeFetchers, importResponse, rowsOf } from './reimport-seed-fixtures.ts'

describe('buildReimportSeed', () => {
  it('builds a CSV of the failed rows under the original header, one row per line, in file order', async () => {
    const fetchers = fakeFetchers([
      error(5, ['e@x', 'Eve', 'lead']),
      error(2, ['bad', 'Ann', 'lead']),
      error(5, ['e@x', 'Eve', 'lead'], {
        errorType: 'INVALID_ENUMERATION_OPTION',
        knownColumnNumber: 2,
      }),
      error(3, ['b@x', '=cmd', 'nope'], {
        errorType: 'INVALID_ENUMERATION_OPTION',
        knownColumnNumber: 2,
        invalidValue: 'nope',
      }),
      error(5, ['e@x', 'Eve', 'lead'], { errorType: 'COULD_NOT_PARSE_DATE' }),
    ])
    const seed = await buildReimportSeed('42', fetchers)
    expect(fetchers.asked).toEqual(['import 42', 'errors 42 ', 'errors 42 2', 'errors 42 4'])
    expect(await rowsOf(seed.file)).toEqual([
      ['Email', 'Name', 'Stage'],
      ['bad', 'Ann', 'lead'],
      ['b@x', '=cmd', 'nope'],
      ['e@x', 'Eve', 'lead'],
    ])
    expect(seed.file.name).toBe('contacts-may-failed-rows.csv')
    expect(Object.keys(seed.problemsByLine)).toEqual(['2', '3', '4'])
    expect(seed.problemsByLine[3]).toEqual([
      expect.objectContaining({
        originalLineNumber: 3,
        columnName: 'Stage',
        columnIndex: 2,
        invalidValue: 'nope',
      }),
    ])
    expect(seed.problemsByLine[4]?.map((p) => p.errorType)).toEqual([
      'INVALID_EMAIL',
      'INVALID_ENUMERATION_OPTION',
      'COULD_NOT_PARSE_DATE',
    ])
    expect(seed.warnings).toEqual([])
  })

  it('keeps the mapping and options, with the re-import name and file name', async () => {
    const seed = await buildReimportSeed('42', fakeFetchers([error(2, ['bad', 'Ann', 'lead'])]))
    expect(importRequestSchema.safeParse(seed.importRequest).success).toBe(true)
    expect(seed.importRequest).toMatchObject({
      name: 'Contacts May (re-import of #42)',
      importOperations: { '0-1': 'UPSERT' },
      dateFormat: 'DAY_MONTH_YEAR',
      files: [{ fileName: 'contacts-may-failed-rows.csv', fileImportPage: { hasHeader: true } }],
    })
    expect(seed.importRequest?.files[0]?.fileImportPage.columnMappings).toHaveLength(3)
  })

  it('keeps quotes, commas and newlines of the original cells', async () => {
    const tricky = ['q@x', 'O"Neil, Jr.\nsecond line', '+49 30']
    const seed = await buildReimportSeed('42', fakeFetchers([error(7, tricky)]))
    expect((await rowsOf(seed.file))[1]).toEqual(tricky)
  })

  it('reports file-wide errors as warnings, not rows', async () => {
    const seed = await buildReimportSeed(
      '42',
      fakeFetchers([
        error(0, [], { errorType: 'INVALID_COLUMN_CONFIGURATION', errorMessage: 'bad column' }),
        error(2, ['a', 'b', 'c']),
      ]),
    )
    expect(seed.warnings).toEqual(['File-wide error: bad column'])
    expect(await rowsOf(seed.file)).toHaveLength(2)
  })

  it('marks rows whose values HubSpot hid', async () => {
    const seed = await buildReimportSeed(
      '42',
      fakeFetchers([
        error(2, ['REDACTED', 'Ann', 'lead'], {
          invalidValue: 'REDACTED',
          sourceData: {
            rowData: ['REDACTED', 'Ann', 'lead'],
            additionalRowData: [],
            containsEncryptedProperties: true,
            fileId: 9,
            lineNumber: 2,
          },
        }),
      ]),
    )
    expect(seed.problemsByLine[2]?.[0]).toMatchObject({
      hiddenValues: true,
      invalidValue: undefined,
    })
    expect(seed.warnings.join(' ')).toMatch(/sensitive/)
  })

  it.each([
    { description: 'absent', json: undefined },
    { description: 'not JSON', json: 'oops' },
    { description: 'without mappings', json: { name: 'x', files: [] } },
  ])('still gives the rows when importRequestJson is $description', async ({ json }) => {
    const seed = await buildReimportSeed('42', fakeFetchers([error(2, ['a', 'b'])], json ?? null))
    expect(seed.importRequest).toBeUndefined()
    expect(seed.warnings.join(' ')).toMatch(/map the columns again/)
    expect(await rowsOf(seed.file)).toEqual([
      ['Column 1', 'Column 2'],
      ['a', 'b'],
    ])
  })

  it('leaves out the rows of another file', async () => {
    const other = error(2, ['x', 'y', 'z'])
    other.sourceData.fileId = 10
    const seed = await buildReimportSeed('42', fakeFetchers([error(3, ['a', 'b', 'c']), other]))
    expect(await rowsOf(seed.file)).toHaveLength(2)
    expect(seed.warnings).toEqual(['Errors of other files in this import were left out.'])
  })

  it('gives a header-only file when there are no errors', async () => {
    const seed = await buildReimportSeed('42', fakeFetchers([]))
    expect(await rowsOf(seed.file)).toEqual([['Email', 'Name', 'Stage']])
    expect(seed.problemsByLine).toEqual({})
  })

  it("names each failed row by its line in the person's file when the wizard recorded them", async () => {
    // the wizard excluded line 3 of kontakte.csv: HubSpot's lines 3 and 14 are lines 4 and 15
    const lineMap = {
      fileName: 'kontakte.csv',
      rows: [
        [0, 2],
        [1, 3],
      ] as const,
    }
    const fetchers = fakeFetchers(
      [error(14, ['x', 'Xena', 'lead']), error(2, ['bad', 'Ann', 'lead'])],
      undefined,
      lineMap,
    )
    const seed = await buildReimportSeed('42', fetchers)
    expect(seed.lineOrigin).toEqual({ fileName: 'kontakte.csv', lines: [2, 15] })
    expect(seed.problemsByLine[3]).toEqual([expect.objectContaining({ originalLineNumber: 15 })])
  })

  it("keeps HubSpot's lines, and says so, for an import started elsewhere", async () => {
    const seed = await buildReimportSeed('42', fakeFetchers([error(14, ['x', 'Xena', 'lead'])]))
    expect(seed.lineOrigin).toEqual({ fileName: undefined, lines: [14] })
  })

  it('re-imports both files of a two-file import with the same join, and the rows the join needs', async () => {
    const twoFiles = twoFileImportRequest()
    const inFile = (fileId: number, lineNumber: number, rowData: string[], errorType: string) =>
      error(lineNumber, rowData, {
        errorType,
        sourceData: {
          rowData,
          additionalRowData: [],
          containsEncryptedProperties: false,
          fileId,
          lineNumber,
        },
      })
    const fetchers = fakeFetchers(
      [
        inFile(
          10,
          4,
          ['Nowhere Inc', 'nowhere.example', 'zed@x'],
          'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER',
        ),
        inFile(9, 3, ['bob[at]x', 'Bob'], 'INVALID_EMAIL'),
        inFile(10, 2, ['Analytical', 'not a domain', 'ada@x'], 'INVALID_DOMAIN'),
      ],
      twoFiles,
    )
    fetchers.getImport = async () => ({
      ...importResponse(twoFiles),
      metadata: { counters: {}, fileIds: ['9', '10'], objectLists: [] },
    })
    const seed = await buildReimportSeed('42', fetchers)
    // ada's contact was imported: a row with her email alone joins the fixed company to it again
    expect(await rowsOf(seed.file)).toEqual([
      ['Email', 'First Name'],
      ['bob[at]x', 'Bob'],
      ['ada@x', ''],
    ])
    expect(await rowsOf(seed.second!.file)).toEqual([
      ['Company name', 'Company domain', 'Email'],
      ['Analytical', 'not a domain', 'ada@x'],
      ['Nowhere Inc', 'nowhere.example', 'zed@x'],
    ])
    expect(Object.keys(seed.problemsByLine)).toEqual(['2'])
    expect(seed.second!.problemsByLine[3]?.[0]).toMatchObject({
      originalLineNumber: 4,
      originalFileName: 'companies.csv',
      errorType: 'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER',
    })
    expect(seed.importRequest?.files.map((f) => f.fileName)).toEqual([
      'contacts-failed-rows.csv',
      'companies-failed-rows.csv',
    ])
    expect(seed.importRequest?.files.map((f) => f.fileImportPage.columnMappings)).toEqual(
      twoFiles.files.map((f) => f.fileImportPage.columnMappings),
    )
    expect(seed.importRequest?.name).toBe('Contacts and companies (re-import of #42)')
    expect(seed.lineOrigin).toBeUndefined()
    expect(seed.warnings).toEqual([
      '1 row of contacts.csv holds only the common column (Email), to match the contacts already imported, so the fixed rows of companies.csv are associated with them again. Blank cells change nothing in HubSpot.',
    ])
  })
})
