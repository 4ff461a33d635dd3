import { describe, expect, it } from 'vitest'
import { countCsvFields, firstRecordEnd, headerRecord } from './csv-header.ts'

const BOM = '\uFEFF'
const buffer = (text: string) => Buffer.from(text, 'utf8')

describe('firstRecordEnd', () => {
  it.each([
    ['LF', 'a,b\n1,2\n', 3],
    ['CRLF: the CR', 'a,b\r\n1,2\r\n', 3],
    ['a lone CR', 'a,b\r1,2', 3],
    ['a BOM counts as bytes', `${BOM}a,b\n`, 6],
    ['a quoted LF is inside the record', '"a\nb",c\n1,2\n', 7],
    ['a quoted CRLF is inside the record', '"a\r\nb",c\r\n', 8],
    ['a doubled quote does not end the quoting', '"say ""hi""\n",b\nx', 15],
    ['an empty first line', '\na,b\n', 0],
    ['no line break yet', 'a,b,c', -1],
    ['an open quote to the end of the buffer', '"a,b\nc,d\n', -1],
    ['empty', '', -1],
  ])('%s: %j → %i', (_case, text, expected) => {
    expect(firstRecordEnd(buffer(text))).toBe(expected)
  })

  it('finds the end of a header longer than one read, once the rest arrives', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `"column, number ${i}"`).join(',')
    const whole = buffer(`${header}\r\nrow\r\n`)
    const firstRead = whole.subarray(0, 64 * 1024)
    expect(firstRead.length).toBeLessThan(header.length)
    expect(firstRecordEnd(firstRead)).toBe(-1)
    expect(firstRecordEnd(whole)).toBe(Buffer.byteLength(header))
  })

  it('is not fooled by a read that ends between the two quotes of an escaped quote', () => {
    const text = '"a""\nb",c\nrow\n'
    const split = text.indexOf('""') + 1
    expect(firstRecordEnd(buffer(text.slice(0, split)))).toBe(-1)
    expect(firstRecordEnd(buffer(text))).toBe(text.indexOf(',c') + 2)
  })
})

describe('countCsvFields', () => {
  it.each([
    ['one column', 'email', 1],
    ['three columns', 'email,firstname,lastname', 3],
    ['empty record', '', 1],
    ['empty cells', ',,', 3],
    ['a quoted comma', '"last, first",email', 2],
    ['a quoted newline', '"first\nname",email', 2],
    ['escaped quotes', '"say ""a,b""",c', 2],
    ['a quoted empty cell', '"",b', 2],
    ['trailing comma', 'a,b,', 3],
    ['spaces around commas', ' a , b ', 2],
    ['non-ASCII names', 'prénom,名前,email', 3],
  ])('%s: %j → %i', (_case, record, expected) => {
    expect(countCsvFields(record)).toBe(expected)
  })

  it.each([
    [';', 'a;b;"c;d"', 3],
    ['\t', 'a\tb', 2],
    [';', 'a,b;c', 2],
  ])('with delimiter %j: %j → %i', (delimiter, record, expected) => {
    expect(countCsvFields(record, delimiter)).toBe(expected)
  })
})

describe('headerRecord', () => {
  it.each([
    ['LF', 'a,b\n1,2\n', 'a,b'],
    ['CRLF: no CR left', 'a,b\r\n1,2\r\n', 'a,b'],
    ['a BOM is dropped', `${BOM}email,name\nx,y\n`, 'email,name'],
    ['only the first BOM is dropped', `${BOM}${BOM}a\n`, `${BOM}a`],
    ['a quoted newline is kept', '"first\nname",b\n1,2\n', '"first\nname",b'],
    ['no line break: the whole buffer', 'a,b,c', 'a,b,c'],
    ['a BOM and no line break', `${BOM}a,b`, 'a,b'],
    ['empty', '', ''],
    ['an empty first line', '\na,b\n', ''],
    ['multi-byte UTF-8 names', 'prénom,名前\nx,y\n', 'prénom,名前'],
  ])('%s: %j → %j', (_case, text, expected) => {
    expect(headerRecord(buffer(text))).toBe(expected)
  })

  it.each([
    [
      'a BOM, quoted commas and newlines, CRLF',
      `${BOM}"email","first\r\nname","last,name"\r\n1,2,3\r\n`,
      3,
    ],
    ['escaped quotes around a comma', '"a ""b,c"" d",e\n', 2],
    ['a wide header', `${Array.from({ length: 999 }, (_, i) => `c${i}`).join(',')}\n`, 999],
  ])('counts the columns of %s', (_case, text, expected) => {
    expect(countCsvFields(headerRecord(buffer(text)))).toBe(expected)
  })
})
