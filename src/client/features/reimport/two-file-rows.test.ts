// Which rows of each file a two-file re-import sends: the failed rows, plus anchors the join needs
import { describe, expect, it } from 'vitest'
import { twoFileImportRequest } from '#shared/testing/two-file-import.ts'
import {
  joinColumnsOf,
  twoFileReimportRows,
  type FailedRow,
  type JoinColumns,
} from './two-file-rows.ts'

describe('joinColumnsOf', () => {
  it('finds the owner file and the common column in each file', () => {
    expect(joinColumnsOf(twoFileImportRequest())).toEqual({
      ownerFile: 0,
      ownerColumn: 0,
      referenceColumn: 2,
    })
  })

  it('finds an owner that is the second file', () => {
    const request = twoFileImportRequest()
    const swapped = { ...request, files: [request.files[1]!, request.files[0]!] }
    expect(joinColumnsOf(swapped)).toEqual({ ownerFile: 1, ownerColumn: 0, referenceColumn: 2 })
  })

  it('is undefined for one file, or two files without a join', () => {
    const request = twoFileImportRequest()
    expect(joinColumnsOf({ ...request, files: [request.files[0]!] })).toBeUndefined()
    const unjoined = structuredClone(request)
    unjoined.files[1]!.fileImportPage.columnMappings.pop()
    expect(joinColumnsOf(unjoined)).toBeUndefined()
  })
})

const JOIN: JoinColumns = { ownerFile: 0, ownerColumn: 0, referenceColumn: 2 }
const contact = (lineNumber: number, email: string, ...errorTypes: string[]): FailedRow => ({
  lineNumber,
  cells: [email, 'Name'],
  errorTypes: errorTypes.length > 0 ? errorTypes : ['INVALID_EMAIL'],
})
const company = (lineNumber: number, email: string, ...errorTypes: string[]): FailedRow => ({
  lineNumber,
  cells: ['Co', 'co.example', email],
  errorTypes: errorTypes.length > 0 ? errorTypes : ['INVALID_DOMAIN'],
})

describe('twoFileReimportRows', () => {
  const cases: {
    name: string
    contacts: FailedRow[]
    companies: FailedRow[]
    join?: JoinColumns
    expected: [(string | number | undefined)[][], (string | number | undefined)[][]]
  }[] = [
    {
      name: 'failed rows of each file once, in line order',
      contacts: [contact(3, 'b@x'), contact(2, 'a@x'), contact(3, 'b@x', 'INVALID_DATE')],
      companies: [company(4, '')],
      expected: [
        [
          [2, 'a@x', 'Name'],
          [3, 'b@x', 'Name'],
        ],
        [[4, 'Co', 'co.example', '']],
      ],
    },
    {
      name: "a company whose contact was imported gets that contact's email as an anchor row",
      contacts: [],
      companies: [company(2, 'ada@x'), company(3, 'ADA@x '), company(4, 'bob@x')],
      expected: [
        [
          [undefined, 'ada@x', ''],
          [undefined, 'bob@x', ''],
        ],
        [
          [2, 'Co', 'co.example', 'ada@x'],
          [3, 'Co', 'co.example', 'ADA@x '],
          [4, 'Co', 'co.example', 'bob@x'],
        ],
      ],
    },
    {
      name: 'no anchor for a value a failed contact row holds: that row goes again',
      contacts: [contact(2, 'Ada@x')],
      companies: [company(5, 'ada@x', 'INVALID_ASSOCIATION_IDENTIFIER')],
      expected: [[[2, 'Ada@x', 'Name']], [[5, 'Co', 'co.example', 'ada@x']]],
    },
    {
      name: 'no anchor for a value HubSpot could not join: no contact of the file holds it',
      contacts: [],
      companies: [
        company(2, 'zed@x', 'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER'),
        company(2, 'zed@x', 'INVALID_DOMAIN'),
        company(3, 'not an email', 'INVALID_ASSOCIATION_IDENTIFIER'),
      ],
      expected: [
        [],
        [
          [2, 'Co', 'co.example', 'zed@x'],
          [3, 'Co', 'co.example', 'not an email'],
        ],
      ],
    },
    {
      name: 'the owner may be the second file',
      join: { ownerFile: 1, ownerColumn: 0, referenceColumn: 2 },
      contacts: [company(7, 'ada@x')],
      companies: [],
      expected: [[[7, 'Co', 'co.example', 'ada@x']], [[undefined, 'ada@x', '', '']]],
    },
  ]

  it.each(cases)('$name', ({ contacts, companies, join, expected }) => {
    const { files, anchors } = twoFileReimportRows(
      join ?? JOIN,
      [contacts, companies],
      [join ? 3 : 2, join ? 3 : 3],
    )
    const shown = files.map((rows) => rows.map((row) => [row.lineNumber, ...row.cells]))
    expect(shown).toEqual(expected)
    expect(anchors).toBe(files.flat().filter((row) => row.lineNumber === undefined).length)
  })
})
