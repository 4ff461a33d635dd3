// Numeric dates (`2026-03-04`, `3/4/26`) read without a regex, and the calendar they are checked against
import type { DateFormat } from '../hubspot/import-request.ts'

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (HubSpot is silent; this is the POSIX `%y` pivot). */
export function expandTwoDigitYear(year: number): number {
  return year < 70 ? 2000 + year : 1900 + year
}

/** Whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)
}

const HYPHEN = 45
const DOT = 46
const SLASH = 47

/** Where the run of ASCII digits from `start` ends. */
function digitsEnd(text: string, start: number): number {
  let i = start
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) break
    i++
  }
  return i
}

/**
 * `YYYY-MM-DD` of a trimmed cell that is only three runs of 1–4 digits split by one `/`, `-` or
 * `.` used twice (`2026-03-04`, `3/4/26`), the commonest date cells, read without a regex or
 * any new string when the cell is already `YYYY-MM-DD`. Undefined for any other cell and for a
 * date that is not valid: `parseDateText` reads those and words the problem. For the cells it
 * answers, the answer is `toIsoDate(parseDateText(text, format, isoFallback))`.
 */
export function numericIsoDate(
  text: string,
  format: DateFormat,
  isoFallback: boolean,
): string | undefined {
  const firstEnd = digitsEnd(text, 0)
  if (firstEnd === 0 || firstEnd > 4) return undefined
  const separator = text.charCodeAt(firstEnd)
  if (separator !== SLASH && separator !== HYPHEN && separator !== DOT) return undefined
  const secondEnd = digitsEnd(text, firstEnd + 1)
  const secondLength = secondEnd - firstEnd - 1
  if (secondLength === 0 || secondLength > 4 || text.charCodeAt(secondEnd) !== separator)
    return undefined
  const thirdEnd = digitsEnd(text, secondEnd + 1)
  const thirdLength = thirdEnd - secondEnd - 1
  if (thirdLength === 0 || thirdLength > 4 || thirdEnd !== text.length) return undefined

  const order: DateFormat = isoFallback && firstEnd === 4 ? 'YEAR_MONTH_DAY' : format
  // where each part starts and ends
  const secondStart = firstEnd + 1
  const thirdStart = secondEnd + 1
  const ymd = order === 'YEAR_MONTH_DAY'
  const mdy = order === 'MONTH_DAY_YEAR'
  const yearStart = ymd ? 0 : thirdStart
  const yearEnd = ymd ? firstEnd : thirdEnd
  const monthStart = mdy ? 0 : secondStart
  const monthEnd = mdy ? firstEnd : secondEnd
  const dayStart = mdy ? secondStart : ymd ? thirdStart : 0
  const dayEnd = mdy ? secondEnd : ymd ? thirdEnd : firstEnd

  const yearLength = yearEnd - yearStart
  if (yearLength !== 2 && yearLength !== 4) return undefined
  let year = digitsValue(text, yearStart, yearEnd)
  if (yearLength === 2) year = expandTwoDigitYear(year)
  else if (year < 1000) return undefined
  if (monthEnd - monthStart > 2 || dayEnd - dayStart > 2) return undefined
  const month = digitsValue(text, monthStart, monthEnd)
  const day = digitsValue(text, dayStart, dayEnd)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined

  const written =
    ymd &&
    separator === HYPHEN &&
    yearLength === 4 &&
    monthEnd - monthStart === 2 &&
    dayEnd - dayStart === 2
  return written ? text : `${year}-${pad2(month)}-${pad2(day)}`
}

function digitsValue(text: string, start: number, end: number): number {
  let value = 0
  for (let i = start; i < end; i++) value = value * 10 + text.charCodeAt(i) - 48
  return value
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value)
}
