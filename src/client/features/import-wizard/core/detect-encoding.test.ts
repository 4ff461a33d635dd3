// Encoding detection: BOMs, UTF-16 lanes, valid UTF-8, windows-1252, a sequence cut at the end
import { describe, expect, it } from 'vitest'
import { detectEncoding, findInvalidUtf8 } from './detect-encoding.ts'
import { fixtureBytes } from './test-helpers.ts'

describe('detectEncoding', () => {
  it.each([
    { fixture: 'utf8.csv', encoding: 'utf-8', hasBom: false },
    { fixture: 'utf8-bom.csv', encoding: 'utf-8', hasBom: true },
    { fixture: 'utf16le-bom.csv', encoding: 'utf-16le', hasBom: true },
    { fixture: 'utf16be-bom.csv', encoding: 'utf-16be', hasBom: true },
    { fixture: 'windows-1252.csv', encoding: 'windows-1252', hasBom: false },
    { fixture: 'pipe.csv', encoding: 'utf-8', hasBom: false },
    { fixture: 'empty.csv', encoding: 'utf-8', hasBom: false },
  ])('reads $fixture as $encoding', ({ fixture, encoding, hasBom }) => {
    const result = detectEncoding(fixtureBytes(fixture), { complete: true })
    expect(result).toMatchObject({ encoding, hasBom })
    expect(result.reason).not.toBe('')
  })

  it('does not blame UTF-8 for a character cut off at the end of a head slice', () => {
    const bytes = new TextEncoder().encode('name\nZoë Ünal 李')
    const cut = bytes.subarray(0, bytes.length - 1)
    expect(detectEncoding(cut).encoding).toBe('utf-8')
    expect(detectEncoding(cut, { complete: true }).encoding).toBe('windows-1252')
  })

  it('names the first byte that is not UTF-8', () => {
    const result = detectEncoding(fixtureBytes('windows-1252.csv'))
    expect(result.reason).toMatch(/0xEB/)
  })

  it('recognises UTF-16 LE without a byte order mark', () => {
    const bytes = new Uint8Array(Buffer.from('Email,Name\r\na@x.com,Ana\r\n', 'utf16le'))
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf-16le', hasBom: false })
  })
})

describe('findInvalidUtf8', () => {
  const cases = [
    { description: 'ascii', bytes: [0x61, 0x62], expected: -1 },
    { description: '2-byte é', bytes: [0x61, 0xc3, 0xa9], expected: -1 },
    { description: '4-byte emoji', bytes: [0xf0, 0x9f, 0x98, 0x80], expected: -1 },
    { description: 'lone continuation byte', bytes: [0x61, 0x80], expected: 1 },
    { description: 'overlong 2-byte', bytes: [0xc0, 0xaf], expected: 0 },
    { description: 'overlong 3-byte', bytes: [0xe0, 0x80, 0xaf], expected: 0 },
    { description: 'utf-16 surrogate', bytes: [0xed, 0xa0, 0x80], expected: 0 },
    { description: 'above U+10FFFF', bytes: [0xf4, 0x90, 0x80, 0x80], expected: 0 },
    { description: 'latin-1 é followed by ascii', bytes: [0xe9, 0x74, 0x65], expected: 0 },
    { description: 'cut 3-byte sequence at the end', bytes: [0x61, 0xe2, 0x82], expected: -1 },
  ]
  it.each(cases)('$description', ({ bytes, expected }) => {
    expect(findInvalidUtf8(new Uint8Array(bytes))).toBe(expected)
  })

  // detectEncoding checks validity with the platform's decoder and asks findInvalidUtf8 only
  // which byte is wrong: both must draw the line in the same place
  it.each(cases)('detectEncoding agrees on $description', ({ bytes, expected }) => {
    const head = new Uint8Array(bytes)
    const encoding = expected === -1 ? 'utf-8' : 'windows-1252'
    expect(detectEncoding(head).encoding).toBe(encoding)
  })

  it('draws the same line as detectEncoding on random high bytes, cut or whole', () => {
    let seed = 13
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 2000; n++) {
      // after an "A", so no byte order mark is read first
      const bytes = Uint8Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) =>
        i === 0 || random() < 0.2 ? 0x41 : 0x80 + Math.floor(random() * 0x80),
      )
      for (const complete of [false, true]) {
        const valid = findInvalidUtf8(bytes, complete) === -1
        expect(detectEncoding(bytes, { complete }).encoding, `${bytes.join(' ')} ${complete}`).toBe(
          valid ? 'utf-8' : 'windows-1252',
        )
      }
    }
  })
})

describe('detectEncoding reasons', () => {
  it.each([
    { text: 'Email,Name\nann@example.com,Ann', reason: /plain ASCII/ },
    { text: 'Email,Name\nzoe@example.com,Zoë', reason: /valid UTF-8/ },
  ])('$text', ({ text, reason }) => {
    expect(detectEncoding(new TextEncoder().encode(text)).reason).toMatch(reason)
  })
})
