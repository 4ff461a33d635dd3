// The create request's multipart body: the JSON field first, then the file
import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { multipartBody } from './create-import.ts'

const request: ImportRequest = {
  name: 'Müller import',
  files: [
    {
      fileName: 'a.csv',
      fileImportPage: {
        hasHeader: true,
        columnMappings: [{ columnObjectTypeId: '0-1', columnName: 'Email', propertyName: 'email' }],
      },
    },
  ],
}

describe('multipartBody', () => {
  it('sends importRequest first as a JSON field, then the file under "files"', async () => {
    const { body, contentType } = multipartBody(request, [
      { blob: new Blob(['Email\na@b.co\n']), fileName: 'a.csv' },
    ])
    const boundary = /boundary=(.+)$/.exec(contentType)?.[1]
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/)
    const text = await body.text()
    const parts = text.split(`--${boundary}`)
    expect(parts.at(-1)).toBe('--\r\n')
    expect(parts[1]).toContain('Content-Disposition: form-data; name="importRequest"\r\n')
    expect(parts[1]).not.toContain('filename=')
    expect(parts[1]).toContain('Content-Type: application/json')
    expect(JSON.parse(parts[1]!.split('\r\n\r\n')[1]!.trim())).toEqual(request)
    expect(parts[2]).toContain('name="files"; filename="a.csv"')
    expect(parts[2]).toContain('Content-Type: text/csv')
    expect(parts[2]!.split('\r\n\r\n')[1]).toBe('Email\na@b.co\n\r\n')
  })

  it('sends one part per file, in order, a workbook under its own content type', async () => {
    const { body, contentType } = multipartBody(request, [
      { blob: new Blob(['Email\na@b.co\n']), fileName: 'contacts.csv', fileFormat: 'CSV' },
      { blob: new Blob(['PK…']), fileName: 'companies.xlsx', fileFormat: 'SPREADSHEET' },
    ])
    const boundary = /boundary=(.+)$/.exec(contentType)?.[1]
    const parts = (await body.text()).split(`--${boundary}`)
    expect(parts).toHaveLength(5)
    expect(parts[2]).toContain('name="files"; filename="contacts.csv"')
    expect(parts[2]!.split('\r\n\r\n')[1]).toBe('Email\na@b.co\n\r\n')
    expect(parts[3]).toContain('name="files"; filename="companies.xlsx"')
    expect(parts[3]).toContain(
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(parts[3]!.split('\r\n\r\n')[1]).toBe('PK…\r\n')
    expect(parts[4]).toBe('--\r\n')
  })

  it('escapes quotes in the file name as browsers do, and adds the exact name as filename*', async () => {
    const { body } = multipartBody(request, [
      { blob: new Blob(['x']), fileName: 'Müller "Q1".csv' },
    ])
    expect(await body.text()).toContain(
      `filename="Müller %22Q1%22.csv"; filename*=UTF-8''M%C3%BCller%20%22Q1%22.csv\r\n`,
    )
  })
})
