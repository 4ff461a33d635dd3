// Detects a CSV's delimiter from its first records
import { readCsvText } from '#shared/csv/record-reader.ts'
import { DELIMITERS, type Delimiter } from './parse-settings.ts'

export interface DelimiterDetection {
  delimiter: Delimiter
  /** field count per line that the winner gives on most lines */
  columnCount: number
  /** 0..1: share of sampled lines that have `columnCount` fields */
  consistency: number
  reason: string
}

export { DELIMITERS }

/** Records weighed: enough that one odd header or title line cannot swing the choice. */
const SAMPLE_RECORDS = 200

// 0,50 · 1.234,56 · -3,5 · 12,99 € · 5,5 % : a comma between digits as the decimal mark
const DECIMAL_COMMA = /^[-+]?(?:[$€£]\s?)?\d{1,3}(?:[.\s']?\d{3})*,\d+(?:\s?[€%])?$/

interface Candidate {
  delimiter: Delimiter
  columnCount: number
  consistency: number
  /** cells that read as numbers with a decimal comma */
  decimalCommas: number
}

/**
 * Picks the delimiter whose cell counts agree best over the first records, read in the shared
 * dialect, among those that give more than one column; ties go to more columns, then to the
 * comma. Cells like `0,50` under another delimiter that splits the rows consistently make the
 * comma the decimal mark, not a delimiter (European Excel). `sampled` drops the last record,
 * which a head slice may have cut.
 */
export function detectDelimiter(
  text: string,
  { sampled = false }: { sampled?: boolean } = {},
): DelimiterDetection {
  const candidates: Candidate[] = []
  for (const { value: delimiter } of DELIMITERS) {
    // without the character every record is one cell, which never wins: skip reading them
    if (!text.includes(delimiter)) continue
    const { records } = readCsvText(text, { delimiter, sampled, maxRecords: SAMPLE_RECORDS })
    if (records.length === 0) continue
    const [columnCount, hits] = mode(records.map((r) => r.length))
    if (columnCount < 2) continue
    let decimalCommas = 0
    if (delimiter !== ',') {
      for (const record of records)
        for (const cell of record) if (DECIMAL_COMMA.test(cell.trim())) decimalCommas++
    }
    candidates.push({ delimiter, columnCount, consistency: hits / records.length, decimalCommas })
  }
  const decimalMark = candidates.find(
    (c) => c.delimiter !== ',' && c.decimalCommas > 0 && c.consistency >= 0.9,
  )
  const contenders = decimalMark ? candidates.filter((c) => c.delimiter !== ',') : candidates
  // stable sort: DELIMITERS order (comma first) breaks the last ties
  const best = contenders.sort(
    (a, b) => b.consistency - a.consistency || b.columnCount - a.columnCount,
  )[0]
  if (!best) {
    return {
      delimiter: ',',
      columnCount: 1,
      consistency: 1,
      reason: 'No delimiter splits the lines into columns, so the file is read as one column.',
    }
  }
  const name = DELIMITERS.find((d) => d.value === best.delimiter)!.label.toLowerCase()
  const share = Math.round(best.consistency * 100)
  const decimals = best.decimalCommas > 0 ? ' Commas inside cells are decimal marks.' : ''
  return {
    delimiter: best.delimiter,
    columnCount: best.columnCount,
    consistency: best.consistency,
    reason: `A ${name} gives ${best.columnCount} columns on ${share}% of the first rows.${decimals}`,
  }
}

function mode(values: number[]): [value: number, count: number] {
  const tally = new Map<number, number>()
  let best: [number, number] = [0, 0]
  for (const v of values) {
    const count = (tally.get(v) ?? 0) + 1
    tally.set(v, count)
    if (count > best[1] || (count === best[1] && v > best[0])) best = [v, count]
  }
  return best
}
