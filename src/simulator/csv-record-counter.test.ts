import { describe, expect, it } from 'vitest'
import { CsvRecordCounter } from './csv-record-counter.ts'

function count(chunks: (string | Uint8Array)[]): { records: number; columns: number } {
  const counter = new CsvRecordCounter()
  for (const chunk of chunks) counter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  counter.finish()
  return { records: counter.records, columns: counter.firstRecordColumns }
}

describe('CsvRecordCounter', () => {
  const cases: { description: string; input: string; records: number; columns: number }[] = [
    {
      description: 'LF endings with a trailing newline',
      input: 'a,b,c\n1,2,3\n4,5,6\n',
      records: 3,
      columns: 3,
    },
    { description: 'no trailing newline', input: 'a,b\n1,2', records: 2, columns: 2 },
    { description: 'CRLF endings', input: 'a,b\r\n1,2\r\n', records: 2, columns: 2 },
    { description: 'lone CR endings (old Mac Excel)', input: 'a,b\r1,2\r', records: 2, columns: 2 },
    {
      description: 'newlines inside quotes are data',
      input: 'a,b\n"line 1\nline 2",x\n"q\r\nq",y\n',
      records: 3,
      columns: 2,
    },
    {
      description: 'escaped quotes stay inside the field',
      input: 'a\n"say ""hi""\nthere"\n',
      records: 2,
      columns: 1,
    },
    {
      description: 'commas inside quotes are not columns',
      input: '"last, first",email\n',
      records: 1,
      columns: 2,
    },
    {
      description: 'blank lines do not count',
      input: 'a\n\n1\n\r\n\n2\n\n',
      records: 3,
      columns: 1,
    },
    { description: 'a row of empty fields counts', input: 'a,b\n,\n', records: 2, columns: 2 },
    {
      description: 'a quote inside an unquoted field is data',
      input: 'a,b\n5" disk,x\n2,3\n',
      records: 3,
      columns: 2,
    },
    { description: 'a UTF-8 BOM is skipped', input: '\uFEFFa,b\n', records: 1, columns: 2 },
    { description: 'an empty file', input: '', records: 0, columns: 0 },
  ]

  it.each(cases)('$description', ({ input, records, columns }) => {
    expect(count([input])).toEqual({ records, columns })
  })

  // the BOM check looks at the first chunk only; a BOM split over chunks is not worth handling
  const withoutBom = cases.filter((c) => !c.input.startsWith('\uFEFF'))
  it.each(withoutBom)(
    'gives the same answer one byte at a time: $description',
    ({ input, records, columns }) => {
      expect(count([...Buffer.from(input)].map((byte) => Uint8Array.of(byte)))).toEqual({
        records,
        columns,
      })
    },
  )

  it('does not double-count a CRLF split across chunks', () => {
    expect(count(['a,b\r', '\n1,2\r', '\n'])).toEqual({ records: 2, columns: 2 })
  })
})
