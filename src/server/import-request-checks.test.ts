import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { ProxyError } from './errors.ts'
import { readHead } from './csv-header.ts'
import {
  checkColumns,
  checkFirstRow,
  checkOneFile,
  checkRequestHeaders,
  multipartBoundary,
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
  const named = (fileName: string) =>
    ({ ...one, files: one.files.map((f) => ({ ...f, fileName })) }) as ImportRequest
  it.each([
    ['the named file', one, 'a.csv', 'ok'],
    ['another name', one, 'b.csv', '400 VALIDATION_ERROR'],
    ['two files', two, 'a.csv', '400 VALIDATION_ERROR'],
    ['no file', { ...one, files: [] }, 'a.csv', '400 VALIDATION_ERROR'],
    ['a UTF-8 name', named('Müller (März).csv'), 'Müller (März).csv', 'ok'],
    ['quotes a browser sent as %22', named('a "b".csv'), 'a %22b%22.csv', 'ok'],
    ['a control character', named('a\u0001.csv'), 'a\u0001.csv', '400 VALIDATION_ERROR'],
    [
      'a name over 255 bytes',
      named(`${'é'.repeat(130)}.csv`),
      `${'é'.repeat(130)}.csv`,
      '400 VALIDATION_ERROR',
    ],
  ])('%s → %s', (_case, request, uploaded, expected) => {
    expect(outcome(() => checkOneFile(request, uploaded))).toBe(expected)
  })

  it('gives the name importRequest uses, to send upstream', () => {
    expect(checkOneFile(named('a "b".csv'), 'a %22b%22.csv')).toBe('a "b".csv')
  })
})

async function* chunksOf(parts: string[]) {
  for (const part of parts) yield Buffer.from(part)
}

describe('checkColumns and checkFirstRow', () => {
  const request = (fileFormat: 'CSV' | 'SPREADSHEET' = 'CSV', hasHeader = true) => {
    const base = contactsImportRequest('a.csv', ['email', 'firstname']) as ImportRequest
    return {
      ...base,
      files: base.files.map((f) => ({
        ...f,
        fileFormat,
        fileImportPage: { ...f.fileImportPage, hasHeader },
      })),
    }
  }
  /** What the two checks say of a file, in the order the proxy runs them. */
  async function check(importRequest: ImportRequest, fileName: string, text: string) {
    const chunks = chunksOf([text])
    const head = await readHead(chunks, () => {})
    try {
      checkColumns(importRequest, fileName, head)
      await checkFirstRow(importRequest, fileName, head, chunks, () => {})
      return 'ok'
    } catch (error) {
      return (error as ProxyError).message
    }
  }
  it.each([
    ['as many columns as mappings', request(), 'a.csv', 'email,firstname\r\nx,y', 'ok'],
    ['a quoted comma is one column', request(), 'a.csv', '"e,mail",firstname\nx,y', 'ok'],
    ['a BOM is not a column', request(), 'a.csv', '\uFEFFemail,firstname\nx,y', 'ok'],
    [
      'one column too many',
      request(),
      'a.csv',
      'email,firstname,x\n1,2,3',
      /has 3 columns but importRequest maps 2/,
    ],
    [
      'header only, wrong columns: the columns first',
      request(),
      'a.csv',
      'email\n',
      /has 1 column but/,
    ],
    ['header only', request(), 'a.csv', 'email,firstname\n,\n', /header row but no data rows/],
    ['one row without a header', request('CSV', false), 'a.csv', 'a@x.com,Ann\n', 'ok'],
    ['an empty file', request(), 'a.csv', '', /The file is empty/],
    ['blank lines only', request(), 'a.csv', '\n \n', /no header row: only blank lines/],
    ['a spreadsheet request', request('SPREADSHEET'), 'a.csv', '', 'ok'],
    ['an .xlsx file', request(), 'a.XLSX', 'PK\u0003\u0004\u0000', 'ok'],
  ])('%s', async (_case, importRequest, fileName, text, expected) => {
    const result = await check(importRequest, fileName, text)
    if (typeof expected === 'string') expect(result).toBe(expected)
    else expect(result).toMatch(expected)
  })

  it('names both counts', async () => {
    expect(await check(request(), 'a.csv', 'email\nx')).toBe(
      "The file's first line has 1 column but importRequest maps 2. Every column needs one mapping.",
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
