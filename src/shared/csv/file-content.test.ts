// The upload survey: UTF-16 lanes, zero bytes, blank and header-only files, chunk by chunk
import { describe, expect, it } from 'vitest'
import { CsvFileSurvey, utf16ByteOrder, type CsvContentProblemCode } from './file-content.ts'
import { utf16Bytes } from './test-files.ts'

/** Surveys `bytes` pushed in chunks of `size` bytes (0: at once). */
function survey(input: string | Uint8Array, size = 0) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  const result = new CsvFileSurvey()
  const step = size || Math.max(bytes.length, 1)
  for (let at = 0; at < bytes.length; at += step) result.push(bytes.subarray(at, at + step))
  result.finish()
  return result
}

const utf16le = (text: string, bom = true) => utf16Bytes(text, { bom })

describe('CsvFileSurvey: records and the header', () => {
  const cases: { name: string; text: string; records: number; columns: number }[] = [
    { name: 'LF with a trailing newline', text: 'a,b,c\n1,2,3\n4,5,6\n', records: 3, columns: 3 },
    { name: 'no trailing newline', text: 'a,b\n1,2', records: 2, columns: 2 },
    { name: 'CRLF', text: 'a,b\r\n1,2\r\n', records: 2, columns: 2 },
    { name: 'lone CR (old Mac Excel)', text: 'a,b\r1,2\r', records: 2, columns: 2 },
    {
      name: 'quoted line breaks',
      text: 'a,b\n"line 1\nline 2",x\n"q\r\nq",y\n',
      records: 3,
      columns: 2,
    },
    { name: 'escaped quotes', text: 'a\n"say ""hi""\nthere"\n', records: 2, columns: 1 },
    { name: 'a quoted comma', text: '"last, first",email\n', records: 1, columns: 2 },
    { name: 'blank lines do not count', text: 'a\n\n1\n\r\n\n2\n\n', records: 3, columns: 1 },
    { name: 'nor rows of empty cells', text: 'a,b\n,\n ," "\n1,2\n', records: 2, columns: 2 },
    { name: 'a quote inside an unquoted cell', text: 'a,b\n5" disk,x\n', records: 2, columns: 2 },
    { name: 'a UTF-8 BOM', text: '\uFEFFa,b\n', records: 1, columns: 2 },
    { name: 'multi-byte names', text: 'prénom,名前\nx,y\n', records: 2, columns: 2 },
    { name: 'empty', text: '', records: 0, columns: 0 },
  ]

  it.each(cases)('$name', ({ text, records, columns }) => {
    for (const size of [0, 1, 2, 3, 64 * 1024]) {
      const result = survey(text, size)
      expect([result.records, result.headerCells]).toEqual([records, columns])
    }
  })
})

describe('CsvFileSurvey: what makes a file unimportable', () => {
  const csv = 'Email,Name\r\na@x.com,Ann\r\n'
  const cases: {
    name: string
    input: string | Uint8Array
    code: CsvContentProblemCode | undefined
  }[] = [
    { name: 'a header and a row', input: csv, code: undefined },
    { name: 'nothing', input: '', code: 'EMPTY_FILE' },
    {
      name: 'blank lines, spaces and empty cells',
      input: '\r\n  \r\n,,\r\n""\r\n',
      code: 'BLANK_ONLY',
    },
    { name: 'a header and blank rows', input: 'Email,Name\r\n,\r\n\r\n', code: 'HEADER_ONLY' },
    { name: 'UTF-16 LE with a BOM', input: utf16le(csv), code: 'UTF16' },
    { name: 'UTF-16 LE without a BOM', input: utf16le(csv, false), code: 'UTF16' },
    { name: 'a zero byte', input: 'Email,Name\n\na@x.com,A\u0000nn\n', code: 'ZERO_BYTE' },
  ]

  it.each(cases)('$name → $code', ({ input, code }) => {
    for (const size of [0, 1, 3, 64 * 1024]) expect(survey(input, size).problem()?.code).toBe(code)
  })

  it('names the line of a zero byte', () => {
    expect(survey('Email,Name\n\na@x.com,"A\nA\u0000nn"\n', 2).problem()?.message).toMatch(
      /zero byte \(NUL\) on line 3\./,
    )
  })

  it('one record without a header is a row', () => {
    expect(survey('a@x.com,Ann\n').problem({ hasHeader: false })).toBeUndefined()
    expect(survey(' \n').problem({ hasHeader: false })?.message).toMatch(/no rows/)
  })

  it('knows a data row has begun before it ends', () => {
    const result = new CsvFileSurvey()
    result.push(new TextEncoder().encode('Email,Name\n , '))
    expect(result.hasDataRow).toBe(false)
    expect(result.problem()).toBeUndefined()
    result.push(new TextEncoder().encode('A'))
    expect(result.hasDataRow).toBe(true)
  })
})

describe('utf16ByteOrder', () => {
  it.each([
    ['LE BOM', [0xff, 0xfe, 0x41, 0x00], 'utf-16le'],
    ['BE BOM', [0xfe, 0xff, 0x00, 0x41], 'utf-16be'],
    ['LE lanes', [...utf16le('Email,Name\n', false)], 'utf-16le'],
    ['ASCII', [...new TextEncoder().encode('Email,Name\n')], undefined],
    ['too short', [0x41, 0x00], undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(utf16ByteOrder(new Uint8Array(bytes))).toBe(expected)
  })
})
