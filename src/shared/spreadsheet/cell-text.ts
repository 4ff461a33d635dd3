/**
 * Typed spreadsheet cells turned into the text HubSpot's value rules read, so an `.xlsx` file is
 * checked (wizard) and imported (simulator) by exactly the rules a CSV is.
 *
 * The text is what Excel's own "Save as CSV" writes, except where that would lose the value the
 * cell holds: numbers keep Excel's full 15 significant digits whatever the display format (a
 * currency cell `$1,234.50` is `1234.5`, a percent cell `25%` is `0.25`), and dates are written
 * `YYYY-MM-DD` (`YYYY-MM-DD hh:mm:ss` with a time), which the date rules read under every
 * `dateFormat` and which carries no time zone: a date cell means the day the sheet shows, in the
 * portal's time zone, wherever the file is read.
 */

/** A cell as the workbook reader gives it: typed by what the cell holds, not by how it is shown. */
export type SpreadsheetCell = string | number | boolean | Date | null

/** Excel keeps 15 significant digits; beyond that a double only shows binary noise (`0.1 + 0.2`). */
const EXCEL_SIGNIFICANT_DIGITS = 15
const DAY_MS = 86_400_000
/**
 * Day 1 of Excel's calendar as the reader maps it; a serial below 1 is a time of day without a
 * date (a cell formatted `hh:mm` only).
 */
const FIRST_EXCEL_DAY_MS = Date.UTC(1899, 11, 31)

/** The text of one cell: `''` for an empty cell, strings exactly as stored. */
export function cellText(cell: SpreadsheetCell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return numberText(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return dateText(cell)
}

/** A number in plain decimal notation (never `1e+21`), rounded to 15 significant digits. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return ''
  if (value === 0) return '0'
  return plainDecimal(String(Number(value.toPrecision(EXCEL_SIGNIFICANT_DIGITS))))
}

/** Expands JavaScript's exponent notation (`1.5e-7`, `1e+21`) into plain digits. */
function plainDecimal(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/**
 * A date cell as `YYYY-MM-DD`, with ` hh:mm:ss` when it has a time, or `hh:mm:ss` alone for a
 * time-only cell. The reader hands dates over as UTC instants whose UTC fields are the fields the
 * sheet shows, so only UTC getters are used: the local time zone never moves a day. The instant
 * is rounded to the second: Excel stores times as fractions of a day and the reader floors them
 * to the millisecond, so 14:30 can arrive as 14:29:59.999.
 */
export function dateText(value: Date): string {
  const time = value.getTime()
  if (Number.isNaN(time)) return ''
  const ms = Math.round(time / 1000) * 1000
  const at = new Date(ms)
  const clock = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`
  if (ms < FIRST_EXCEL_DAY_MS) return clock
  const day = `${String(at.getUTCFullYear()).padStart(4, '0')}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
  return ((ms % DAY_MS) + DAY_MS) % DAY_MS === 0 ? day : `${day} ${clock}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
