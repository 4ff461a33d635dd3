// sizeInWords: a cap of any size named in a unit that reads well
import { describe, expect, it } from 'vitest'
import { sizeInWords } from './size-in-words.ts'

describe('sizeInWords', () => {
  it.each([
    [512 * 1024 * 1024, '512 MB'],
    [20 * 1024 * 1024, '20 MB'],
    [1024 * 1024, '1 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [1_000_000, '976.6 KB'],
    [64 * 1024, '64 KB'],
    [1536, '1.5 KB'],
    [1024, '1 KB'],
    [1000, '1000 bytes'],
    [1, '1 byte'],
  ])('%i → %s', (bytes, words) => {
    expect(sizeInWords(bytes)).toBe(words)
  })
})
