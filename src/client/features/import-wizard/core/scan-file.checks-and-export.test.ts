// Streaming scan over a generated 20,000-row file (repeats, bad values, edits, cancel) and the clean-CSV export
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { NO_EDITS, withCellEdit, withRowExcluded } from './edits.ts'
import { valueAt } from '#client/lib/offset-runs.ts'
import { exportCleanCsv, scanFile } from './scan-file.ts'
import type { ScanProgress } from './scan-result.ts'
import { UTF8, chunked, fixtureFile, planFor } from './test-helpers.ts'

describe('scanFile: checks over a generated 20,000-row file', () => {
  const headers = ['Record ID', 'Email', 'First Name', 'Birthday']
  const lines = [headers.join(',')]
  for (let i = 0; i < 20_000; i++) {
    const id = i % 4 === 0 ? String(1000 + i) : ''
    // every 1,000th row repeats an earlier email; every 2,500th has a broken one
    const email =
      i % 2_500 === 7
        ? `broken${i}@`
        : i % 1_000 === 999
          ? `user${i - 500}@example.com`
          : `user${i}@example.com`
    lines.push(`${id},${email},Näme ${i},${i % 3 === 0 ? '12/31/1990' : ''}`)
  }
  const bytes = new TextEncoder().encode(lines.join('\n') + '\n')
  const plan = planFor(headers, {
    'Record ID': 'hs_object_id',
    Email: 'email',
    'First Name': 'firstname',
    Birthday: 'date_of_birth',
  })

  it('finds every repeat and bad value, counts the outcome, and reports progress', async () => {
    const progress: ScanProgress[] = []
    const result = await scanFile(chunked(bytes, 16 * 1024), UTF8, plan, {
      onProgress: (p) => progress.push(p),
      progressIntervalMs: 0,
    })
    expect(result.totalRows).toBe(20_000)
    expect(result.bytesRead).toBe(bytes.length)
    expect(result.problemCounts).toEqual({ DUPLICATE_ALTERNATE_ID: 20, INVALID_EMAIL: 8 })
    expect(result.problemRowCount).toBe(28)
    expect(result.problemRows[0]).toMatchObject({ rowIndex: 7, lineNumber: 9 })
    expect(result.expected).toEqual([
      {
        objectTypeId: '0-1',
        operation: 'UPSERT',
        toCreate: 0,
        toUpdate: 5_000,
        toCreateOrUpdate: 14_972,
        withProblems: 28,
        skipped: 0,
      },
    ])
    expect(result.dateSamples[3]).toHaveLength(200)
    expect(progress.length).toBeGreaterThan(3)
    expect(progress.at(-1)).toEqual({
      bytesRead: bytes.length,
      totalBytes: bytes.length,
      rows: 20_000,
    })
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.bytesRead).toBeGreaterThanOrEqual(progress[i - 1]!.bytesRead)
  })

  it('applies edits and leaves out excluded rows', async () => {
    const edits = withRowExcluded(withCellEdit(NO_EDITS, 7, 1, 'fixed7@example.com'), 999, true)
    const result = await scanFile(new Blob([bytes]), UTF8, plan, { edits })
    expect(result.totalRows).toBe(19_999)
    expect(result.excludedRows).toBe(1)
    expect(result.problemCounts).toEqual({ DUPLICATE_ALTERNATE_ID: 19, INVALID_EMAIL: 7 })
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    const scan = scanFile(chunked(bytes, 1024), UTF8, plan, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.rows > 100) controller.abort()
      },
    })
    await expect(scan).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('exportCleanCsv', () => {
  it('writes kept columns under their new names, with edits, and parses back', async () => {
    const file = fixtureFile('duplicate-headers.csv')
    const result = await exportCleanCsv(file, UTF8, {
      columnIndexes: [0, 2, 3],
      headerNames: ['Email', 'email (2)', 'Name (2)'],
      edits: withCellEdit(NO_EDITS, 0, 3, 'Lima, "the elder"'),
    })
    const text = await result.blob.text()
    expect(text).toBe(
      'Email,email (2),Name (2)\r\nana@example.com,ana2@example.com,"Lima, ""the elder"""\r\n',
    )
    expect(result.rows).toBe(1)
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data[1]).toEqual([
      'ana@example.com',
      'ana2@example.com',
      'Lima, "the elder"',
    ])
  })

  it('leaves out excluded rows', async () => {
    const result = await exportCleanCsv(
      fixtureFile('pipe.csv'),
      { ...UTF8, delimiter: '|' },
      {
        columnIndexes: [0],
        headerNames: ['Email'],
        edits: withRowExcluded(NO_EDITS, 0, true),
      },
    )
    expect(await result.blob.text()).toBe('Email\r\nbo@example.com\r\n')
  })

  it('says which line of the original file each row of the copy came from', async () => {
    // header, a row, a blank line, a row with a cell on two lines, an excluded row, a last row
    const text =
      'Email,Note\r\na@x.io,one\r\n\r\nb@x.io,"two\r\nlines"\r\nc@x.io,out\r\nd@x.io,four\r\n'
    const file = new Blob([text])
    const result = await exportCleanCsv(file, UTF8, {
      columnIndexes: [0, 1],
      headerNames: ['Email', 'Note'],
      edits: withRowExcluded(NO_EDITS, 2, true),
    })
    expect([0, 1, 2].map((row) => valueAt(result.rowLines!, row))).toEqual([2, 4, 7])
    expect([0, 1, 2].map((row) => valueAt(result.sourceRows!, row))).toEqual([0, 1, 3])
  })
})
