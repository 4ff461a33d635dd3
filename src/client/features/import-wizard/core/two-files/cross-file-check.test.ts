// The cross-file check: reference values with no owner row, read as the upload will hold them
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '../fixtures/properties.ts'
import { NO_EDITS } from '../edits.ts'
import { crossFileCheck } from './cross-file-check.ts'

const settings = { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 } as const
const email = CATALOGS['0-1']!.find((p) => p.name === 'email')!

const CONTACTS = new Blob(['Email,Name\r\nada@x.example,Ada\r\ngrace@y.example,Grace\r\n'])
const COMPANIES = new Blob([
  'Name,Contact email\r\n',
  'A,ADA@x.example\r\n',
  'B,\r\n',
  'C,zed@z.example\r\n',
  'D,not an email\r\n',
  'E,grace@y.example\r\n',
])

describe('crossFileCheck', () => {
  it('lists the reference values no owner row holds, by line, emails in any case matching', async () => {
    const result = await crossFileCheck({
      owner: { file: CONTACTS, settings, columnIndex: 0, edits: NO_EDITS },
      reference: { file: COMPANIES, settings, columnIndex: 1, edits: NO_EDITS },
      property: email,
      dateFormat: 'MONTH_DAY_YEAR',
    })
    expect(result.referenceRows).toBe(4)
    expect(result.unmatchedCount).toBe(2)
    expect(result.unmatched).toEqual([
      { lineNumber: 4, value: 'zed@z.example', reason: 'unmatched' },
      expect.objectContaining({ lineNumber: 5, value: 'not an email', reason: 'invalid' }),
    ])
  })

  it('reads both files with the edits: a fixed value matches, an excluded row is not listed', async () => {
    const result = await crossFileCheck({
      owner: {
        file: CONTACTS,
        settings,
        columnIndex: 0,
        // grace's row is left out of the owner file: her company no longer matches
        edits: { cells: [], replacements: [], excludedRows: [1] },
      },
      reference: {
        file: COMPANIES,
        settings,
        columnIndex: 1,
        edits: {
          cells: [{ rowIndex: 2, columnIndex: 1, value: 'ada@x.example' }],
          replacements: [],
          excludedRows: [3],
        },
      },
      property: email,
      dateFormat: 'MONTH_DAY_YEAR',
    })
    expect(result.unmatched.map((u) => [u.lineNumber, u.value])).toEqual([[6, 'grace@y.example']])
  })
})
