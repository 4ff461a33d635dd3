// The record reader's whole-text reading (samples, a record cap) and its blank-record rule
import { describe, expect, it } from 'vitest'
import { isBlankRecord, readCsvText } from './record-reader.ts'

describe('readCsvText', () => {
  it('leaves out the cut-off last record of a sample, and says how far it read', () => {
    const text = 'a,b\n1,2\n3,"unfinished'
    const parsed = readCsvText(text, { delimiter: ',', sampled: true })
    expect(parsed.records).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(parsed.consumed).toBe('a,b\n1,2\n'.length)
  })

  it('stops soon after maxRecords, leaving the rest of a long text unread', () => {
    const text = 'a,b\n'.repeat(100_000)
    const parsed = readCsvText(text, { delimiter: ',', maxRecords: 2 })
    expect(parsed.records).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ])
    expect(parsed.consumed).toBeLessThanOrEqual(16 * 1024)
  })

  it('counts a BOM as read', () => {
    expect(readCsvText('\uFEFFa\n', { delimiter: ',' }).consumed).toBe(3)
  })

  it('lists quote problems by record', () => {
    const parsed = readCsvText('a\n\n"b"c",d\n', { delimiter: ',' })
    expect(parsed.problems).toEqual([{ recordIndex: 1, lineNumber: 3, problem: 'INVALID_QUOTES' }])
    expect(parsed.blankLines).toEqual([2])
  })
})

describe('isBlankRecord', () => {
  it.each([
    [[''], true],
    [['', '  ', '\t'], true],
    [['', 'x'], false],
    [[' 0 '], false],
  ])('%j → %s', (cells, blank) => {
    expect(isBlankRecord(cells)).toBe(blank)
  })
})
