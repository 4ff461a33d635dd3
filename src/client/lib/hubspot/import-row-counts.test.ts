// Each import's row count kept in the browser, bounded
import { describe, expect, it } from 'vitest'
import { MemoryStorage } from '#client/testing/memory-storage.ts'
import { IMPORT_ROW_COUNTS_KEY, importRowCount, recordImportRowCount } from './import-row-counts.ts'

describe('import row counts', () => {
  it('keeps the row count per import', () => {
    const storage = new MemoryStorage()
    recordImportRowCount('7', 2_000, storage)
    expect(importRowCount('7', storage)).toBe(2_000)
    expect(importRowCount('8', storage)).toBeUndefined()
  })

  it('keeps only the newest 100', () => {
    const storage = new MemoryStorage()
    for (let id = 1; id <= 101; id++) recordImportRowCount(String(id), id, storage, id)
    expect(importRowCount('1', storage)).toBeUndefined()
    expect(importRowCount('101', storage)).toBe(101)
  })

  it.each([
    ['not JSON', '{'],
    ['a negative count', JSON.stringify({ 7: { rows: -1 } })],
    ['a fraction', JSON.stringify({ 7: { rows: 1.5 } })],
    ['null', JSON.stringify({ 7: null })],
  ])('ignores %s', (_, stored) => {
    const storage = new MemoryStorage({ [IMPORT_ROW_COUNTS_KEY]: stored })
    expect(importRowCount('7', storage)).toBeUndefined()
  })
})
