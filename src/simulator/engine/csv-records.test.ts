// Reading uploaded CSV files record by record from disk
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RecordTooLargeError, readCsvRecords, type CsvRecord } from './csv-records.ts'

let dir: string
let n = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csv-records-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function read(
  content: string,
  options: { highWaterMark?: number; maxRecordChars?: number } = {},
) {
  n += 1
  const path = join(dir, `${n}.csv`)
  await writeFile(path, content, 'utf8')
  const out: CsvRecord[] = []
  for await (const record of readCsvRecords(path, options)) out.push(record)
  return out
}

const cells = (records: CsvRecord[]) => records.map((r) => r.cells)

describe('readCsvRecords', () => {
  it.each([
    [
      'LF',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CR',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['one record ending in CR', 'a,b\r', [['a', 'b']]],
    ['one record ending in CRLF', 'a,b\r\n', [['a', 'b']]],
    [
      'BOM stripped',
      '\uFEFFa,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma, quote and newline', 'a,"b,""c""\nd"\n', [['a', 'b,"c"\nd']]],
    ['blank lines skipped', '\na\n\n\nb\n', [['a'], ['b']]],
    ['empty cells kept', 'a,,\n', [['a', '', '']]],
    ['rows of empty cells or spaces are blank, not records', 'a\n,,\n  \n"",""\nb', [['a'], ['b']]],
    ['a quote inside an unquoted cell is text', 'x,5\'10"\n', [['x', '5\'10"']]],
    ['semicolons are data', 'a;b;c\n', [['a;b;c']]],
    ['non-ASCII', 'Zoë,Ødegård,日本\n', [['Zoë', 'Ødegård', '日本']]],
    ['empty file', '', []],
  ])('%s', async (_name, content, expected) => {
    expect(cells(await read(content))).toEqual(expected)
  })

  it.each([1, 2, 3, 5, 7, 64])(
    'gives the same records whatever the chunk size (%i bytes)',
    async (highWaterMark) => {
      const content =
        '\uFEFFname,"note"\r\n"Zoë ""Z""","multi\r\nline, with comma"\r\n日本,x\r\n\r\nlast,row'
      const records = await read(content, { highWaterMark })
      expect(cells(records)).toEqual([
        ['name', 'note'],
        ['Zoë "Z"', 'multi\r\nline, with comma'],
        ['日本', 'x'],
        ['last', 'row'],
      ])
      expect(records.map((r) => r.recordNumber)).toEqual([1, 2, 3, 4])
    },
  )

  it('flags an unterminated quote on the last record', async () => {
    const records = await read('a,b\n1,"open\n')
    expect(records[1]?.parseError).toMatch(/quote/i)
    expect(records[0]?.parseError).toBeUndefined()
  })

  it('stops at a record longer than the limit instead of buffering the file', async () => {
    const content = `a,b\n1,"never closed ${'x'.repeat(5_000)}\n2,3\n`
    await expect(
      read(content, { highWaterMark: 256, maxRecordChars: 1_000 }),
    ).rejects.toBeInstanceOf(RecordTooLargeError)
  })

  it('rejects a missing file', async () => {
    const records = readCsvRecords(join(dir, 'missing.csv'))
    await expect(records.next()).rejects.toThrow(/ENOENT/)
  })
})
