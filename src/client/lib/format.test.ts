// Counts in words: exact row counts as they are, estimates rounded
import { describe, expect, it } from 'vitest'
import { rowCountInWords } from './format.ts'

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
