// Streaming scan over real files and chunk sizes: decoding, lines, ragged rows, the row limit and estimate
import { describe, expect, it } from 'vitest'
import { IMPORT_LIMITS } from '#shared/api-paths.ts'
import { NO_EDITS, withReplacement, withRowExcluded } from './edits.ts'
import { inspectFile } from './inspect-file.ts'
import type { ParseSettings } from './parse-settings.ts'
import { valueAt } from '#client/lib/offset-runs.ts'
import { exportCleanCsv, scanFile, streamRows, type ByteSource } from './scan-file.ts'
import { UTF8, chunked, fixtureBytes, fixtureFile, planFor } from './test-helpers.ts'

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

describe('scanFile: row limit', () => {
  it('blocks a file with more rows than HubSpot accepts', async () => {
    const rows = IMPORT_LIMITS.maxRows + 1
    const bytes = new TextEncoder().encode('Name\n' + 'x\n'.repeat(rows))
    const result = await scanFile(new Blob([bytes]), UTF8, planFor(['Name'], {}))
    expect(result.totalRows).toBe(rows)
    expect(result.fileIssues).toMatchObject([{ code: 'TOO_MANY_ROWS', severity: 'error' }])
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
