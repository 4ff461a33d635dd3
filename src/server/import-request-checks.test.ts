import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { ProxyError } from './errors.ts'
import {
  checkColumns,
  checkOneFile,
  checkRequestHeaders,
  multipartBoundary,
  readHead,
} from './import-request-checks.ts'
import { contactsImportRequest } from './test-helpers.ts'

const MB = 1024 * 1024
const FORM = 'multipart/form-data; boundary=x'

/** The status and category a check throws, or 'ok'. */
function outcome(check: () => void): string {
  try {
    check()
    return 'ok'
  } catch (error) {
    return `${(error as ProxyError).status} ${(error as ProxyError).category}`
  }
}

describe('checkRequestHeaders', () => {
  it.each([
    ['a multipart form', { 'content-type': FORM }, 'ok'],
    ['any case, spaces', { 'content-type': 'Multipart/Form-Data ; Boundary=x' }, 'ok'],
    ['no boundary', { 'content-type': 'multipart/form-data' }, '415 UNSUPPORTED_MEDIA_TYPE'],
    ['JSON', { 'content-type': 'application/json' }, '415 UNSUPPORTED_MEDIA_TYPE'],
    ['no type', {}, '415 UNSUPPORTED_MEDIA_TYPE'],
    ['gzip', { 'content-type': FORM, 'content-encoding': 'gzip' }, '415 UNSUPPORTED_MEDIA_TYPE'],
    ['identity encoding', { 'content-type': FORM, 'content-encoding': 'Identity' }, 'ok'],
    [
      'the most that may fit',
      { 'content-type': FORM, 'content-length': `${10 * MB + MB + 65536}` },
      'ok',
    ],
    [
      'more than the file, importRequest and overhead',
      { 'content-type': FORM, 'content-length': `${10 * MB + MB + 65537}` },
      '413 PAYLOAD_TOO_LARGE',
    ],
  ])('%s → %s', (_case, headers, expected) => {
    expect(outcome(() => checkRequestHeaders(headers, 10 * MB))).toBe(expected)
  })
})

describe('checkOneFile', () => {
  const one = contactsImportRequest('a.csv', ['email']) as ImportRequest
  const two = { ...one, files: [...one.files, ...one.files] }
  it.each([
    ['the named file', one, 'a.csv', 'ok'],
    ['another name', one, 'b.csv', '400 VALIDATION_ERROR'],
    ['two files', two, 'a.csv', '400 VALIDATION_ERROR'],
    ['no file', { ...one, files: [] }, 'a.csv', '400 VALIDATION_ERROR'],
  ])('%s → %s', (_case, request, uploaded, expected) => {
    expect(outcome(() => checkOneFile(request, uploaded))).toBe(expected)
  })
})

describe('checkColumns', () => {
  const request = (fileFormat: 'CSV' | 'SPREADSHEET' = 'CSV') => {
    const base = contactsImportRequest('a.csv', ['email', 'firstname']) as ImportRequest
    return { ...base, files: base.files.map((f) => ({ ...f, fileFormat })) }
  }
  it.each([
    ['as many columns as mappings', request(), 'a.csv', 'email,firstname\r\n', 'ok'],
    ['a quoted comma is one column', request(), 'a.csv', '"e,mail",firstname\n', 'ok'],
    ['a BOM is not a column', request(), 'a.csv', '\uFEFFemail,firstname', 'ok'],
    ['one column too many', request(), 'a.csv', 'email,firstname,x\n', '400 VALIDATION_ERROR'],
    ['one column short', request(), 'a.csv', 'email\n', '400 VALIDATION_ERROR'],
    ['an empty file', request(), 'a.csv', '', '400 VALIDATION_ERROR'],
    ['a spreadsheet request', request('SPREADSHEET'), 'a.csv', '', 'ok'],
    ['an .xlsx file', request(), 'a.XLSX', 'PK\u0003\u0004', 'ok'],
  ])('%s → %s', (_case, importRequest, fileName, head, expected) => {
    expect(outcome(() => checkColumns(importRequest, fileName, Buffer.from(head)))).toBe(expected)
  })

  it('names both counts', () => {
    expect(() => checkColumns(request(), 'a.csv', Buffer.from('email\n'))).toThrow(
      "The file's first line has 1 column but importRequest maps 2. Every column needs one mapping.",
    )
  })
})

describe('readHead', () => {
  async function* chunksOf(parts: string[]) {
    for (const part of parts) yield Buffer.from(part)
  }
  it.each([
    ['the first chunk holds the line', ['a,b\n1,2\n', '3,4\n'], 'a,b\n1,2\n', 1],
    ['the line spans chunks', ['a,', 'b', '\n1'], 'a,b\n1', 3],
    ['a quoted newline is not the end', ['"a\n', 'x",b\n'], '"a\nx",b\n', 2],
    ['a file without a line break', ['a,b'], 'a,b', 1],
    ['an empty file', [], '', 0],
  ])('%s', async (_case, parts, head, touches) => {
    let touched = 0
    const read = await readHead(chunksOf(parts), () => (touched += 1))
    expect(read.toString()).toBe(head)
    expect(touched).toBe(touches)
  })

  it('refuses a first line over 1 MB', async () => {
    const big = 'x'.repeat(600 * 1024)
    await expect(readHead(chunksOf([big, big, big]), () => {})).rejects.toThrow(
      "The file's first line is longer than 1 MB; is it a CSV?",
    )
  })
})

describe('multipartBoundary', () => {
  it.each([
    ['multipart/form-data; boundary=abc', 'abc'],
    ['multipart/form-data; boundary="abc def"', 'abc def'],
    ['multipart/form-data;boundary=abc;charset=utf-8', 'abc'],
    [
      'multipart/form-data; charset=utf-8; BOUNDARY=----WebKitFormBoundaryX1',
      '----WebKitFormBoundaryX1',
    ],
    [`multipart/form-data; boundary=${'b'.repeat(70)}`, 'b'.repeat(70)],
    [`multipart/form-data; boundary=${'b'.repeat(71)}`, undefined],
    ['multipart/form-data; boundary=', undefined],
    ['multipart/form-data; boundary=""', undefined],
    ['multipart/form-data; boundary', undefined],
    ['multipart/form-data; boundary="ends in space "', undefined],
    ['multipart/form-data; boundary="a\\"b"', undefined],
    ['multipart/form-data; boundary=a{b}', undefined],
  ])('%s → %j', (type, expected) => {
    expect(multipartBoundary(type)).toBe(expected)
  })
})
