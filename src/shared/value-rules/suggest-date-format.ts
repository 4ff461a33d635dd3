// Suggests an import's dateFormat from a column's sample cells
import { DATE_FORMATS, type DateFormat } from '../hubspot/import-request.ts'
import { isUnixMillis, parseDateText } from './date-rules.ts'

export interface DateFormatSuggestion {
  /** the format to preselect; undefined when no format reads every sample */
  suggested: DateFormat | undefined
  /** every format that reads every sample; more than one means the column is ambiguous */
  candidates: DateFormat[]
  /** up to a few samples that mean different days under different candidates */
  ambiguousExamples: string[]
}

const EXAMPLES_SHOWN = 3

// when several formats fit, the first candidate in this order wins: HubSpot's default, then the
// other year-last order (two-digit-year-first columns are rare). Four-digit-year-first values
// need no preference: they only read as YEAR_MONTH_DAY.
const PREFERENCE: readonly DateFormat[] = ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR', 'YEAR_MONTH_DAY']

/**
 * Suggests the import's `dateFormat` from sample date cells. A format is a candidate when it
 * reads every non-blank sample; blanks and UNIX timestamps say nothing and are skipped. Unlike
 * the cell check, a leading four-digit year is not read year-first under the other formats, so
 * `2026-03-01` samples point at YEAR_MONTH_DAY.
 */
export function suggestDateFormat(samples: readonly string[]): DateFormatSuggestion {
  const alive = new Set<DateFormat>(DATE_FORMATS)
  // per sample: the day it means under each format (yyyymmdd), or -1 when it can't be read
  const readings: { text: string; days: number[] }[] = []
  for (const sample of samples) {
    const text = sample.trim()
    if (text === '' || isUnixMillis(text)) continue
    const days = DATE_FORMATS.map((format) => {
      if (!alive.has(format)) return -1
      const parsed = parseDateText(text, format, false)
      if (typeof parsed === 'string') {
        alive.delete(format)
        return -1
      }
      return parsed.year * 10_000 + parsed.month * 100 + parsed.day
    })
    readings.push({ text, days })
    if (alive.size === 0) break
  }

  const candidates = DATE_FORMATS.filter((format) => alive.has(format))
  const ambiguousExamples: string[] = []
  if (candidates.length > 1) {
    const indexes = candidates.map((format) => DATE_FORMATS.indexOf(format))
    for (const { text, days } of readings) {
      const first = days[indexes[0]!]
      if (indexes.some((index) => days[index] !== first) && !ambiguousExamples.includes(text)) {
        ambiguousExamples.push(text)
        if (ambiguousExamples.length === EXAMPLES_SHOWN) break
      }
    }
  }

  const suggested = PREFERENCE.find((format) => alive.has(format))
  return { suggested, candidates, ambiguousExamples }
}
