// The clean CSV's writer: quoting, records, round trip through papaparse, Blob batches
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toCsv } from '#client/lib/csv.ts'
import { createCsvBlobBuilder, csvField, csvLine } from './csv-writer.ts'

describe('csvField', () => {
  it.each([
    { input: 'plain', expected: 'plain' },
    { input: '', expected: '' },
    { input: 'a,b', expected: '"a,b"' },
    { input: 'say "hi"', expected: '"say ""hi"""' },
    { input: 'line\nbreak', expected: '"line\nbreak"' },
    { input: 'cr\r\nlf', expected: '"cr\r\nlf"' },
    { input: ' padded ', expected: '" padded "' },
    { input: 'Zoë; Köln', expected: 'Zoë; Köln' },
    { input: '=1+2', expected: '=1+2' },
  ])('$input', ({ input, expected }) => {
    expect(csvField(input)).toBe(expected)
  })
})

// the writer is our own, but its output must stay what papaparse's unparse (toCsv) wrote
describe('csvField writes what toCsv writes', () => {
  it.each([
    'plain',
    '',
    ' ',
    'a,b',
    '"',
    '""',
    'say "hi"',
    'line\nbreak',
    'cr\ronly',
    'cr\r\nlf',
    ' lead',
    'trail ',
    '\tlead tab',
    'trail tab\t',
    '\u00a0no-break space',
    'ends in ideographic space\u3000',
    'line separator\u2028',
    '\u2028',
    'inner \u00a0 space',
    '\ufeffBOM at start',
    'BOM \ufeff inside',
    'semi;colon|pipe',
    '=1+2',
    '-5',
    'Zoë 😀 李',
  ])('%j', (input) => {
    expect(csvField(input)).toBe(toCsv([[input]]).slice(0, -2))
  })

  it('writes whole records as toCsv does', () => {
    const rows = [['a', ' b', 'c"d', ''], [''], ['x\ny', '\ufeff', 'z,']]
    expect(rows.map(csvLine).join('')).toBe(toCsv(rows))
  })
})

describe('csvLine', () => {
  it.each([
    { cells: ['a', 'b', 'c'], expected: 'a,b,c\r\n' },
    { cells: ['', '', ''], expected: ',,\r\n' },
    { cells: ['x,y', '"q"'], expected: '"x,y","""q"""\r\n' },
  ])('$cells', ({ cells, expected }) => {
    expect(csvLine(cells)).toBe(expected)
  })

  it('round-trips through papaparse', () => {
    const rows = [
      ['Email', 'Notes'],
      ['a@x.com', 'line one\r\nline two, "quoted"'],
      ['b@x.com', ' edge '],
    ]
    const text = rows.map(csvLine).join('')
    expect(Papa.parse<string[]>(text, { skipEmptyLines: true }).data).toEqual(rows)
  })
})

describe('createCsvBlobBuilder', () => {
  it('builds a UTF-8 blob without a BOM over several batches', async () => {
    const builder = createCsvBlobBuilder()
    builder.add(['Name', 'City'])
    for (let i = 0; i < 60_000; i++) builder.add([`Zoë ${i}`, 'Köln'])
    const blob = builder.finish()
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0x4e, 0x61, 0x6d]))
    expect(blob.size).toBe(builder.bytes)
    const text = new TextDecoder().decode(bytes)
    expect(text.startsWith('Name,City\r\nZoë 0,Köln\r\n')).toBe(true)
    expect(text.endsWith('Zoë 59999,Köln\r\n')).toBe(true)
  })

  it('keeps rows in order across full buffers and lines longer than a buffer', async () => {
    const builder = createCsvBlobBuilder()
    const long = 'é'.repeat(400_000)
    const rows = [['a', 'b']]
    for (let i = 0; i < 150_000; i++) rows.push([`Zoë ${i}`, i % 50_000 === 7 ? long : 'Köln, DE'])
    for (const row of rows) builder.add(row)
    const blob = builder.finish()
    expect(blob.size).toBe(builder.bytes)
    expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe(toCsv(rows))
  })
})
