import { describe, expect, it } from 'vitest'
import { createFirstLines } from './first-lines.ts'

describe('createFirstLines', () => {
  it('answers the first line of a repeated key, across table growth', () => {
    const lines = createFirstLines()
    for (let i = 0; i < 5_000; i++) {
      expect(lines.firstLine(`user${i}@example.com`, i + 2)).toBeUndefined()
      expect(lines.firstLine(100_000 + i * 4_294_967_296, i + 2)).toBeUndefined()
    }
    expect(lines.firstLine('user0@example.com', 9_000)).toBe(2)
    expect(lines.firstLine('user4999@example.com', 9_001)).toBe(5_001)
    expect(lines.firstLine(100_000 + 17 * 4_294_967_296, 9_002)).toBe(19)
    // a number and its digits are different keys; so are keys that differ only in case
    expect(lines.firstLine('100000', 9_003)).toBeUndefined()
    expect(lines.firstLine('User0@example.com', 9_004)).toBeUndefined()
    expect(lines.firstLine('', 0)).toBeUndefined()
    expect(lines.firstLine('', 9_005)).toBe(0)
    expect(lines.firstLine(0, 0)).toBeUndefined()
    expect(lines.firstLine(0, 9_006)).toBe(0)
  })
})
