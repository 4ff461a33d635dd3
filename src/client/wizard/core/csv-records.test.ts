import { describe, expect, it } from 'vitest'
import { createRecordReader, parseRecords } from './csv-records.ts'
import type { Newline } from './csv-records.ts'

const lines = (text: string, newline: Newline) =>
  parseRecords(text, { delimiter: ',', newline }).lineNumbers

describe('record line numbers', () => {
  it.each([
    ['plain rows', 'a,b\nc,d\ne,f', '\n', [1, 2, 3]],
    ['a quoted line break', 'a,"x\ny"\nc,d\n', '\n', [1, 3]],
    // the cell's text ends where a line break starts: still two lines
    ['a quoted cell ending in a line break', '"a\n"\nb\n', '\n', [1, 3]],
    ['a quoted empty last cell', 'a,""\nb\n', '\n', [1, 2]],
    ['escaped quotes', '"say ""hi""",b\nc\n', '\n', [1, 2]],
    ['a stray \\r in an LF file counts as a line', 'a\rb,c\nd\n', '\n', [1, 3]],
    ['CRLF with a lone \\n in a cell', 'a\nb,c\r\nd\r\n', '\r\n', [1, 3]],
    ['CR line breaks', 'a,b\r"c\rd"\re', '\r', [1, 2, 4]],
    ['blank lines', 'a\n\nb\n', '\n', [1, 2, 3]],
  ] as const)('%s', (_, text, newline, expected) => {
    expect(lines(text, newline)).toEqual(expected)
  })

  it('is the same whatever the chunk size', () => {
    const text = 'h1,h2\n"a\n""b""\n",c\r\nd,"e\r"\n\nf,"g,\n"\n"unterminated\nx\n'
    const expected = parseRecords(text, { delimiter: ',', newline: '\n' })
    for (let size = 1; size <= 8; size++) {
      const got: number[] = []
      const reader = createRecordReader(
        { delimiter: ',', newline: '\n' },
        { record: (_, line) => got.push(line), error: () => {} },
      )
      for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size))
      reader.end()
      expect(got).toEqual(expected.lineNumbers)
    }
  })
})
