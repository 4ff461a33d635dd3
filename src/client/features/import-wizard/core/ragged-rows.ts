// Ragged rows known across scans, and the ones not yet excluded (they block the import)
import type { Edits } from './edits.ts'
import type { ScanResult } from './scan-result.ts'

/**
 * Ragged rows (more or fewer cells than the header) block the import until each is excluded or
 * fixed in the file: HubSpot rejects them (INCORRECT_NUMBER_OF_COLUMNS), and padding or cutting
 * them would put values under the wrong column without saying so. Whether a row is ragged comes
 * from the file alone, so the row indexes of every scan are kept: a row excluded during one scan
 * is still known when it is brought back before the next.
 */
export function mergeRaggedRows(known: readonly number[], result: ScanResult): number[] {
  // up to 100,000 rows on each side: a set, not `includes` per row (10^10 steps at that size)
  const set = new Set(known)
  for (const row of result.raggedRows) set.add(row)
  if (set.size === known.length) return known as number[]
  return [...set].sort((a, b) => a - b)
}

export interface PendingRaggedRows {
  /** known ragged rows not excluded */
  rows: number[]
  /** ragged rows the last scan counted beyond the ones it listed (the next scan lists them) */
  unlisted: number
  total: number
}

export function pendingRaggedRows(
  known: readonly number[],
  result: ScanResult | undefined,
  edits: Edits,
): PendingRaggedRows {
  const excluded = new Set(edits.excludedRows)
  const rows = known.filter((row) => !excluded.has(row))
  const counted = result?.problemCounts.INCORRECT_NUMBER_OF_COLUMNS ?? 0
  const unlisted = result ? Math.max(0, counted - result.raggedRows.length) : 0
  return { rows, unlisted, total: rows.length + unlisted }
}
