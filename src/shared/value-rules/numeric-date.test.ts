// The numeric-date fast path answers as the full date reading does, or leaves the cell to it
import { describe, expect, it } from 'vitest'
import type { DateFormat } from '../hubspot/import-request.ts'
import { parseDateText, toIsoDate } from './date-rules.ts'
import { numericIsoDate } from './numeric-date.ts'

const FORMATS: DateFormat[] = ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR', 'YEAR_MONTH_DAY']
// three digit runs and one separator used twice, nothing else
const NUMERIC_DATE = /^\d{1,4}([/.-])\d{1,4}\1\d{1,4}$/

/** What the full reading makes of a cell: its `YYYY-MM-DD` without a time, else undefined. */
function fullReading(text: string, format: DateFormat, isoFallback: boolean) {
  const parsed = parseDateText(text, format, isoFallback)
  return typeof parsed === 'string' || parsed.hasTime ? undefined : toIsoDate(parsed)
}

describe('numeric dates without a regex', () => {
  // days, months and years of every length, in range and out of it, and what may follow them
  const parts = ['0', '1', '01', '2', '02', '12', '13', '29', '30', '31', '32', '99', '00', '123']
  const years = [...parts, '2024', '2026', '1900', '0999', '1000', '12345']
  const separators = ['/', '-', '.', ' ', ',', '_']
  const cells = years.flatMap((first) =>
    separators.flatMap((separator) =>
      parts.flatMap((middle) =>
        [...years].flatMap((last) => [
          `${first}${separator}${middle}${separator}${last}`,
          `${first}${separator}${middle}${separators[(separators.indexOf(separator) + 1) % 3]}${last}`,
        ]),
      ),
    ),
  )
  const tails = ['', ' 14:30', 'T14:30Z', 'x', '/1']

  it.each(
    FORMATS.flatMap((format) => [true, false].map((isoFallback) => ({ format, isoFallback }))),
  )(
    '$format, four-digit year first read as year-month-day: $isoFallback',
    ({ format, isoFallback }) => {
      const answers = cells
        .flatMap((cell) => tails.map((tail) => cell + tail))
        .map((text) => ({
          text,
          fast: numericIsoDate(text, format, isoFallback),
          expected: NUMERIC_DATE.test(text) ? fullReading(text, format, isoFallback) : undefined,
        }))
      expect(answers.filter(({ fast, expected }) => fast !== expected)).toEqual([])
      // many of them are dates
      expect(answers.filter(({ fast }) => fast !== undefined).length).toBeGreaterThan(1_000)
    },
  )

  it.each([
    { input: '2026-03-04', format: 'YEAR_MONTH_DAY', same: true },
    { input: '2026-03-04', format: 'MONTH_DAY_YEAR', same: true },
    { input: '2026/03/04', format: 'YEAR_MONTH_DAY', same: false },
    { input: '2026-3-4', format: 'YEAR_MONTH_DAY', same: false },
    { input: '03-04-2026', format: 'MONTH_DAY_YEAR', same: false },
  ] as const)('$input ($format) is returned as it is: $same', ({ input, format, same }) => {
    const answer = numericIsoDate(input, format, true)
    expect(answer).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(answer === input).toBe(same)
  })

  it('leaves invalid dates to the full reading, which words the problem', () => {
    for (const text of ['02/30/2026', '13/01/2026', '2026-02-29', '1/2/3', '0999-01-01']) {
      expect(numericIsoDate(text, 'MONTH_DAY_YEAR', true)).toBeUndefined()
      expect(typeof parseDateText(text, 'MONTH_DAY_YEAR', true)).toBe('string')
    }
  })
})
