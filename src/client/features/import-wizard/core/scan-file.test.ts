// Streaming scan and clean-CSV export over real files, chunk sizes and edits
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import { buildCheckPlan } from './check-plan.ts'
import { NO_EDITS, withCellEdit, withReplacement, withRowExcluded } from './edits.ts'
import { CATALOGS } from './fixtures/properties.ts'
import { inspectFile } from './inspect-file.ts'
import type { ImportOperations, MappingDraft } from './mapping-draft.ts'
import type { ParseSettings } from './parse-settings.ts'
import { valueAt } from '#client/lib/offset-runs.ts'
import { exportCleanCsv, scanFile, streamRows, type ByteSource } from './scan-file.ts'
import type { ScanProgress } from './scan-result.ts'
import { chunked, fixtureBytes, fixtureFile } from './test-helpers.ts'

const UTF8: ParseSettings = { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 }

/** Maps headers by name: `{ Email: 'email' }` (contacts unless `0-2/name`). */
function mappingFor(headers: string[], targets: Record<string, string>): MappingDraft {
  return headers.map((columnName, columnIndex) => {
    const target = targets[columnName]
    if (!target) return { columnIndex, columnName, objectTypeId: null, propertyName: null }
    const [objectTypeId, propertyName] = target.includes('/') ? target.split('/') : ['0-1', target]
    return {
      columnIndex,
      columnName,
      objectTypeId: objectTypeId as '0-1',
      propertyName: propertyName!,
    }
  })
}

function planFor(
  headers: string[],
  targets: Record<string, string>,
  operations: ImportOperations = { '0-1': 'UPSERT' },
) {
  return buildCheckPlan({
    mapping: mappingFor(headers, targets),
    operations,
    catalogs: CATALOGS,
    columnCount: headers.length,
    dateFormat: 'MONTH_DAY_YEAR',
  })
}

async function exportText(
  source: ByteSource,
  settings: ParseSettings,
  columns: number,
  names?: string[],
) {
  const columnIndexes = Array.from({ length: columns }, (_, i) => i)
  const result = await exportCleanCsv(source, settings, {
    columnIndexes,
    headerNames: names ?? columnIndexes.map((i) => `c${i}`),
    edits: NO_EDITS,
  })
  return { ...result, text: new TextDecoder().decode(await result.blob.arrayBuffer()) }
}

describe('scanFile: reading', () => {
  const text =
    'Email,First Name,Notes\r\n' +
    'zoë@example.com,Zoë,"a ""quoted"", multi\r\nline note 😀"\r\n'.repeat(5) +
    'li@example.com,李,end\r\n'
  const bytes = new TextEncoder().encode(text)

  it.each([1, 2, 3, 5, 7, 13, 64, 65_536])(
    'gives the same rows with %i-byte chunks',
    async (size) => {
      const { text: out, rows } = await exportText(chunked(bytes, size), UTF8, 3, [
        'Email',
        'First Name',
        'Notes',
      ])
      expect(rows).toBe(6)
      expect(out).toBe(text.replace(/zoë@/g, 'zoë@'))
    },
  )

  it('counts physical lines past quoted newlines', async () => {
    const csv = 'Email,Notes\nok@example.com,"two\nlines"\nbad@,x\nalso bad,"x"\n'
    const plan = planFor(['Email', 'Notes'], { Email: 'email' })
    const result = await scanFile(new Blob([csv]), UTF8, plan)
    expect(result.problemRows.map((r) => [r.rowIndex, r.lineNumber])).toEqual([
      [1, 4],
      [2, 5],
    ])
  })

  it('decodes windows-1252 accents and the euro sign', async () => {
    const file = fixtureFile('windows-1252.csv')
    const { text } = await exportText(file, { ...UTF8, encoding: 'windows-1252' }, 4, [
      'Email',
      'First Name',
      'City',
      'Price',
    ])
    expect(text).toBe(
      'Email,First Name,City,Price\r\nzoe@example.com,Zoë,Köln,€5\r\nrene@example.com,René,Málaga,€7\r\n',
    )
  })

  it.each([
    { fixture: 'utf16le-bom.csv', encoding: 'utf-16le' },
    { fixture: 'utf16be-bom.csv', encoding: 'utf-16be' },
  ] as const)('transcodes $fixture to UTF-8 without a BOM', async ({ fixture, encoding }) => {
    const { text, blob } = await exportText(
      chunked(fixtureBytes(fixture), 5),
      { ...UTF8, encoding },
      3,
      ['Email', 'First Name', 'City'],
    )
    expect(text).toBe('Email,First Name,City\r\nzoe@example.com,Zoë,Köln\r\n')
    expect(new Uint8Array(await blob.slice(0, 1).arrayBuffer())[0]).toBe(0x45)
  })

  it('drops the title and blank lines above the header and converts semicolons', async () => {
    // the title is record 0; the blank lines below it are not records
    const settings: ParseSettings = { encoding: 'utf-8', delimiter: ',', headerRowIndex: 1 }
    const { text } = await exportText(fixtureFile('title-row.csv'), settings, 3, [
      'Email',
      'First Name',
      'Last Name',
    ])
    expect(text).toBe(
      'Email,First Name,Last Name\r\nana@example.com,Ana,Lima\r\nbo@example.com,Bo,Berg\r\n',
    )
    const semi = await exportText(fixtureFile('semicolon.csv'), { ...UTF8, delimiter: ';' }, 3, [
      'Email',
      'First Name',
      'Amount',
    ])
    expect(semi.text).toBe(
      'Email,First Name,Amount\r\nana@example.com,Ana,"1,5"\r\nbo@example.com,Bo,"2,75"\r\n',
    )
  })

  it('reports ragged rows with their lines', async () => {
    const plan = planFor(['Email', 'First Name', 'Last Name'], { Email: 'email' })
    const result = await scanFile(fixtureFile('ragged.csv'), UTF8, plan)
    expect(result.totalRows).toBe(4)
    expect(result.raggedLines).toEqual([3, 4])
    expect(result.raggedRows).toEqual([1, 2])
    expect(result.problemCounts).toEqual({ INCORRECT_NUMBER_OF_COLUMNS: 2 })
    // every cell of the row is kept, extra ones too, so the check step can show where they slid
    expect(result.problemRows.map((r) => r.cells)).toEqual([
      ['bo@example.com', 'Bo'],
      ['cy@example.com', 'Cy', 'Diaz', 'extra'],
    ])
  })

  it('leaves excluded ragged rows out of the ragged list and count', async () => {
    const plan = planFor(['Email', 'First Name', 'Last Name'], { Email: 'email' })
    const edits = withRowExcluded(NO_EDITS, 1, true)
    const result = await scanFile(fixtureFile('ragged.csv'), UTF8, plan, { edits })
    expect(result.raggedRows).toEqual([2])
    expect(result.problemCounts).toEqual({ INCORRECT_NUMBER_OF_COLUMNS: 1 })
  })

  it('keeps problem rows as in the file: the grid applies the edits itself', async () => {
    const plan = planFor(['Email', 'First Name', 'Last Name'], { Email: 'email' })
    const edits = withReplacement(NO_EDITS, 1, 'Cy', 'Cyrus')
    const result = await scanFile(fixtureFile('ragged.csv'), UTF8, plan, { edits })
    expect(result.problemRows[1]!.cells).toEqual(['cy@example.com', 'Cy', 'Diaz', 'extra'])
  })

  it('reports an unterminated quote where it opens', async () => {
    const plan = planFor(['Email', 'Notes'], { Email: 'email' })
    const result = await scanFile(chunked(fixtureBytes('unterminated-quote.csv'), 4), UTF8, plan)
    expect(result.fileIssues).toMatchObject([
      { code: 'UNTERMINATED_QUOTE', severity: 'error', lines: [3] },
    ])
    expect(result.problemRows).toMatchObject([
      { lineNumber: 3, problems: [{ type: 'UNTERMINATED_QUOTE' }] },
    ])
  })

  it.each([
    { fixture: 'utf8.csv', rows: 3 },
    { fixture: 'utf8-bom.csv', rows: 1 },
    { fixture: 'quoted-newlines.csv', rows: 3 },
    { fixture: 'header-only.csv', rows: 0 },
    { fixture: 'empty.csv', rows: 0 },
    { fixture: 'duplicate-headers.csv', rows: 1 },
    { fixture: 'blank-headers.csv', rows: 1 },
  ])(
    'counts $rows data rows in $fixture, as the inspection saw them',
    async ({ fixture, rows }) => {
      const inspection = await inspectFile(fixtureFile(fixture))
      const plan = planFor(inspection.headers, {})
      const result = await scanFile(fixtureFile(fixture), inspection.settings, plan)
      expect(result.totalRows).toBe(rows)
      expect(result.problemRowCount).toBe(0)
    },
  )
})

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

describe('scanFile: row limit', () => {
  it('blocks a file with more rows than HubSpot accepts', async () => {
    const rows = IMPORT_LIMITS.maxRows + 1
    const bytes = new TextEncoder().encode('Name\n' + 'x\n'.repeat(rows))
    const result = await scanFile(new Blob([bytes]), UTF8, planFor(['Name'], {}))
    expect(result.totalRows).toBe(rows)
    expect(result.fileIssues).toMatchObject([{ code: 'TOO_MANY_ROWS', severity: 'error' }])
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

describe('scanFile: line of every row', () => {
  it('maps each data row, excluded ones too, to its physical line', async () => {
    const text = 'Email\r\n\r\na@x.io\r\n"b@x.io\r\n"\r\nc@x.io\r\n'
    const result = await scanFile(new Blob([text]), UTF8, planFor(['Email'], { Email: 'email' }), {
      edits: withRowExcluded(NO_EDITS, 1, true),
    })
    expect([0, 1, 2].map((row) => valueAt(result.rowLines!, row))).toEqual([3, 4, 6])
  })
})

describe('streamRows: the row estimate', () => {
  // [data rows, chunk bytes]: the sink hears once, from the rows of the first chunks, about how
  // many rows the source holds; a source read in one chunk needs no estimate
  it.each([
    [40_000, 65_536, true],
    [40_000, 1 << 20, true],
    [2_000, 1 << 20, false],
  ])('%i rows in %i-byte chunks: estimated %s', async (rows, chunk, expected) => {
    const lines = ['Email,Name']
    for (let i = 0; i < rows; i++)
      lines.push(`user${i}@example.com,${i % 7 === 0 ? '"Ann, Lee"' : 'Bo'}`)
    const bytes = new TextEncoder().encode(lines.join('\r\n'))
    const estimates: number[] = []
    let seen = 0
    await streamRows(
      chunked(bytes, chunk),
      UTF8,
      { row: () => void seen++, expectRows: (estimate) => void estimates.push(estimate) },
      {},
    )
    expect(seen).toBe(rows)
    if (!expected) return expect(estimates).toEqual([])
    expect(estimates).toHaveLength(1)
    expect(Math.abs(estimates[0]! - rows) / rows).toBeLessThan(0.05)
  })
})
