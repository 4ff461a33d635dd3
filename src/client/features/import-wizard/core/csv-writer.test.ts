// The clean CSV's writer: quoting, records, round trip through papaparse, Blob batches
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
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
})
