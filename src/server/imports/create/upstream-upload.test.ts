// Building the upstream multipart for a create: file type, preamble and body
import { describe, expect, it } from 'vitest'
import { ContentHash } from './content-hash.ts'
import { ProxyError as ProxyErrorClass, type ProxyError } from '../../errors.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import {
  multipartBody,
  multipartPreamble,
  type NextUploadFile,
  uploadFileType,
  type UploadFile,
} from './upstream-upload.ts'

describe('uploadFileType', () => {
  it.each([
    ['text/csv', 'text/csv'],
    ['application/vnd.ms-excel', 'application/vnd.ms-excel'],
    ['text/plain', 'text/plain'],
    ['', 'text/csv'],
    ['text/csv\r\nX-Injected: 1', 'text/csv'],
    ['not a type', 'text/csv'],
  ])('%j → %s', (mimeType, type) => {
    expect(uploadFileType(mimeType)).toBe(type)
  })
})

describe('multipartPreamble', () => {
  it('holds importRequest as JSON, then the file part headers', () => {
    const request = contactsImportRequest('a.csv', ['email'])
    expect(multipartPreamble('B', request, 'a "1".csv', 'text/plain').toString()).toBe(
      '--B\r\n' +
        'Content-Disposition: form-data; name="importRequest"\r\n' +
        'Content-Type: application/json\r\n\r\n' +
        `${JSON.stringify(request)}\r\n` +
        '--B\r\n' +
        'Content-Disposition: form-data; name="files"; ' +
        `filename="a %221%22.csv"; filename*=UTF-8''a%20%221%22.csv\r\n` +
        'Content-Type: text/plain\r\n\r\n',
    )
  })
})

describe('multipartBody', () => {
  async function* chunksOf(parts: string[]) {
    for (const part of parts) yield Buffer.from(part)
  }
  async function drain(
    file: Partial<UploadFile> & { rest: AsyncIterator<Buffer>; formDone?: Promise<void> },
    max = 10,
    later: NextUploadFile[] = [],
  ) {
    const sent = { bytes: 0 }
    const out: string[] = []
    const { formDone = Promise.resolve(), ...first } = file
    try {
      for await (const chunk of multipartBody({
        boundary: 'B',
        preamble: Buffer.from('<pre>'),
        file: { head: Buffer.alloc(0), truncated: () => false, ...first },
        nextFile: async () => {
          const next = later.shift()
          if (next?.fileName === 'bad.csv')
            throw new ProxyErrorClass(400, 'VALIDATION_ERROR', 'bad')
          return next
        },
        formDone,
        maxFileBytes: max,
        sent,
        touch: () => {},
        contentHash: new ContentHash(),
      }))
        out.push(chunk.toString())
      return { out, bytes: sent.bytes, error: undefined }
    } catch (error) {
      return { out, bytes: sent.bytes, error: `${(error as ProxyError).status}` }
    }
  }

  it.each([
    [
      'head and rest, then the closing boundary',
      'h\n',
      ['ab', 'c'],
      10,
      ['<pre>', 'h\n', 'ab', 'c', '\r\n--B--\r\n'],
      5,
      undefined,
    ],
    [
      'no head chunk when the head is empty',
      '',
      ['ab'],
      10,
      ['<pre>', 'ab', '\r\n--B--\r\n'],
      2,
      undefined,
    ],
    [
      'exactly the limit',
      'h\n',
      ['abcdefgh'],
      10,
      ['<pre>', 'h\n', 'abcdefgh', '\r\n--B--\r\n'],
      10,
      undefined,
    ],
    [
      'one byte over: stops before sending it, no closing boundary',
      'h\n',
      ['abcdefgh', 'i'],
      10,
      ['<pre>', 'h\n', 'abcdefgh'],
      11,
      '413',
    ],
  ])('%s', async (_case, head, rest, max, out, bytes, error) => {
    expect(await drain({ head: Buffer.from(head), rest: chunksOf(rest) }, max)).toEqual({
      out,
      bytes,
      error,
    })
  })

  it('a file busboy cut short is too large, whatever the count says', async () => {
    const result = await drain({ rest: chunksOf(['ab']), truncated: () => true })
    expect(result).toEqual({ out: ['<pre>'], bytes: 2, error: '413' })
  })

  const nextFile = (fileName: string, head: string, rest: string[]): NextUploadFile => ({
    fileName,
    mimeType: 'text/csv',
    head: Buffer.from(head),
    rest: chunksOf(rest),
    truncated: () => false,
  })

  it('a second file follows the first in its own part, each held to the limit on its own', async () => {
    const result = await drain({ head: Buffer.from('h\n'), rest: chunksOf(['abcdefgh']) }, 10, [
      nextFile('b.csv', 'k\n', ['12345678']),
    ])
    expect(result).toEqual({
      out: [
        '<pre>',
        'h\n',
        'abcdefgh',
        '\r\n',
        '--B\r\nContent-Disposition: form-data; name="files"; filename="b.csv"\r\nContent-Type: text/csv\r\n\r\n',
        'k\n',
        '12345678',
        '\r\n--B--\r\n',
      ],
      bytes: 20,
      error: undefined,
    })
  })

  it.each([
    ['over the limit', [nextFile('b.csv', 'k\n', ['123456789'])], '413'],
    ['refused by its check', [nextFile('bad.csv', '', [])], '400'],
  ])('a second file %s stops the body before its closing boundary', async (_case, later, error) => {
    const result = await drain({ rest: chunksOf(['a']) }, 10, later)
    expect(result.error).toBe(error)
    expect(result.out.at(-1)).not.toContain('--B--')
  })

  it('a form that does not end properly gets no closing boundary', async () => {
    const formDone = Promise.reject(Object.assign(new Error('cut'), { status: 400 }))
    const result = await drain({ rest: chunksOf(['ab']), formDone })
    expect(result).toEqual({ out: ['<pre>', 'ab'], bytes: 2, error: '400' })
  })
})
