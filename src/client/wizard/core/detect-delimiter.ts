import { DELIMITERS, type Delimiter, type DelimiterDetection } from './types.ts'

export { DELIMITERS }

const SAMPLE_RECORDS = 50

/**
 * Picks the delimiter whose field counts agree best across the first records (quote-aware),
 * preferring one that gives more than one column; ties go to more columns, then to the comma.
 * `sampled` drops the last record, which a head slice may have cut.
 */
export function detectDelimiter(
  text: string,
  { sampled = false }: { sampled?: boolean } = {},
): DelimiterDetection {
  let best: DelimiterDetection | undefined
  for (const { value: delimiter } of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, sampled)
    if (counts.length === 0) continue
    const [columnCount, hits] = mode(counts)
    if (columnCount < 2) continue
    const consistency = hits / counts.length
    const better =
      !best ||
      consistency > best.consistency + 0.05 ||
      (Math.abs(consistency - best.consistency) <= 0.05 && columnCount > best.columnCount)
    if (better) best = { delimiter, columnCount, consistency, reason: '' }
  }
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
  return {
    ...best,
    reason: `A ${name} gives ${best.columnCount} columns on ${share}% of the first lines.`,
  }
}

/** Fields per non-blank record in the first records, honouring quotes. */
function fieldCounts(text: string, delimiter: Delimiter, sampled: boolean): number[] {
  const counts: number[] = []
  let fields = 1
  let fieldStart = true
  let inQuotes = false
  let blank = true
  const n = text.length
  for (let i = 0; i < n && counts.length < SAMPLE_RECORDS; i++) {
    const c = text[i]
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++
        else inQuotes = false
      }
      continue
    }
    if (c === '"' && fieldStart) {
      inQuotes = true
      blank = false
      fieldStart = false
    } else if (c === delimiter) {
      fields++
      fieldStart = true
      blank = false
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      if (!blank) counts.push(fields)
      fields = 1
      fieldStart = true
      blank = true
    } else {
      fieldStart = false
      if (c !== ' ') blank = false
    }
  }
  // the final record has no line break: count it only when the text is the whole file
  if (!blank && !sampled && counts.length < SAMPLE_RECORDS) counts.push(fields)
  return counts
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
