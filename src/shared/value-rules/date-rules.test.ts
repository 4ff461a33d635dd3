// Date and date-time cells under each dateFormat: orders, months, years, times, offsets
import { describe, expect, it } from 'vitest'
import type { DateFormat } from '../hubspot/import-request.ts'
import { compileCellCheck } from './cell-check.ts'
import { daysInMonth, expandTwoDigitYear, isLeapYear } from './date-rules.ts'
import { makeProperty } from './property-fixtures.ts'

const dateProperty = makeProperty({
  name: 'closedate',
  label: 'Close date',
  type: 'date',
  fieldType: 'date',
})
const datetimeProperty = makeProperty({
  name: 'last_contacted',
  label: 'Last contacted',
  type: 'datetime',
  fieldType: 'date',
})

const MDY: DateFormat = 'MONTH_DAY_YEAR'
const DMY: DateFormat = 'DAY_MONTH_YEAR'
const YMD: DateFormat = 'YEAR_MONTH_DAY'

function checkDate(input: string, dateFormat: DateFormat) {
  return compileCellCheck(dateProperty, { dateFormat })(input)
}

function checkDatetime(input: string, dateFormat: DateFormat) {
  return compileCellCheck(datetimeProperty, { dateFormat })(input)
}

describe('date cells', () => {
  it.each([
    // the same cell under each format
    { input: '03/04/2026', format: MDY, expected: '2026-03-04' },
    { input: '03/04/2026', format: DMY, expected: '2026-04-03' },
    { input: '12/31/2026', format: MDY, expected: '2026-12-31' },
    { input: '31/12/2026', format: DMY, expected: '2026-12-31' },
    { input: '2026/12/31', format: YMD, expected: '2026-12-31' },
    { input: '3/4/2026', format: MDY, expected: '2026-03-04' },
    // two-digit years pivot at 70
    { input: '03/04/26', format: MDY, expected: '2026-03-04' },
    { input: '03/04/00', format: MDY, expected: '2000-03-04' },
    { input: '03/04/69', format: MDY, expected: '2069-03-04' },
    { input: '03/04/70', format: MDY, expected: '1970-03-04' },
    { input: '03/04/99', format: DMY, expected: '1999-04-03' },
    { input: '26-03-04', format: YMD, expected: '2026-03-04' },
    // separators
    { input: '03-04-2026', format: MDY, expected: '2026-03-04' },
    { input: '03.04.2026', format: DMY, expected: '2026-04-03' },
    { input: '2026.03.04', format: YMD, expected: '2026-03-04' },
    // month names: three letters, full, with a dot, any case, "Sept"
    { input: 'Oct 28 2026', format: MDY, expected: '2026-10-28' },
    { input: 'October 28, 2026', format: MDY, expected: '2026-10-28' },
    { input: 'oct. 28, 2026', format: MDY, expected: '2026-10-28' },
    { input: 'OCT-28-26', format: MDY, expected: '2026-10-28' },
    { input: 'Sept 5 2026', format: MDY, expected: '2026-09-05' },
    { input: '28 Oct 2026', format: DMY, expected: '2026-10-28' },
    { input: '28-October-2026', format: DMY, expected: '2026-10-28' },
    { input: '28.oct.26', format: DMY, expected: '2026-10-28' },
    { input: '2026 Oct 28', format: YMD, expected: '2026-10-28' },
    { input: '2026-Oct-28', format: YMD, expected: '2026-10-28' },
    // leap years
    { input: '02/29/2024', format: MDY, expected: '2024-02-29' },
    { input: '02/29/2000', format: MDY, expected: '2000-02-29' },
    { input: '29/02/24', format: DMY, expected: '2024-02-29' },
    // a four-digit year first can only be year-month-day, whatever the format
    { input: '2026-03-04', format: MDY, expected: '2026-03-04' },
    { input: '2026-03-04', format: DMY, expected: '2026-03-04' },
    // UNIX milliseconds (11–13 digits) → that UTC day
    { input: '1700000000000', format: MDY, expected: '2023-11-14' },
    { input: '17000000000', format: DMY, expected: '1970-07-16' },
    // a time is checked, then the day as written is kept
    { input: '03/04/2026 14:30', format: MDY, expected: '2026-03-04' },
    { input: '2026-03-04T23:30:00-05:00', format: MDY, expected: '2026-03-04' },
    // outer whitespace (including a no-break space) is trimmed
    { input: ' \u00a003/04/2026\t', format: MDY, expected: '2026-03-04' },
  ])('$input as $format → $expected', ({ input, format, expected }) => {
    expect(checkDate(input, format)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    { input: '03/04/2026', format: YMD, mentions: 'year/month/day' },
    { input: '31/12/2026', format: MDY, mentions: 'month 31, which is not between 1 and 12' },
    { input: '12/31/2026', format: DMY, mentions: 'day/month/year' },
    { input: '02/30/2026', format: MDY, mentions: 'February 2026 has 28 days' },
    { input: '04/31/2026', format: MDY, mentions: 'April 2026 has 30 days' },
    { input: '02/29/2025', format: MDY, mentions: 'February 2025 has 28 days' },
    { input: '29/02/1900', format: DMY, mentions: 'February 1900 has 28 days' },
    { input: '00/10/2026', format: MDY, mentions: 'month 00' },
    { input: '10/00/2026', format: MDY, mentions: 'October 2026 has 31 days' },
    { input: '03/04/226', format: MDY, mentions: 'two- or four-digit year' },
    { input: '03/04/2', format: MDY, mentions: 'two- or four-digit year' },
    { input: '03/04/0026', format: MDY, mentions: 'year 0026' },
    { input: '03/04-2026', format: MDY, mentions: 'is not a date' },
    { input: '03 04 2026', format: MDY, mentions: 'is not a date' },
    { input: 'Octember 28 2026', format: MDY, mentions: 'not an English month name' },
    { input: '28 Oct 2026', format: MDY, mentions: 'month/day/year' },
    { input: 'Oct 28 2026', format: DMY, mentions: 'day/month/year' },
    { input: '2026-03', format: YMD, mentions: 'is not a date' },
    { input: '2026', format: MDY, mentions: 'is not a date' },
    { input: '1234567890', format: MDY, mentions: 'UNIX timestamp in milliseconds' },
    { input: '12345678901234', format: MDY, mentions: 'is not a date' },
    { input: '45678', format: MDY, mentions: 'spreadsheet date serial number' },
    { input: 'yesterday', format: MDY, mentions: 'is not a date' },
    { input: '03/04/2026 25:00', format: MDY, mentions: 'hour 25' },
    { input: '03/04/2026 soon', format: MDY, mentions: '"soon" after the date' },
  ])(
    '$input as $format is COULD_NOT_PARSE_DATE mentioning "$mentions"',
    ({ input, format, mentions }) => {
      const result = checkDate(input, format)
      expect(result).toMatchObject({ kind: 'invalid', errorType: 'COULD_NOT_PARSE_DATE' })
      const message = result.kind === 'invalid' ? result.message : ''
      expect(message).toContain(mentions)
      expect(message).toContain(`"${input.trim()}"`)
    },
  )

  it.each([
    { format: MDY, expected: 'month/day/year' },
    { format: DMY, expected: 'day/month/year' },
    { format: YMD, expected: 'year/month/day' },
  ])('a failure under $format names that order', ({ format, expected }) => {
    const result = checkDate('not a date', format)
    expect(result.kind === 'invalid' && result.message).toContain(`Expected ${expected}`)
  })
})

describe('datetime cells (portal time zone: UTC)', () => {
  it.each([
    { input: '03/04/2026', format: MDY, expected: '2026-03-04T00:00:00.000Z' },
    { input: '28/10/2020 14:30', format: DMY, expected: '2020-10-28T14:30:00.000Z' },
    { input: '02/28/2026 14:30:15', format: MDY, expected: '2026-02-28T14:30:15.000Z' },
    // AM/PM, with or without a space or dots
    { input: '02-28-26 7:00AM +01:00', format: MDY, expected: '2026-02-28T06:00:00.000Z' },
    { input: '02/28/2026 7:05 pm', format: MDY, expected: '2026-02-28T19:05:00.000Z' },
    { input: '02/28/2026 7PM', format: MDY, expected: '2026-02-28T19:00:00.000Z' },
    { input: '02/28/2026 12:00AM', format: MDY, expected: '2026-02-28T00:00:00.000Z' },
    { input: '02/28/2026 12:30 p.m.', format: MDY, expected: '2026-02-28T12:30:00.000Z' },
    // offsets: the written time is at that offset from UTC
    { input: '02/28/2026 10:00 +01:00', format: MDY, expected: '2026-02-28T09:00:00.000Z' },
    { input: '02/28/2026 10:00 -0500', format: MDY, expected: '2026-02-28T15:00:00.000Z' },
    { input: '02/28/2026 10:00 +05', format: MDY, expected: '2026-02-28T05:00:00.000Z' },
    { input: '02/28/2026 23:30 -02:00', format: MDY, expected: '2026-03-01T01:30:00.000Z' },
    { input: '02/28/2026 10:00 UTC', format: MDY, expected: '2026-02-28T10:00:00.000Z' },
    // ISO 8601 under any format
    { input: '2026-03-01T10:00:00Z', format: MDY, expected: '2026-03-01T10:00:00.000Z' },
    { input: '2026-03-01T10:00:00Z', format: DMY, expected: '2026-03-01T10:00:00.000Z' },
    { input: '2026-03-01T10:00:00.123+05:30', format: YMD, expected: '2026-03-01T04:30:00.123Z' },
    { input: '2026-03-01T10:00:00.5Z', format: YMD, expected: '2026-03-01T10:00:00.500Z' },
    { input: '2026-03-01 10:00', format: YMD, expected: '2026-03-01T10:00:00.000Z' },
    { input: 'Oct 28, 2026 2:30 PM', format: MDY, expected: '2026-10-28T14:30:00.000Z' },
    // UNIX milliseconds keep their time
    { input: '1700000000000', format: MDY, expected: '2023-11-14T22:13:20.000Z' },
    { input: '9999999999999', format: DMY, expected: '2286-11-20T17:46:39.999Z' },
  ])('$input as $format → $expected', ({ input, format, expected }) => {
    expect(checkDatetime(input, format)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    { input: '02/28/2026 24:00', mentions: 'hour 24' },
    { input: '02/28/2026 13:00 PM', mentions: 'hour 13 with AM/PM' },
    { input: '02/28/2026 10:60', mentions: 'minute 60' },
    { input: '02/28/2026 10:00:60', mentions: 'second 60' },
    { input: '02/28/2026 10:00 +19:00', mentions: 'offset +19:00' },
    { input: '02/28/2026 10', mentions: '"10" after the date' },
    { input: '02/28/2026 at noon', mentions: '"at noon" after the date' },
    { input: '14:30', mentions: 'is not a date' },
    { input: '02/30/2026 10:00', mentions: 'February 2026 has 28 days' },
  ])('$input is COULD_NOT_PARSE_DATE mentioning "$mentions"', ({ input, mentions }) => {
    const result = checkDatetime(input, MDY)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'COULD_NOT_PARSE_DATE' })
    expect(result.kind === 'invalid' && result.message).toContain(mentions)
  })
})

describe('calendar helpers', () => {
  it.each([
    { input: 2024, expected: true },
    { input: 2025, expected: false },
    { input: 2000, expected: true },
    { input: 1900, expected: false },
  ])('isLeapYear($input) → $expected', ({ input, expected }) => {
    expect(isLeapYear(input)).toBe(expected)
  })

  it.each([
    { input: [2024, 2], expected: 29 },
    { input: [2026, 2], expected: 28 },
    { input: [2026, 4], expected: 30 },
    { input: [2026, 12], expected: 31 },
    { input: [2026, 13], expected: 0 },
  ] as const)('daysInMonth($input) → $expected', ({ input, expected }) => {
    expect(daysInMonth(input[0], input[1])).toBe(expected)
  })

  it.each([
    { input: 0, expected: 2000 },
    { input: 69, expected: 2069 },
    { input: 70, expected: 1970 },
    { input: 99, expected: 1999 },
  ])('expandTwoDigitYear($input) → $expected', ({ input, expected }) => {
    expect(expandTwoDigitYear(input)).toBe(expected)
  })
})
