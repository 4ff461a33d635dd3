// Upload file names: what the proxy and simulator accept and what their multipart reader reads back
import { describe, expect, it } from 'vitest'
import {
  fileNameParameters,
  fileNameProblem,
  sameUploadedFileName,
  uploadableFileName,
} from './file-name.ts'
import { createMultipartParser } from './multipart-parser.ts'

describe('fileNameProblem', () => {
  it.each([
    ['contacts.csv', undefined],
    ['Müller Kontakte (März).csv', undefined],
    ['顧客 "Q1" 100%.csv', undefined],
    [`${'a'.repeat(251)}.csv`, undefined],
    [`${'a'.repeat(252)}.csv`, /256 bytes long in UTF-8; at most 255/],
    [`${'ü'.repeat(126)}.csv`, /256 bytes/],
    ['', /no file name/],
    ['a\u0000.csv', /control character U\+0000 \(at character 2\)/],
    ['a\tb.csv', /U\+0009/],
    ['a\u007f.csv', /U\+007F/],
    ['a\u0085.csv', /U\+0085/],
  ])('%j', (name, problem) => {
    if (problem === undefined) expect(fileNameProblem(name)).toBeUndefined()
    else expect(fileNameProblem(name)).toMatch(problem)
  })
})

describe('uploadableFileName', () => {
  it.each([
    ['contacts.csv', 'contacts.csv'],
    ['a\nb\u0000.csv', 'ab.csv'],
    ['dir/a\\b.csv', 'dir_a_b.csv'],
    ['\u0001.csv', 'import.csv'],
  ])('%j → %j', (name, expected) => {
    expect(uploadableFileName(name)).toBe(expected)
  })

  it('shortens a long name before its extension, never inside a character', () => {
    const name = uploadableFileName(`${'ü'.repeat(200)}.csv`)
    expect(fileNameProblem(name)).toBeUndefined()
    expect(name).toBe(`${'ü'.repeat(125)}.csv`)
    expect(new TextEncoder().encode(name).length).toBe(254)
  })
})

/** What the proxy's and the simulator's multipart reader makes of a part's header. */
function receivedName(parameters: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const parser = createMultipartParser(
      { headers: { 'content-type': 'multipart/form-data; boundary=B' }, defCharset: 'utf8' },
      (_name, file) => {
        file.stream.resume()
        resolve(file.filename)
      },
    )
    parser.on('error', reject)
    parser.end(
      Buffer.from(
        `--B\r\nContent-Disposition: form-data; name="files"; ${parameters}\r\n\r\nx\r\n--B--\r\n`,
      ),
    )
  })
}

describe('fileNameParameters', () => {
  it.each([
    ['contacts.csv', 'filename="contacts.csv"'],
    ['Müller.csv', `filename="Müller.csv"; filename*=UTF-8''M%C3%BCller.csv`],
    ['a "b".csv', `filename="a %22b%22.csv"; filename*=UTF-8''a%20%22b%22.csv`],
    ['100%.csv', `filename="100%.csv"; filename*=UTF-8''100%25.csv`],
  ])('%j → %s', (name, parameters) => {
    expect(fileNameParameters(name)).toBe(parameters)
  })

  it.each(['contacts.csv', 'Müller Kontakte (März).csv', 'a "b" 100%.csv', '顧客.csv', 'a\\b.csv'])(
    '%j arrives whole through the multipart reader',
    async (name) => {
      expect(await receivedName(fileNameParameters(name))).toBe(name)
    },
  )
})

describe('sameUploadedFileName', () => {
  it.each([
    ['a.csv', 'a.csv', true],
    ['a "b".csv', 'a %22b%22.csv', true],
    ['a "b".csv', 'a "b".csv', true],
    ['a.csv', 'b.csv', false],
    ['a%22.csv', 'a".csv', false],
  ])('%j and %j → %s', (requested, uploaded, same) => {
    expect(sameUploadedFileName(requested, uploaded)).toBe(same)
  })
})
