// Workbook cells as text: numbers, dates in the portal's zone, booleans, errors
import { describe, expect, it } from 'vitest'
import { compileCellCheck } from '../value-rules/index.ts'
import { makeProperty } from '../value-rules/property-fixtures.ts'
import { cellText, dateText, numberText, type SpreadsheetCell } from './cell-text.ts'

const utc = (iso: string) => new Date(`${iso}Z`)

describe('cellText', () => {
  it.each<[string, SpreadsheetCell, string]>([
    ['an empty cell', null, ''],
    ['text as stored, spaces and accents kept', '  Zoë Müller ', '  Zoë Müller '],
    ['whitespace-only text', '   ', '   '],
    ['TRUE as Excel shows it', true, 'TRUE'],
    ['FALSE as Excel shows it', false, 'FALSE'],
    ['a whole number', 42, '42'],
    ['a date', utc('2026-03-14T00:00:00'), '2026-03-14'],
    ['a date with a time', utc('2026-03-14T14:30:00'), '2026-03-14 14:30:00'],
  ])('%s', (_case, cell, text) => {
    expect(cellText(cell)).toBe(text)
  })
})

describe('numberText', () => {
  it.each<[string, number, string]>([
    ['zero', 0, '0'],
    ['negative zero', -0, '0'],
    ['an integer', 1234, '1234'],
    ['a currency amount', 1234.5, '1234.5'],
    ['a percent cell holds the fraction', 0.25, '0.25'],
    ['binary noise beyond 15 digits', 0.1 + 0.2, '0.3'],
    ['noise on a large amount', 1234567.8900000001, '1234567.89'],
    ['a negative number', -17.25, '-17.25'],
    ['a UNIX millisecond timestamp', 1_773_498_600_000, '1773498600000'],
    ['a phone number stored as a number', 4915112345678, '4915112345678'],
    ['16 digits are rounded to 15, as Excel does', 1234567890123456, '1234567890123460'],
    ['no exponent for large numbers', 1e21, '1000000000000000000000'],
    ['no exponent for tiny numbers', 1.5e-7, '0.00000015'],
    ['negative tiny number', -2e-9, '-0.000000002'],
    ['not a number', Number.NaN, ''],
  ])('%s', (_case, value, text) => {
    expect(numberText(value)).toBe(text)
  })
})

describe('dateText', () => {
  it.each<[string, Date, string]>([
    ['midnight is a date', utc('2026-03-14T00:00:00'), '2026-03-14'],
    ['a time of day', utc('2026-03-14T14:30:00'), '2026-03-14 14:30:00'],
    ['a floored 14:30 rounds back', utc('2026-03-14T14:29:59.999'), '2026-03-14 14:30:00'],
    ['a floored midnight rounds to the day', utc('2026-03-14T23:59:59.9995'), '2026-03-15'],
    ['seconds kept', utc('2026-03-14T07:05:09'), '2026-03-14 07:05:09'],
    ['before 1970', utc('1965-07-01T00:00:00'), '1965-07-01'],
    ['leap day', utc('2024-02-29T00:00:00'), '2024-02-29'],
    ['a time-only cell (serial below 1)', utc('1899-12-30T14:30:00'), '14:30:00'],
    ['an invalid date', new Date(Number.NaN), ''],
  ])('%s', (_case, value, text) => {
    expect(dateText(value)).toBe(text)
  })

  it.each([
    ['MONTH_DAY_YEAR', 'date', '2026-03-14'],
    ['DAY_MONTH_YEAR', 'date', '2026-03-14'],
    ['YEAR_MONTH_DAY', 'date', '2026-03-14'],
    ['DAY_MONTH_YEAR', 'datetime', '2026-03-14T14:30:00.000Z'],
  ] as const)(
    'the value rules read a date cell the same under %s (%s property)',
    (dateFormat, type, stored) => {
      const property = makeProperty({ name: 'signed_up', type, fieldType: 'date' })
      const check = compileCellCheck(property, { dateFormat })
      const cell = type === 'date' ? utc('2026-03-14T00:00:00') : utc('2026-03-14T14:30:00')
      expect(check(cellText(cell))).toEqual({ kind: 'ok', value: stored })
    },
  )
})
