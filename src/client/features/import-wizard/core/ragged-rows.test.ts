// Ragged rows across scans, and which still block the import
import { describe, expect, it } from 'vitest'
import { NO_EDITS, withRowExcluded, withRowsExcluded } from './edits.ts'
import { mergeRaggedRows, pendingRaggedRows } from './ragged-rows.ts'
import type { ScanResult } from './scan-result.ts'

const scan = (raggedRows: number[], counted = raggedRows.length) =>
  ({
    raggedRows,
    problemCounts: counted > 0 ? { INCORRECT_NUMBER_OF_COLUMNS: counted } : {},
  }) as unknown as ScanResult

describe('ragged rows', () => {
  it('blocks until every ragged row is excluded', () => {
    const known = mergeRaggedRows([], scan([1, 4]))
    expect(pendingRaggedRows(known, scan([1, 4]), NO_EDITS)).toEqual({
      rows: [1, 4],
      unlisted: 0,
      total: 2,
    })
    const one = withRowExcluded(NO_EDITS, 1, true)
    expect(pendingRaggedRows(known, scan([1, 4]), one).total).toBe(1)
    const all = withRowsExcluded(one, [1, 4])
    expect(all.excludedRows).toEqual([1, 4])
    expect(pendingRaggedRows(known, scan([1, 4]), all).total).toBe(0)
  })

  it('still knows a row excluded during the last scan once it is brought back', () => {
    let known = mergeRaggedRows([], scan([1, 4]))
    // the next scan ran with row 1 excluded, so it lists only row 4
    known = mergeRaggedRows(known, scan([4]))
    expect(known).toEqual([1, 4])
    expect(pendingRaggedRows(known, scan([4]), NO_EDITS).rows).toEqual([1, 4])
  })

  it.each([
    { name: 'nothing new', known: [1, 4], found: [4, 1], merged: [1, 4], same: true },
    { name: 'none found', known: [2], found: [], merged: [2], same: true },
    { name: 'new rows in between', known: [1, 9], found: [9, 5, 1, 12], merged: [1, 5, 9, 12] },
    { name: 'a first scan', known: [], found: [7, 3], merged: [3, 7] },
    {
      name: 'many on both sides',
      known: Array.from({ length: 100_000 }, (_, i) => i * 2),
      found: Array.from({ length: 100_000 }, (_, i) => i * 2 + 1),
      merged: Array.from({ length: 200_000 }, (_, i) => i),
    },
  ])('merges the rows of a scan with $name', ({ known, found, merged, same = false }) => {
    const result = mergeRaggedRows(known, scan(found))
    expect(result).toEqual(merged)
    // an unchanged list is the same array, so what depends on it does not update
    expect(result === known).toBe(same)
  })

  it('counts ragged rows the scan did not list', () => {
    expect(pendingRaggedRows([1], scan([1], 5), NO_EDITS)).toEqual({
      rows: [1],
      unlisted: 4,
      total: 5,
    })
  })

  it('excluding rows already excluded changes nothing', () => {
    const edits = withRowExcluded(NO_EDITS, 3, true)
    expect(withRowsExcluded(edits, [3])).toBe(edits)
  })
})
