// The CSV writer's quoting and formula guard, as tables (cases kept from the hand-written writers it replaced)
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toCsv } from './csv.ts'

const cellOf = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data[0]?.[0]

describe('toCsv with the formula guard', () => {
  it.each([
    { input: '=1+2', expected: "'=1+2" },
    { input: '+49 30 1234', expected: "'+49 30 1234" },
    { input: '-5', expected: "'-5" },
    { input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { input: '\tx', expected: "'\tx" },
    { input: '\rx', expected: "'\rx" },
    { input: '\nx', expected: "'\nx" },
    { input: '\0x', expected: "'\0x" },
    { input: '=1\n=2', expected: "'=1\n=2" },
    { input: 'plain', expected: 'plain' },
    { input: 'a=b', expected: 'a=b' },
    { input: ' =1', expected: ' =1' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(cellOf(toCsv([[input]], { guardFormulas: true }))).toBe(expected)
  })

  it('leaves an empty cell empty', () => {
    expect(toCsv([['']], { quoteAll: true, guardFormulas: true })).toBe('""\r\n')
  })
})

describe('toCsv quoting every field', () => {
  it.each([
    { description: 'plain text is quoted', input: 'abc', expected: '"abc"' },
    { description: 'quotes are doubled', input: 'say "hi"', expected: '"say ""hi"""' },
    { description: 'commas stay inside the cell', input: 'a,b', expected: '"a,b"' },
    { description: 'newlines stay inside the cell', input: 'a\r\nb', expected: '"a\r\nb"' },
  ])('$description', ({ input, expected }) => {
    expect(toCsv([[input]], { quoteAll: true })).toBe(`${expected}\r\n`)
  })

  it('applies the OWASP example: =1+2";=1+2', () => {
    expect(toCsv([['=1+2";=1+2']], { quoteAll: true, guardFormulas: true })).toBe(
      `"'=1+2"";=1+2"\r\n`,
    )
  })

  it('leaves values alone without the guard', () => {
    expect(toCsv([['=1', '+2']], { quoteAll: true })).toBe('"=1","+2"\r\n')
  })
})

describe('toCsv', () => {
  it('ends every record with CRLF, an empty row included', () => {
    expect(toCsv([['a', 'b'], [], ['c', '']])).toBe('a,b\r\n\r\nc,\r\n')
    expect(toCsv([])).toBe('')
  })
})
