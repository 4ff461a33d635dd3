// The first-line tables for repeated identifiers: text, numbers, growth, case folding
import { describe, expect, it } from 'vitest'
import { createFirstLines } from './first-lines.ts'

describe('createFirstLines', () => {
  it('answers the first line of a repeated key, across table growth', () => {
    const lines = createFirstLines()
    for (let i = 0; i < 5_000; i++) {
      expect(lines.text(`user${i}@example.com`, i + 2, true)).toBeUndefined()
      expect(lines.number(100_000 + i * 4_294_967_296, i + 2)).toBeUndefined()
    }
    expect(lines.text('user0@example.com', 9_000, true)).toBe(2)
    expect(lines.text('User4999@Example.com', 9_001, true)).toBe(5_001)
    expect(lines.number(100_000 + 17 * 4_294_967_296, 9_002)).toBe(19)
    expect(lines.text('', 0, true)).toBeUndefined()
    expect(lines.text('', 9_005, false)).toBe(0)
    expect(lines.number(0, 0)).toBeUndefined()
    expect(lines.number(0, 9_006)).toBe(0)
  })

  it('folds case as toLowerCase does, only when asked', () => {
    const lines = createFirstLines()
    expect(lines.text('ABC', 1, false)).toBeUndefined()
    expect(lines.text('abc', 2, false)).toBeUndefined()
    expect(lines.text('Abc', 3, true)).toBe(2)
    expect(lines.text('ÉMILE@EXAMPLE.COM', 4, true)).toBeUndefined()
    expect(lines.text('émile@example.com', 5, true)).toBe(4)
    // İ lowercases to two code units
    expect(lines.text('İ', 6, true)).toBeUndefined()
    expect(lines.text('i\u0307', 7, false)).toBe(6)
  })

  // [first key, second key, ignoreCase, the same key?]
  const pairs: [string, string, boolean, boolean][] = [
    ['ann@example.com', 'ann@example.com', false, true],
    ['Ann@example.com', 'ann@example.com', false, false],
    ['Łukasz@example.com', 'łukasz@example.com', true, true],
    ['Łukasz@example.com', 'łukasz@example.com', false, false],
    ['straße', 'STRASSE', true, false],
    // a non-ASCII key's bytes never equal an ASCII key's, even one of control characters
    ['\u0100', '\u0000\u0001', false, false],
    ['\u00c4', '\u00c3\u0084', false, false],
    ['日本@example.jp', '日本@example.jp', true, true],
    ['😀', '😀', false, true],
    ['😀', '😁', false, false],
    ['a'.repeat(40_000), 'a'.repeat(40_000), false, true],
    ['a'.repeat(40_000), 'a'.repeat(39_999), false, false],
  ]
  it.each(pairs)(
    '%j then %j (ignore case: %s): the same key is %s',
    (first, second, ignoreCase, same) => {
      const lines = createFirstLines()
      expect(lines.text(first, 10, ignoreCase)).toBeUndefined()
      expect(lines.text(second, 11, ignoreCase)).toBe(same ? 10 : undefined)
    },
  )

  it('keeps every first line of many mixed keys through growth', () => {
    const lines = createFirstLines()
    const key = (i: number) => (i % 3 === 0 ? `zoë${i}@example.com` : `id-${i}`)
    for (let i = 0; i < 20_000; i++) expect(lines.text(key(i), i, true)).toBeUndefined()
    for (let i = 0; i < 20_000; i += 7) expect(lines.text(key(i).toUpperCase(), 0, true)).toBe(i)
    for (let i = 0; i < 20_000; i++) expect(lines.number(i * 3, i + 1)).toBeUndefined()
    for (let i = 0; i < 20_000; i += 11) expect(lines.number(i * 3, 0)).toBe(i + 1)
  })

  // [keys recorded before reserve, entries reserved]: reserving mid-way (the scan's estimate,
  // too low, right or too high) moves every key and its bytes, and growth goes on after it
  it.each([
    [0, 50_000],
    [300, 1_000],
    [300, 30_000],
    [5_000, 6_000],
    [10_000, 200_000],
  ])('keeps every first line with %i keys before reserve(%i)', (before, entries) => {
    const lines = createFirstLines()
    const key = (i: number) => (i % 5 === 0 ? `Łukasz${i}@example.com` : `user${i}@example.com`)
    const record = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        expect(lines.text(key(i), i + 1, true)).toBeUndefined()
        expect(lines.number(100_000 + i, i + 1)).toBeUndefined()
      }
    }
    record(0, before)
    lines.reserve(entries)
    record(before, 20_000)
    for (let i = 0; i < 20_000; i += 13) {
      expect(lines.text(key(i).toUpperCase(), 0, true)).toBe(i + 1)
      expect(lines.number(100_000 + i, 0)).toBe(i + 1)
    }
  })
})
