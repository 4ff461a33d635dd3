// Finds the header record among the first records of a file
export interface HeaderRowDetection {
  headerRowIndex: number
  reason: string
}

const ROWS_TO_SEARCH = 10
const ROWS_SAMPLED = 30
// numbers, dates, booleans, emails and urls look like data, not like column names
const DATA_LIKE =
  /^(?:[-+]?[\d.,\s]+%?|[$€£]\s?[\d.,]+|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.*|true|false|yes|no|[^@\s]+@[^@\s]+\.[^@\s]+|https?:\/\/\S+)$/i

/**
 * Finds the header among the first records (blank records are not records) when a title sits
 * above it, as report exports have: the first record as wide as the rows, with names in most of
 * its cells, mostly text. Repeated and blank names are fine (the mapping step renames them); a title
 * line is not a header even when it holds a delimiter (`Contacts export, March 2026` above three
 * columns) or is padded with empty cells by Excel (`Report;;`). Falls back to the record with
 * the most non-empty cells (Flatfile's default, earliest wins), then to 0.
 */
export function detectHeaderRow(records: readonly (readonly string[])[]): HeaderRowDetection {
  const sample = records.slice(0, ROWS_SAMPLED)
  if (sample.length === 0) return { headerRowIndex: 0, reason: 'The file has no filled rows.' }
  const modal = modeOf(sample.map((r) => r.length))
  // a row shorter than the rows may be a header whose missing cells are empty in every row
  // (`a,b,c` over Excel's `1,2,3,`), never one missing cells that rows fill (a title line)
  const widest = Math.max(...sample.map(filledWidth))
  const minFilled = modal === 1 ? 1 : Math.max(2, Math.ceil(modal / 2))

  const limit = Math.min(records.length, ROWS_TO_SEARCH)
  for (let i = 0; i < limit; i++) {
    const row = records[i]!
    if (filledWidth(row) > modal || (row.length < modal && row.length < widest)) continue
    const filled = row.map((c) => c.trim()).filter((c) => c !== '')
    if (filled.length < minFilled) continue
    const texty = filled.filter((c) => !DATA_LIKE.test(c)).length
    if (texty < filled.length * 0.75) continue
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
