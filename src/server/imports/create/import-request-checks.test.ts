// The checks of a create before it goes upstream: headers, file names, columns, boundary
import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { ProxyError } from '../../errors.ts'
import { readHead } from './csv-header.ts'
import {
  checkAllFilesSent,
  checkColumns,
  checkFileCount,
  checkFileName,
  checkFirstRow,
  checkRequestHeaders,
  multipartBoundary,
} from './import-request-checks.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'

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
      { 'content-type': FORM, 'content-length': `${2 * 10 * MB + MB + 65536}` },
      'ok',
    ],
    [
      'more than two files, importRequest and overhead',
      { 'content-type': FORM, 'content-length': `${2 * 10 * MB + MB + 65537}` },
      '413 PAYLOAD_TOO_LARGE',
    ],
  ])('%s → %s', (_case, headers, expected) => {
    expect(outcome(() => checkRequestHeaders(headers, 10 * MB))).toBe(expected)
  })
})

describe('file names and counts', () => {
  const one = contactsImportRequest('a.csv', ['email'])
  const second = { ...one.files[0]!, fileName: 'b.csv' }
  const two = { ...one, files: [...one.files, second] }
  const three = { ...one, files: [...two.files, { ...second, fileName: 'c.csv' }] }
  const named = (fileName: string) =>
    ({ ...one, files: one.files.map((f) => ({ ...f, fileName })) }) as ImportRequest

  it.each([
    ['one file', one, 'ok'],
    ['two files', two, 'ok'],
    ['three files', three, '400 VALIDATION_ERROR'],
  ])('checkFileCount: %s → %s', (_case, request, expected) => {
    expect(outcome(() => checkFileCount(request))).toBe(expected)
  })

  it.each([
    ['the named file', one, 'a.csv', [], 'ok'],
    ['the second file of two', two, 'b.csv', ['a.csv'], 'ok'],
    ['the second file first', two, 'b.csv', [], 'ok'],
    ['another name', one, 'b.csv', [], '400 VALIDATION_ERROR'],
    ['another case', one, 'A.CSV', [], '400 VALIDATION_ERROR'],
    ['a name sent twice', two, 'a.csv', ['a.csv'], '400 VALIDATION_ERROR'],
    ['a UTF-8 name', named('Müller (März).csv'), 'Müller (März).csv', [], 'ok'],
    ['quotes a browser sent as %22', named('a "b".csv'), 'a %22b%22.csv', [], 'ok'],
    ['a control character', named('a\u0001.csv'), 'a\u0001.csv', [], '400 VALIDATION_ERROR'],
    [
      'a name over 255 bytes',
      named(`${'é'.repeat(130)}.csv`),
      `${'é'.repeat(130)}.csv`,
      [],
      '400 VALIDATION_ERROR',
    ],
  ])('checkFileName: %s → %s', (_case, request, uploaded, sent, expected) => {
    expect(outcome(() => checkFileName(request, uploaded, new Set(sent)))).toBe(expected)
  })

  it.each([
    ['every file sent', two, ['a.csv', 'b.csv'], 'ok'],
    ['one of two missing', two, ['a.csv'], '400 VALIDATION_ERROR'],
    ['none sent', one, [], '400 VALIDATION_ERROR'],
  ])('checkAllFilesSent: %s → %s', (_case, request, sent, expected) => {
    expect(outcome(() => checkAllFilesSent(request, new Set(sent)))).toBe(expected)
  })

  it('names the files in its messages', () => {
    expect(() => checkFileName(two, 'c.csv', new Set())).toThrow(
      'The uploaded file "c.csv" has no entry in importRequest.files ("a.csv", "b.csv"): each fileName must equal its file\'s name, extension included.',
    )
    expect(() => checkAllFilesSent(two, new Set(['a.csv']))).toThrow(
      'importRequest.files lists "b.csv", but the form has no file with that name.',
    )
  })

  it('gives the name importRequest uses, to send upstream', () => {
    expect(checkFileName(named('a "b".csv'), 'a %22b%22.csv', new Set())).toBe('a "b".csv')
  })
})

async function* chunksOf(parts: string[]) {
  for (const part of parts) yield Buffer.from(part)
}

describe('checkColumns and checkFirstRow', () => {
  const request = (fileFormat: 'CSV' | 'SPREADSHEET' = 'CSV', hasHeader = true) => {
    const base = contactsImportRequest('a.csv', ['email', 'firstname'])
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

  it("checks each file against its own entry's mappings", async () => {
    const base = request()
    const two = {
      ...base,
      files: [
        ...base.files,
        {
          ...base.files[0]!,
          fileName: 'b.csv',
          fileImportPage: {
            hasHeader: true,
            columnMappings: base.files[0]!.fileImportPage.columnMappings.slice(0, 1),
          },
        },
      ],
    }
    expect(await check(two, 'b.csv', 'email\nx')).toBe('ok')
    expect(await check(two, 'a.csv', 'email\nx')).toMatch(/has 1 column but importRequest maps 2/)
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
