// How well a column's sample values fit a property: read with the same value rules the check uses
import type { DateFormat } from '#shared/hubspot/import-request.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { compileCellCheck } from '#shared/value-rules/cell-check.ts'

const DATE_FORMATS: readonly DateFormat[] = ['DAY_MONTH_YEAR', 'MONTH_DAY_YEAR', 'YEAR_MONTH_DAY']

export interface ValueFit {
  /** share of the non-blank samples the property accepts (0..1); 0 with no samples */
  share: number
  /**
   * the property says something about its values (options, a date, a number, an email, a
   * domain, a phone number): a fit then is evidence; plain text accepts anything and is none
   */
  telling: boolean
  /** distinct non-blank samples read */
  samples: number
}

/** Properties whose value rules accept nearly anything say nothing about a column's values. */
export function isTelling(property: Property): boolean {
  // HubSpot's record IDs are numbers: another system's ids ("0035g00000ABC") are not
  if (property.name === 'hs_object_id') return true
  switch (property.type) {
    case 'enumeration':
    case 'bool':
    case 'number':
    case 'date':
    case 'datetime':
    case 'phone_number':
      return true
    default:
      return (
        property.name === 'email' ||
        property.name === 'domain' ||
        property.fieldType === 'phonenumber' ||
        property.textDisplayHint === 'email' ||
        property.textDisplayHint === 'domain_name' ||
        property.textDisplayHint === 'phone_number'
      )
  }
}

/**
 * The share of a column's distinct non-blank samples the property accepts. Dates are tried in
 * every date format (the import's format is chosen after the mapping) and the best one counts.
 */
export function valueFit(property: Property, values: readonly string[]): ValueFit {
  const distinct = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))]
  const telling = isTelling(property)
  if (distinct.length === 0) return { share: 0, telling, samples: 0 }
  const formats =
    property.type === 'date' || property.type === 'datetime'
      ? DATE_FORMATS
      : DATE_FORMATS.slice(0, 1)
  let best = 0
  for (const dateFormat of formats) {
    const check = compileCellCheck(property, { dateFormat })
    const ok = distinct.filter((value) => check(value).kind === 'ok').length
    best = Math.max(best, ok / distinct.length)
  }
  return { share: best, telling, samples: distinct.length }
}

/** Each column's cells in the preview rows: what the mapping reads values from. */
export function previewColumnValues(
  previewRows: readonly (readonly string[])[],
  columnCount: number,
): string[][] {
  return Array.from({ length: columnCount }, (_, index) =>
    previewRows.map((row) => row[index] ?? '').filter((value) => value.trim() !== ''),
  )
}
