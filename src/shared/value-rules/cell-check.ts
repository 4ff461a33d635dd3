/**
 * Value rules: what HubSpot makes of one import cell for one property (HubSpot's formats: ../hubspot/README.md).
 * Used by the simulator to process rows and by the wizard's pre-flight check in a Web Worker.
 * Compile once per column, then call the check per cell: checks use hoisted regexes and Maps,
 * never zod (zod is 3–5× slower per row over a million rows; decision 0002). Decisions on points HubSpot leaves open: README.md here.
 */
import type { DateFormat } from '../hubspot/import-request.ts'
import type { Property } from '../hubspot/property.ts'
import { type CellCheck, type CellRule, resultOf } from './cell-result.ts'
import { compileDateCheck, compileDatetimeCheck } from './date-rules.ts'
import {
  compileBooleanCheck,
  compileCheckboxCheck,
  compileEnumerationCheck,
} from './enumeration-rules.ts'
import { compileNumberCheck } from './number-rules.ts'
import {
  compileDomainCheck,
  compileEmailCheck,
  compileListCheck,
  compilePhoneCheck,
  compileRecordIdCheck,
  compileStringCheck,
} from './text-rules.ts'

export type { CellAnswer, CellCheck, CellResult, CellRule } from './cell-result.ts'

export interface CellCheckOptions {
  /** the import's `dateFormat` (HubSpot's default is MONTH_DAY_YEAR) */
  dateFormat: DateFormat
}

/**
 * Compiles the check for one property's cells. It ignores whether the property is writable
 * (calculated, read-only): the caller decides whether to map such a column at all.
 */
export function compileCellCheck(property: Property, options: CellCheckOptions): CellCheck {
  const rule = compileCellRule(property, options)
  return (raw) => resultOf(rule(raw))
}

/** The same check answering compactly (`CellAnswer`), for scans that read every cell of a file. */
export function compileCellRule(property: Property, options: CellCheckOptions): CellRule {
  // the record ID column identifies records whatever the property's declared type
  if (property.name === 'hs_object_id') return compileRecordIdCheck(property)
  switch (property.type) {
    case 'bool':
      return compileBooleanCheck(property)
    case 'enumeration':
      if (property.fieldType === 'booleancheckbox') return compileBooleanCheck(property)
      if (property.fieldType === 'checkbox') return compileCheckboxCheck(property)
      return compileEnumerationCheck(property)
    case 'number':
      return compileNumberCheck(property)
    case 'date':
      return compileDateCheck(options.dateFormat)
    case 'datetime':
      return compileDatetimeCheck(options.dateFormat)
    case 'phone_number':
      return compilePhoneCheck(property)
    default:
      return compileTextCheck(property)
  }
}

// `string`, internal types and any type HubSpot adds later are text
function compileTextCheck(property: Property): CellRule {
  if (property.name === 'hs_additional_emails') return compileListCheck(property, 'email')
  if (property.name === 'hs_additional_domains') return compileListCheck(property, 'domain')
  if (property.name === 'email' || property.textDisplayHint === 'email') {
    return compileEmailCheck(property)
  }
  if (property.name === 'domain' || property.textDisplayHint === 'domain_name') {
    return compileDomainCheck(property)
  }
  if (property.fieldType === 'phonenumber' || property.textDisplayHint === 'phone_number') {
    return compilePhoneCheck(property)
  }
  return compileStringCheck(property)
}
