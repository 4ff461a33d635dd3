// Line maps kept per import in localStorage: stored, read back, bounded
import { describe, expect, it } from 'vitest'
import { MemoryStorage } from '#client/testing/memory-storage.ts'
import {
  IMPORT_LINE_MAPS_KEY,
  importLineMap,
  lineInOwnFile,
  recordImportLineMap,
} from './import-line-maps.ts'

describe('import line maps', () => {
  // kontakte.csv: header on line 1, rows on lines 2–20, line 3 excluded before upload
  const map = {
    fileName: 'kontakte.csv',
    rows: [
      [0, 2],
      [1, 3],
    ] as const,
  }

  it.each([
    { hubspot: 2, own: 2 },
    { hubspot: 3, own: 4 },
    { hubspot: 14, own: 15 },
    { hubspot: 0, own: 0 },
    { hubspot: 1, own: 1 },
  ])("HubSpot's line $hubspot is line $own of the person's file", ({ hubspot, own }) => {
    expect(lineInOwnFile(map, hubspot)).toBe(own)
  })

  it('keeps a map per import and reads it back', () => {
    const storage = new MemoryStorage()
    recordImportLineMap('7', map, storage)
    expect(importLineMap('7', storage)).toEqual(map)
    expect(importLineMap('8', storage)).toBeUndefined()
  })

  it('keeps only the newest 50 imports', () => {
    const storage = new MemoryStorage()
    for (let id = 1; id <= 51; id++) recordImportLineMap(String(id), map, storage, id)
    expect(importLineMap('1', storage)).toBeUndefined()
    expect(importLineMap('2', storage)).toEqual(map)
    expect(importLineMap('51', storage)).toEqual(map)
  })

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['runs of the wrong shape', JSON.stringify({ 7: { fileName: 'a.csv', rows: [[1]] } })],
    ['no file name', JSON.stringify({ 7: { rows: [] } })],
  ])('ignores a stored value that is %s', (_, stored) => {
    const storage = new MemoryStorage()
    storage.setItem(IMPORT_LINE_MAPS_KEY, stored)
    expect(importLineMap('7', storage)).toBeUndefined()
  })

  it('works without storage (blocked in a sandboxed frame)', () => {
    expect(() => recordImportLineMap('7', map, undefined)).not.toThrow()
    expect(importLineMap('7', undefined)).toBeUndefined()
  })
})
