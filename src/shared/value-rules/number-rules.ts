// Value rules for number cells, spelled as HubSpot stores them without losing digits
import type { Property } from '../hubspot/property.ts'
import { type CellRule, BLANK, invalid, propertyLabel, quote } from './cell-result.ts'

// sign, integer digits, fraction digits, and a `%` that only percentage properties accept
const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(\s*%)?$/
const COMMA_RE = /,/
const EXPONENT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)e[+-]?\d+$/i
const CURRENCY_RE = /[$€£¥₹¢]|\b(?:usd|eur|gbp|chf|jpy|cad|aud)\b/i

/** numberDisplayHints under which `25%` means 0.25. */
export const PERCENT_HINTS: ReadonlySet<string> = new Set(['percentage', 'probability'])

/**
 * The canonical spelling of a validated decimal: no `+`, no leading or trailing zeros, `0.25`
 * for `.25`, `0` for `-0`. It matches `String(Number(x))` for ordinary values but keeps every
 * digit of long ones (HubSpot keeps them; a double would round past 15 digits).
 */
export function canonicalDecimal(negative: boolean, integer: string, fraction: string): string {
  let start = 0
  while (start < integer.length - 1 && integer.charCodeAt(start) === 48) start++
  let end = fraction.length
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--
  const int = integer.length === 0 ? '0' : start === 0 ? integer : integer.slice(start)
  const frac = end === fraction.length ? fraction : fraction.slice(0, end)
  const body = frac.length === 0 ? int : `${int}.${frac}`
  return negative && body !== '0' ? `-${body}` : body
}

/** Divides a validated decimal by 100 by moving its point, so no digit is lost to floating point. */
export function percentToDecimal(negative: boolean, integer: string, fraction: string): string {
  const digits = integer + fraction
  const point = integer.length - 2
  if (point > 0) return canonicalDecimal(negative, digits.slice(0, point), digits.slice(point))
  return canonicalDecimal(negative, '0', '0'.repeat(-point) + digits)
}

function numberProblem(text: string, percentAllowed: boolean): string {
  if (EXPONENT_RE.test(text)) return 'uses scientific notation, which may have lost digits'
  if (CURRENCY_RE.test(text)) return 'has a currency symbol or code'
  if (COMMA_RE.test(text))
    return 'has a comma (thousands separators and decimal commas are not accepted)'
  if (!percentAllowed && text.endsWith('%'))
    return 'is a percentage, which only percentage properties accept'
  return 'is not a number'
}

const PLUS = 43
const MINUS = 45
const DOT = 46

/**
 * The canonical spelling of a cell that is a plain `[+-]digits[.digits]` with a digit (no `%`),
 * read without a regex or any new string when it is already canonical, as most cells are; else
 * undefined, and the full reading (`readDecimal`) decides. Cells it answers, it answers as
 * `readDecimal` does.
 */
export function plainDecimal(text: string): string | undefined {
  const n = text.length
  const sign = text.charCodeAt(0)
  let i = sign === PLUS || sign === MINUS ? 1 : 0
  const integerStart = i
  while (i < n && isDigit(text.charCodeAt(i))) i++
  const integerEnd = i
  let fractionStart = i
  if (i < n && text.charCodeAt(i) === DOT) {
    fractionStart = ++i
    while (i < n && isDigit(text.charCodeAt(i))) i++
  }
  const integerDigits = integerEnd - integerStart
  const fractionDigits = i - fractionStart
  if (i !== n || integerDigits + fractionDigits === 0) return undefined
  const canonical =
    sign !== PLUS &&
    integerDigits > 0 &&
    (integerDigits === 1 || text.charCodeAt(integerStart) !== 48) &&
    (fractionStart === integerEnd
      ? // no point: only `-0` is not canonical
        !(sign === MINUS && integerDigits === 1 && text.charCodeAt(integerStart) === 48)
      : fractionDigits > 0 && text.charCodeAt(n - 1) !== 48)
  if (canonical) return text
  return canonicalDecimal(
    sign === MINUS,
    text.slice(integerStart, integerEnd),
    fractionStart === integerEnd ? '' : text.slice(fractionStart, n),
  )
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * The full reading of a trimmed, non-blank number cell: the canonical spelling, or undefined
 * when it is not a number (`25%` is one only when `percentAllowed`).
 */
export function readDecimal(text: string, percentAllowed: boolean): string | undefined {
  const match = DECIMAL_RE.exec(text)
  if (!match) return undefined
  const integer = match[2] ?? ''
  const fraction = match[3] ?? ''
  const percent = match[4] !== undefined
  if ((integer.length === 0 && fraction.length === 0) || (percent && !percentAllowed))
    return undefined
  const negative = match[1] === '-'
  return percent
    ? percentToDecimal(negative, integer, fraction)
    : canonicalDecimal(negative, integer, fraction)
}

/** The check for a `number` property: plain decimals; `25%` → `0.25` for percentage hints. */
export function compileNumberCheck(property: Property): CellRule {
  const percentAllowed = PERCENT_HINTS.has(property.numberDisplayHint ?? '')
  const label = propertyLabel(property)
  const example = percentAllowed ? '0.25 or 25%' : '1234.56'
  return (raw) => {
    const text = raw.trim()
    if (text === '') return BLANK
    const value = plainDecimal(text) ?? readDecimal(text, percentAllowed)
    if (value !== undefined) return value
    return invalid(
      'COULD_NOT_PARSE_NUMBER',
      `${quote(text)} ${numberProblem(text, percentAllowed)}: ${label} takes a plain number with an optional "." decimal point, such as ${example}.`,
    )
  }
}
