// Counts in words: exact row counts as they are, estimates rounded, numbers as the locale writes them
import { describe, expect, it } from 'vitest'
import { plural, rowCountInWords } from './format.ts'

describe('rowCountInWords', () => {
  it.each([
    { count: 2000, exact: true, words: '2,000 rows' },
    { count: 2006, exact: true, words: '2,006 rows' },
    { count: 1, exact: true, words: '1 row' },
    { count: 2006, exact: false, words: 'about 2,000 rows' },
    { count: 1_234_567, exact: false, words: 'about 1,200,000 rows' },
    { count: 987, exact: false, words: 'about 990 rows' },
    { count: 42, exact: false, words: 'about 42 rows' },
  ])('$count ($exact) → $words', ({ count, exact, words }) => {
    expect(rowCountInWords(count, exact)).toBe(words)
  })
})

describe('plural', () => {
  it.each([
    { count: 0, one: 'row', words: '0 rows' },
    { count: 1, one: 'row', words: '1 row' },
    { count: 12345, one: 'row', words: '12,345 rows' },
    { count: 1_234_567.5, one: 'byte', words: `${(1_234_567.5).toLocaleString()} bytes` },
  ])('$count $one → $words, as toLocaleString writes the number', ({ count, one, words }) => {
    expect(plural(count, one)).toBe(words)
  })
})
