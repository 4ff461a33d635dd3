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
})
