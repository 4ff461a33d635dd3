// What a cell check answers: blank, ok with the stored value, or invalid with an errorType
import type { ImportErrorType } from '../hubspot/public-import-error.ts'

/** What one import cell means for its property. */
export type CellResult =
  /** empty or whitespace-only: never written, never an error, never clears a value */
  | { kind: 'blank' }
  /** the value as HubSpot stores it; `append` marks a multi-checkbox cell with a leading `;` */
  | { kind: 'ok'; value: string; append?: boolean }
  /** `message` is a specific sentence for a person, naming the value and what was expected */
  | { kind: 'invalid'; errorType: ImportErrorType; message: string }

/** A compiled per-property check; call it once per cell. */
export type CellCheck = (raw: string) => CellResult

/**
 * What a compiled rule answers: an `ok` value without `append` as the bare string, any other
 * result as itself. Most cells are `ok`, so a scan of a million rows reading answers builds no
 * object per cell; `CellCheck` wraps a rule for callers that want results.
 */
export type CellAnswer = string | CellResult
export type CellRule = (raw: string) => CellAnswer

/** The result an answer stands for. */
export function resultOf(answer: CellAnswer): CellResult {
  return typeof answer === 'string' ? { kind: 'ok', value: answer } : answer
}

// one shared object: blank cells are the commonest result and callers never mutate results
export const BLANK: CellResult = Object.freeze({ kind: 'blank' })

/** An `ok` result. */
export function ok(value: string): CellResult {
  return { kind: 'ok', value }
}

/** An `invalid` result. */
export function invalid(errorType: ImportErrorType, message: string): CellResult {
  return { kind: 'invalid', errorType, message }
}

const QUOTE_MAX = 60

/** Quotes a cell for a message, cut short so a 65,536-character cell doesn't flood the error list. */
export function quote(value: string): string {
  return value.length <= QUOTE_MAX ? `"${value}"` : `"${value.slice(0, QUOTE_MAX - 1)}…"`
}

/** The name a person knows the property by. */
export function propertyLabel(property: { label: string; name: string }): string {
  return property.label.trim() || property.name
}
