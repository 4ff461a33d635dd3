/**
 * Value rules: what HubSpot makes of one import cell for one property, shared by the simulator
 * and the wizard's pre-flight worker. Decisions on points HubSpot leaves open: README.md here.
 */
export { compileCellCheck, type CellCheckOptions } from './cell-check.ts'
export type { CellCheck, CellResult } from './cell-result.ts'
export {
  CommonValueIndex,
  unmatchedCommonValues,
  type CommonValueLookup,
  type UnmatchedCommonValue,
} from './common-values.ts'
export { DATE_FORMAT_HINTS } from './date-rules.ts'
export {
  MAX_STRING_LENGTH,
  normalizeDomain,
  normalizeEmail,
  normalizeRecordId,
} from './text-rules.ts'
export { suggestDateFormat, type DateFormatSuggestion } from './suggest-date-format.ts'
