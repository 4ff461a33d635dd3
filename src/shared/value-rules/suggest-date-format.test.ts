// Suggesting a dateFormat from sample cells, and naming ambiguous samples
import { describe, expect, it } from 'vitest'
import { suggestDateFormat } from './suggest-date-format.ts'

describe('suggestDateFormat', () => {
  it.each([
    {
      name: 'day and month both ≤ 12: month-first by default, flagged ambiguous',
      input: ['03/04/2026', '05/06/2026'],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR'],
        ambiguousExamples: ['03/04/2026', '05/06/2026'],
      },
    },
    {
      name: 'one day above 12 settles it as day-first',
      input: ['03/04/2026', '13/04/2026'],
      expected: {
        suggested: 'DAY_MONTH_YEAR',
        candidates: ['DAY_MONTH_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'one day above 12 in the second place settles it as month-first',
      input: ['03/04/2026', '12/31/2026'],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'four-digit years first are year-month-day',
      input: ['2026-03-04', '2026-12-31', '2026/01/02'],
      expected: {
        suggested: 'YEAR_MONTH_DAY',
        candidates: ['YEAR_MONTH_DAY'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'ISO date-times are year-month-day',
      input: ['2026-03-01T10:00:00Z'],
      expected: {
        suggested: 'YEAR_MONTH_DAY',
        candidates: ['YEAR_MONTH_DAY'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'same day either way: ambiguous format, but no example to ask about',
      input: ['05/05/2026', '11/11/2026'],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'two-digit years everywhere fit all three orders',
      input: ['01/02/03'],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR', 'YEAR_MONTH_DAY'],
        ambiguousExamples: ['01/02/03'],
      },
    },
    {
      name: 'when month-first is ruled out, day-first beats year-first',
      input: ['13/02/03'],
      expected: {
        suggested: 'DAY_MONTH_YEAR',
        candidates: ['DAY_MONTH_YEAR', 'YEAR_MONTH_DAY'],
        ambiguousExamples: ['13/02/03'],
      },
    },
    {
      name: 'month names decide the order',
      input: ['Oct 28 2026', 'Nov 2, 2026'],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'day before a month name',
      input: ['28 Oct 2026', '2-Nov-26'],
      expected: {
        suggested: 'DAY_MONTH_YEAR',
        candidates: ['DAY_MONTH_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'blanks and UNIX timestamps say nothing',
      input: ['', '   ', '1700000000000', '13/04/2026'],
      expected: {
        suggested: 'DAY_MONTH_YEAR',
        candidates: ['DAY_MONTH_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'date-times are read by their date',
      input: ['03/04/2026 14:30', '13/04/2026 9:00 AM'],
      expected: {
        suggested: 'DAY_MONTH_YEAR',
        candidates: ['DAY_MONTH_YEAR'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'mixed orders: no format reads them all',
      input: ['13/04/2026', '04/13/2026'],
      expected: { suggested: undefined, candidates: [], ambiguousExamples: [] },
    },
    {
      name: 'a year-first value among year-last ones: no format reads them all',
      input: ['2026-03-04', '03/04/2026'],
      expected: { suggested: undefined, candidates: [], ambiguousExamples: [] },
    },
    {
      name: 'an invalid calendar date rules a format out (29 Feb 2025 is no day)',
      input: ['29/02/24', '29/02/25'],
      expected: {
        suggested: 'YEAR_MONTH_DAY',
        candidates: ['YEAR_MONTH_DAY'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'text that is no date',
      input: ['hello'],
      expected: { suggested: undefined, candidates: [], ambiguousExamples: [] },
    },
    {
      name: 'no samples: every format fits, HubSpot’s default is suggested',
      input: [],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR', 'YEAR_MONTH_DAY'],
        ambiguousExamples: [],
      },
    },
    {
      name: 'examples are distinct, trimmed and at most three',
      input: [' 01/02/2026 ', '01/02/2026', '03/04/2026', '05/06/2026', '07/08/2026'],
      expected: {
        suggested: 'MONTH_DAY_YEAR',
        candidates: ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR'],
        ambiguousExamples: ['01/02/2026', '03/04/2026', '05/06/2026'],
      },
    },
  ])('$name', ({ input, expected }) => {
    expect(suggestDateFormat(input)).toEqual(expected)
  })
})
