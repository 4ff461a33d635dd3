// Reading a CSV file's header and first row from a stream, and refusing empty files
import { describe, expect, it } from 'vitest'
import { readFirstRow, readHead, refuseZeroBytes } from './csv-header.ts'

const BOM = '\uFEFF'

async function* chunksOf(parts: (string | Buffer)[]) {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part) : part
}

/** The text in chunks of `size` bytes. */
function split(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text)
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size))
  return parts
}

describe('readHead: the header in the shared dialect', () => {
  it.each([
    ['LF', 'a,b\n1,2\n', ['a', 'b']],
    ['CRLF: no CR left', 'a,b\r\n1,2\r\n', ['a', 'b']],
    ['a lone CR', 'a,b\r1,2', ['a', 'b']],
    ['a BOM is not content', `${BOM}email,name\nx,y\n`, ['email', 'name']],
    ['a quoted LF and CRLF stay in the cell', '"a\nb","c\r\nd"\n1,2\n', ['a\nb', 'c\r\nd']],
    ['a doubled quote does not end the quoting', '"say ""hi""\n",b\nx', ['say "hi"\n', 'b']],
    [
      'a quote inside an unquoted cell is text',
      'email,Height (5\'10"),x\n1,2,3\n',
      ['email', 'Height (5\'10")', 'x'],
    ],
    [
      'blank lines and empty cells above it are not records',
      '\n  \n,,\nemail,x\n1,2',
      ['email', 'x'],
    ],
    ['no line break: the whole file', 'a,b,c', ['a', 'b', 'c']],
    ['a trailing comma is an empty column', 'a,b,\n1,2,3\n', ['a', 'b', '']],
    ['non-ASCII names', 'prénom,名前,email\n', ['prénom', '名前', 'email']],
    ['empty', '', undefined],
  ])('%s', async (_case, text, header) => {
    for (const size of [1, 3, 64 * 1024]) {
      const head = await readHead(chunksOf(split(text, size)), () => {})
      expect(head.survey.header).toEqual(header)
    }
  })

  it('stops as soon as the header has ended, keeping every byte read', async () => {
    let touched = 0
    const head = await readHead(chunksOf(['a,', 'b\n1', ',2\n', 'never read']), () => touched++)
    expect(head.bytes.toString()).toBe('a,b\n1')
    expect(touched).toBe(2)
  })

  it('finds the end of a header longer than one read, once the rest arrives', async () => {
    const header = Array.from({ length: 5000 }, (_, i) => `"column, number ${i}"`).join(',')
    const head = await readHead(chunksOf(split(`${header}\r\nrow\r\n`, 64 * 1024)), () => {})
    expect(head.survey.headerCells).toBe(5000)
  })

  it('refuses a first line over 1 MB', async () => {
    const big = 'x'.repeat(600 * 1024)
    await expect(readHead(chunksOf([big, big, big]), () => {})).rejects.toThrow(
      "The file's first line is longer than 1 MB; is it a CSV?",
    )
  })

  it('takes a header that ends in the chunk that passes 1 MB', async () => {
    const big = 'x'.repeat(600 * 1024)
    const head = await readHead(chunksOf([big, `${big}\n1`]), () => {})
    expect(head.survey.headerCells).toBe(1)
  })

  it('stops at once on UTF-16 or a zero byte', async () => {
    const utf16 = await readHead(chunksOf([Buffer.from([0xff, 0xfe, 0x61, 0]), 'more']), () => {})
    expect(utf16.survey.problem()?.code).toBe('UTF16')
    expect(utf16.bytes.length).toBe(4)
    const nul = await readHead(chunksOf(['a\u0000b', 'more']), () => {})
    expect(nul.survey.problem()?.code).toBe('ZERO_BYTE')
  })
})

describe('readFirstRow', () => {
  it.each([
    ['a data row in the same chunk', ['a,b\n1,2\n'], undefined],
    ['a data row begun in the next chunk', ['a,b\n', '1', ',2\n'], undefined],
    ['only blank rows after the header', ['a,b\n', ',\n', '  \n'], 'HEADER_ONLY'],
    ['nothing after the header', ['a,b'], 'HEADER_ONLY'],
    ['only blank lines', ['\n', '\r\n , \n'], 'BLANK_ONLY'],
    ['nothing', [], 'EMPTY_FILE'],
  ])('%s', async (_case, parts, problem) => {
    const chunks = chunksOf(parts)
    const head = await readHead(chunks, () => {})
    await readFirstRow(head, chunks, () => {})
    expect(head.survey.problem()?.code).toBe(problem)
    expect(head.bytes.toString()).toBe(parts.join('').slice(0, head.bytes.length))
  })
})

describe('refuseZeroBytes', () => {
  it('passes text through and stops at the first zero byte, naming its byte', async () => {
    const out: string[] = []
    const chunks = refuseZeroBytes(chunksOf(['ab', 'c\u0000d', 'e']), 10)
    await expect(
      (async () => {
        for await (const chunk of { [Symbol.asyncIterator]: () => chunks })
          out.push(chunk.toString())
      })(),
    ).rejects.toThrow(/zero byte \(NUL\) at byte 14\b/)
    expect(out).toEqual(['ab'])
  })
})
