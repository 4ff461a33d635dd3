// The shared CSV record reader: quoting, line breaks, blank rows, problems, any chunk size
import { describe, expect, it } from 'vitest'
import { createCsvRecordReader, type CsvDelimiter, type QuoteProblem } from './record-reader.ts'

interface Read {
  records: string[][]
  lines: number[]
  problems: (QuoteProblem | undefined)[]
  blank: number[]
}

/** Reads `text` in chunks of `size` characters (0: at once). */
function read(text: string, size = 0, delimiter: CsvDelimiter = ','): Read {
  const out: Read = { records: [], lines: [], problems: [], blank: [] }
  const reader = createCsvRecordReader(
    { delimiter },
    {
      record(cells, line, problem) {
        out.records.push(cells)
        out.lines.push(line)
        out.problems.push(problem)
      },
      blank: (line) => out.blank.push(line),
    },
  )
  if (size === 0) reader.push(text)
  else for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size))
  reader.end()
  return out
}

const cases: {
  name: string
  text: string
  records: string[][]
  lines?: number[]
  problems?: (QuoteProblem | undefined)[]
  blank?: number[]
}[] = [
  {
    name: 'LF',
    text: 'a,b\n1,2\n',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
    lines: [1, 2],
  },
  {
    name: 'CRLF',
    text: 'a,b\r\n1,2\r\n',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
    lines: [1, 2],
  },
  {
    name: 'lone CR (old Mac Excel)',
    text: 'a,b\r1,2\r',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  {
    name: 'mixed line endings in one file',
    text: 'a,b\r\n1,2\n3,4\r5,6',
    records: [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ],
    lines: [1, 2, 3, 4],
  },
  {
    name: 'no line break at the end',
    text: 'a,b\n1,2',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  { name: 'empty text', text: '', records: [] },
  { name: 'a UTF-8 BOM is not content', text: '\uFEFFEmail,b\n', records: [['Email', 'b']] },
  { name: 'a trailing delimiter makes an empty cell', text: 'a,', records: [['a', '']] },
  {
    name: 'quoted delimiter, quote and line breaks keep theirs',
    text: 'a,"b,""c""\r\nd"\ne,"f\rg"\n',
    records: [
      ['a', 'b,"c"\r\nd'],
      ['e', 'f\rg'],
    ],
    lines: [1, 3],
  },
  {
    name: 'line numbers count every physical line, quoted ones too',
    text: 'h\n"x\ny\r\nz"\n"\r."\nlast\n',
    records: [['h'], ['x\ny\r\nz'], ['\r.'], ['last']],
    lines: [1, 2, 5, 7],
  },
  {
    name: 'blank records are not rows: empty lines, spaces, empty cells',
    text: 'a,b\n\n,\n \t \n""," "\n1,2\n,,,\n',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
    lines: [1, 6],
    blank: [2, 3, 4, 5, 7],
  },
  {
    name: 'a cell holding a quoted delimiter is not blank',
    text: 'a,b\n" , ",","\n',
    records: [
      ['a', 'b'],
      [' , ', ','],
    ],
  },
  {
    name: 'a quote inside an unquoted cell is text (STRAY_QUOTE)',
    text: 'Height (5\'10"),Name,City\n1,2,3\n',
    records: [
      ['Height (5\'10")', 'Name', 'City'],
      ['1', '2', '3'],
    ],
    problems: ['STRAY_QUOTE', undefined],
  },
  {
    name: 'a space before a quote makes it an unquoted cell',
    text: '"", " "\n',
    records: [['', ' " "']],
    problems: ['STRAY_QUOTE'],
  },
  {
    name: 'an undoubled quote inside a quoted cell is text (INVALID_QUOTES)',
    text: 'Name,x\n"Ann "The" Lee",y\n',
    records: [
      ['Name', 'x'],
      ['Ann "The" Lee', 'y'],
    ],
    problems: [undefined, 'INVALID_QUOTES'],
  },
  {
    name: 'spaces after a closing quote are dropped, and flagged',
    text: 'A,"B" ,C,"D" \r\nE,F,G,H',
    records: [
      ['A', 'B', 'C', 'D'],
      ['E', 'F', 'G', 'H'],
    ],
    problems: ['INVALID_QUOTES', undefined],
  },
  {
    name: 'an open quote runs to the end (UNTERMINATED_QUOTE)',
    text: 'a,b\n"abc,d\n1,2\n',
    records: [['a', 'b'], ['abc,d\n1,2\n']],
    problems: [undefined, 'UNTERMINATED_QUOTE'],
  },
  {
    name: 'an unterminated empty quote is still reported',
    text: 'a\n"',
    records: [['a'], ['']],
    problems: [undefined, 'UNTERMINATED_QUOTE'],
  },
]

describe('createCsvRecordReader', () => {
  it.each(cases)('$name', ({ text, records, lines, problems, blank }) => {
    const got = read(text)
    expect(got.records).toEqual(records)
    if (lines) expect(got.lines).toEqual(lines)
    expect(got.problems).toEqual(problems ?? records.map(() => undefined))
    expect(got.blank).toEqual(blank ?? got.blank)
  })

  it.each(cases)('reads the same in chunks of 1 to 7 characters: $name', ({ text }) => {
    const whole = read(text)
    for (let size = 1; size <= 7; size++) expect(read(text, size)).toEqual(whole)
  })

  it.each([',', ';', '\t', '|'] as const)(
    'reads the same cut into two chunks at every position (delimiter %j)',
    (delimiter) => {
      // a BOM, CRLF, a lone CR, LF, quotes doubled, stray and unterminated, quoted line breaks
      // and delimiters, blank records: every place a chunk can end inside a record
      const text = [
        '\uFEFFid,"na,me",note\r\n',
        '1,"Ann ""A"" Lee",5\'10"\r',
        '2,"x\r\ny",\n\n',
        ',,\n',
        '3,  "q" ,"a"b",c\r\n',
        '4,x"y,"z"\n',
        '5,"open,\n',
      ]
        .join('')
        .replaceAll(',', delimiter)
      const whole = read(text, 0, delimiter)
      expect(whole.records.length).toBe(6)
      for (let at = 0; at <= text.length; at++) {
        const records: string[][] = []
        const lines: number[] = []
        const problems: (QuoteProblem | undefined)[] = []
        const reader = createCsvRecordReader(
          { delimiter },
          {
            record(cells, line, problem) {
              records.push(cells)
              lines.push(line)
              problems.push(problem)
            },
          },
        )
        reader.push(text.slice(0, at))
        reader.push(text.slice(at))
        reader.end()
        expect({ at, records, lines, problems }).toEqual({
          at,
          records: whole.records,
          lines: whole.lines,
          problems: whole.problems,
        })
      }
    },
  )

  it('splits by the delimiter it is given, and only by it', () => {
    expect(read('E-Mail;Umsatz\na@x.de;"0,50"\nb@x.de;12,99\n', 0, ';').records).toEqual([
      ['E-Mail', 'Umsatz'],
      ['a@x.de', '0,50'],
      ['b@x.de', '12,99'],
    ])
    expect(read('a\tb c\t"d\te"\n', 0, '\t').records).toEqual([['a', 'b c', 'd\te']])
    expect(read('a|b,c\n', 0, '|').records).toEqual([['a', 'b,c']])
  })

  it('a record longer than many chunks is read once, whole', () => {
    const long = 'x'.repeat(200_000)
    const text = `"${long}\n${long}",b\r\nc,d\r\n`
    const got = read(text, 4096)
    expect(got.records).toEqual([
      [`${long}\n${long}`, 'b'],
      ['c', 'd'],
    ])
    expect(got.lines).toEqual([1, 3])
  })

  it('knows whether the record it is still reading holds anything', () => {
    const records: string[][] = []
    const reader = createCsvRecordReader({ delimiter: ',' }, { record: (c) => records.push(c) })
    reader.push('Email,Name\n , ,')
    expect(reader.pendingContent).toBe(false)
    reader.push('  ')
    expect(reader.pendingContent).toBe(false)
    reader.push(' x')
    expect(reader.pendingContent).toBe(true)
    expect(records).toEqual([['Email', 'Name']])
  })
})
