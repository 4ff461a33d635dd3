// Value rules for date and date-time cells, per dateFormat
import type { DateFormat } from '../hubspot/import-request.ts'
import { type CellRule, BLANK, invalid, quote } from './cell-result.ts'
import { daysInMonth, expandTwoDigitYear, numericIsoDate } from './numeric-date.ts'

export { daysInMonth, expandTwoDigitYear, isLeapYear } from './numeric-date.ts'

// Three parts: numbers or English month names, split by `/`, `-`, `.` or spaces (a comma may
// follow a part: "Oct 28, 2026"). The last part is always digits: the year, or the day for Y-M-D.
const DATE_RE =
  /^(\d{1,4}|[a-z]{3,9}\.?)(\s*[/.-]\s*|,?\s+)(\d{1,4}|[a-z]{3,9}\.?)(\s*[/.-]\s*|,?\s+)(\d{1,4})(?!\d)/i
// An optional time after the date: `14:30`, `14:30:15.250`, `7:00AM`, `7 pm`, then an optional
// offset `Z`, `UTC`, `+01:00`, `-0500`, `+01`.
// (sticky: matched from where the date ends, without slicing the cell)
const TIME_RE =
  /(?:,?\s+|T)(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([ap])\.?m\.?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/iy
const OFFSET_RE = /^([+-])(\d{2}):?(\d{2})?$/
const TIMESTAMP_RE = /^\d{11,13}$/
const NUMERIC_SEPARATORS: ReadonlySet<string> = new Set(['/', '.', '-'])
const EXCEL_SERIAL_RE = /^\d{5}(?:\.\d+)?$/

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const
const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...MONTHS.map((name, index) => [name, index + 1] as const),
  ...MONTHS.map((name, index) => [name.slice(0, 3), index + 1] as const),
  ['sept', 9],
])
const MONTH_TITLES = MONTHS.map((name) => name[0]!.toUpperCase() + name.slice(1))

/** How a date is written, for messages. */
export const DATE_FORMAT_HINTS: Readonly<Record<DateFormat, string>> = {
  MONTH_DAY_YEAR: 'month/day/year, such as 12/31/2026, 12-31-26 or Dec 31, 2026',
  DAY_MONTH_YEAR: 'day/month/year, such as 31/12/2026, 31.12.26 or 31 Dec 2026',
  YEAR_MONTH_DAY: 'year/month/day, such as 2026-12-31, 2026/12/31 or 2026 Dec 31',
}

/** A parsed date cell; `hour`… are 0 and `offsetMinutes` undefined when no time was written. */
export interface ParsedDate {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** the written offset from UTC, e.g. +60 for `+01:00`; undefined means the portal time zone */
  offsetMinutes: number | undefined
  hasTime: boolean
}

/** Why a cell isn't a date, as a phrase that follows the quoted value. */
export type DateProblem = string

/**
 * Parses the date (and optional time) at the start of a trimmed cell in one `dateFormat`.
 * With `isoFallback`, a cell starting with a four-digit year is read year-month-day whatever
 * the format (it can't be read any other way). UNIX timestamps are not handled here.
 */
export function parseDateText(
  text: string,
  format: DateFormat,
  isoFallback: boolean,
): ParsedDate | DateProblem {
  const match = DATE_RE.exec(text)
  if (!match) return 'is not a date'
  const [whole, first, sep1, second, sep2, third] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  const firstIsNumber = isDigitToken(first)
  const secondIsNumber = isDigitToken(second)
  // spaces and mixed separators only make sense around a month name: "10 28 2026" is not a date
  if (firstIsNumber && secondIsNumber && (sep1 !== sep2 || !NUMERIC_SEPARATORS.has(sep1))) {
    return 'is not a date'
  }
  const order: DateFormat =
    isoFallback && firstIsNumber && first.length === 4 ? 'YEAR_MONTH_DAY' : format
  const yearText = order === 'YEAR_MONTH_DAY' ? first : third
  const monthText = order === 'MONTH_DAY_YEAR' ? first : second
  const dayText = order === 'MONTH_DAY_YEAR' ? second : order === 'DAY_MONTH_YEAR' ? first : third

  if (!isDigitToken(yearText) || (yearText.length !== 2 && yearText.length !== 4)) {
    return `has no two- or four-digit year where one is expected`
  }
  let year = Number(yearText)
  if (yearText.length === 2) year = expandTwoDigitYear(year)
  else if (year < 1000) return `has year ${yearText}, which is out of range`

  let month: number
  if (isDigitToken(monthText)) {
    if (monthText.length > 2) return `has ${monthText} where the month is expected`
    month = Number(monthText)
    if (month < 1 || month > 12) return `has month ${monthText}, which is not between 1 and 12`
  } else {
    const name = monthText.endsWith('.') ? monthText.slice(0, -1) : monthText
    const found = MONTH_BY_NAME.get(name.toLowerCase())
    if (found === undefined) return `has "${monthText}", which is not an English month name`
    month = found
  }

  if (!isDigitToken(dayText) || dayText.length > 2) {
    return `has "${dayText}" where the day is expected`
  }
  const day = Number(dayText)
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) {
    return `is not a real date: ${MONTH_TITLES[month - 1]} ${year} has ${days} days`
  }

  const parsed: ParsedDate = {
    year,
    month,
    day,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    offsetMinutes: undefined,
    hasTime: false,
  }
  if (whole.length === text.length) return parsed
  return parseTime(text, whole.length, parsed)
}

// DATE_RE's parts are all digits or start with a letter, so the first character tells them apart
function isDigitToken(token: string): boolean {
  const code = token.charCodeAt(0)
  return code >= 48 && code <= 57
}

function notATime(text: string, start: number): DateProblem {
  return `has "${text.slice(start).trim()}" after the date, which is not a time such as 14:30 or 2:30PM`
}

function parseTime(text: string, start: number, parsed: ParsedDate): ParsedDate | DateProblem {
  TIME_RE.lastIndex = start
  const time = TIME_RE.exec(text)
  if (!time) return notATime(text, start)
  const [, hourText, minuteText, secondText, fraction, meridiem, offset] = time
  let hour = Number(hourText)
  const minute = minuteText === undefined ? 0 : Number(minuteText)
  const second = secondText === undefined ? 0 : Number(secondText)
  // a bare "14" after a date is more likely a typo than a time; "7PM" is fine
  if (minuteText === undefined && meridiem === undefined) {
    return notATime(text, start)
  }
  if (meridiem !== undefined) {
    if (hour > 12) return `has hour ${hourText} with AM/PM, which must be 12 or less`
    hour = (hour % 12) + (meridiem === 'p' || meridiem === 'P' ? 12 : 0)
  } else if (hour > 23) {
    return `has hour ${hourText}, which is not between 0 and 23`
  }
  if (minute > 59) return `has minute ${minuteText}, which is not between 0 and 59`
  if (second > 59) return `has second ${secondText}, which is not between 0 and 59`
  parsed.hour = hour
  parsed.minute = minute
  parsed.second = second
  parsed.millisecond = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'))
  parsed.hasTime = true
  if (offset !== undefined) {
    const sign = OFFSET_RE.exec(offset)
    if (!sign) {
      parsed.offsetMinutes = 0 // Z, UTC, GMT
    } else {
      const hours = Number(sign[2])
      const minutes = sign[3] === undefined ? 0 : Number(sign[3])
      if (hours > 18 || minutes > 59) return `has offset ${offset}, which is out of range`
      parsed.offsetMinutes = (sign[1] === '-' ? -1 : 1) * (hours * 60 + minutes)
    }
  }
  return parsed
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}

/** `YYYY-MM-DD` of a parsed date, as written (a time and offset don't move the day). */
export function toIsoDate(parsed: ParsedDate): string {
  return `${parsed.year}-${pad2(parsed.month)}-${pad2(parsed.day)}`
}

function pad3(value: number): string {
  return value < 10 ? `00${value}` : value < 100 ? `0${value}` : String(value)
}

/** ISO `YYYY-MM-DDTHH:mm:ss.sssZ` of a parsed date-time (no offset means the portal time zone, UTC here). */
export function toIsoDateTime(parsed: ParsedDate): string {
  // written in UTC: the fields are already the answer (and Date#toISOString is slow per cell)
  if (!parsed.offsetMinutes) {
    return `${toIsoDate(parsed)}T${pad2(parsed.hour)}:${pad2(parsed.minute)}:${pad2(parsed.second)}.${pad3(parsed.millisecond)}Z`
  }
  return new Date(toEpochMillis(parsed)).toISOString()
}

/** Epoch milliseconds of a parsed date-time; no offset means the portal time zone, UTC here. */
export function toEpochMillis(parsed: ParsedDate): number {
  const local = Date.UTC(
    parsed.year,
    parsed.month - 1,
    parsed.day,
    parsed.hour,
    parsed.minute,
    parsed.second,
    parsed.millisecond,
  )
  return local - (parsed.offsetMinutes ?? 0) * 60_000
}

/** Whether a trimmed cell is a UNIX timestamp in milliseconds (11–13 digits: 1973 to 2286). */
export function isUnixMillis(text: string): boolean {
  return TIMESTAMP_RE.test(text)
}

function problemMessage(text: string, problem: DateProblem, format: DateFormat): string {
  const serial = EXCEL_SERIAL_RE.test(text)
    ? ' It looks like a spreadsheet date serial number: format the column as text dates before exporting.'
    : ''
  return `${quote(text)} ${problem}. Expected ${DATE_FORMAT_HINTS[format]}, optionally with a time, or a UNIX timestamp in milliseconds.${serial}`
}

/** The check for a `date` property: `YYYY-MM-DD`, the day as written (any time is checked, then dropped). */
export function compileDateCheck(format: DateFormat): CellRule {
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const numeric = numericIsoDate(text, format, true)
    if (numeric !== undefined) return numeric
    if (TIMESTAMP_RE.test(text)) {
      return new Date(Number(text)).toISOString().slice(0, 10)
    }
    const parsed = parseDateText(text, format, true)
    if (typeof parsed === 'string') {
      return invalid('COULD_NOT_PARSE_DATE', problemMessage(text, parsed, format))
    }
    return toIsoDate(parsed)
  }
}

/** The check for a `datetime` property: ISO `YYYY-MM-DDTHH:mm:ss.sssZ` in UTC. */
export function compileDatetimeCheck(format: DateFormat): CellRule {
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    // a date without a time is midnight
    const numeric = numericIsoDate(text, format, true)
    if (numeric !== undefined) return `${numeric}T00:00:00.000Z`
    if (TIMESTAMP_RE.test(text)) {
      return new Date(Number(text)).toISOString()
    }
    const parsed = parseDateText(text, format, true)
    if (typeof parsed === 'string') {
      return invalid('COULD_NOT_PARSE_DATE', problemMessage(text, parsed, format))
    }
    return toIsoDateTime(parsed)
  }
}
