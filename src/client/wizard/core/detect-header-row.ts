import type { HeaderRowDetection } from './types.ts'

const ROWS_TO_SEARCH = 10
// numbers, dates, booleans, emails and urls look like data, not like column names
const DATA_LIKE =
  /^(?:[-+]?[\d.,\s]+%?|[$€£]\s?[\d.,]+|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.*|true|false|yes|no|[^@\s]+@[^@\s]+\.[^@\s]+|https?:\/\/\S+)$/i

/**
 * Finds the header among the first records when a title or blank lines sit above it
 * (peers.md §2.1): the first record with the most common field count that is mostly filled,
 * mostly text and has no repeated names. Falls back to the record with the most non-empty cells
 * (Flatfile's default, earliest wins), then to 0.
 */
export function detectHeaderRow(records: readonly (readonly string[])[]): HeaderRowDetection {
  const sample = records.slice(0, Math.max(ROWS_TO_SEARCH * 3, 30))
  const widths = sample.map(filledWidth).filter((w) => w > 0)
  if (widths.length === 0) return { headerRowIndex: 0, reason: 'The file has no filled rows.' }
  const modal = modeOf(widths)

  const limit = Math.min(records.length, ROWS_TO_SEARCH)
  for (let i = 0; i < limit; i++) {
    const row = records[i]!
    // a header may leave its last column unnamed (`a,b,`), a title row fills one or two cells
    const width = filledWidth(row)
    if (width > modal || width < Math.max(2, modal - 1)) continue
    const cells = row.slice(0, modal).map((c) => c.trim())
    const filled = cells.filter((c) => c !== '')
    if (filled.length < Math.ceil(modal / 2)) continue
    const texty = filled.filter((c) => !DATA_LIKE.test(c)).length
    if (texty < filled.length * 0.75) continue
    const unique = new Set(filled.map((c) => c.toLowerCase())).size === filled.length
    if (!unique) continue
    return { headerRowIndex: i, reason: reasonFor(i, modal) }
  }

  let bestIndex = 0
  let bestFilled = -1
  for (let i = 0; i < limit; i++) {
    const filled = records[i]!.filter((c) => c.trim() !== '').length
    if (filled > bestFilled) {
      bestFilled = filled
      bestIndex = i
    }
  }
  return {
    headerRowIndex: bestIndex,
    reason:
      bestIndex === 0
        ? 'Row 1 is taken as the header.'
        : `Row ${bestIndex + 1} has the most filled cells among the first rows, so it is taken as the header.`,
  }
}

function reasonFor(index: number, columns: number): string {
  if (index === 0) return `Row 1 has names for the ${columns} columns.`
  return `Row ${index + 1} is the first row with names for the ${columns} columns; the ${index === 1 ? 'row' : `${index} rows`} above it will be skipped.`
}

// trailing empty cells (Excel's `a,b,,,`) don't count towards a row's width
function filledWidth(row: readonly string[]): number {
  let w = row.length
  while (w > 0 && row[w - 1]!.trim() === '') w--
  return w
}

function modeOf(values: number[]): number {
  const tally = new Map<number, number>()
  let best = values[0]!
  let bestCount = 0
  for (const v of values) {
    const count = (tally.get(v) ?? 0) + 1
    tally.set(v, count)
    if (count > bestCount || (count === bestCount && v > best)) {
      best = v
      bestCount = count
    }
  }
  return best
}
