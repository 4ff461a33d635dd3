/**
 * Matching the values of a common column across two files: the owner file's values are indexed,
 * the other file's looked up. Both sides go through the owner property's compiled check, so values
 * are compared as HubSpot stores them (emails in any case, domains without `https://www.`, record
 * IDs without leading zeros) and the wizard's cross-file check agrees with the simulator's join.
 */
import type { CellCheck } from './cell-result.ts'

export type CommonValueLookup<T> =
  | { kind: 'blank' }
  /** the value is not a valid value of the common property */
  | { kind: 'invalid'; message: string }
  /** no row of the owner file has the value */
  | { kind: 'unmatched'; key: string }
  | { kind: 'matched'; key: string; entry: T }

/** The owner file's common values, each with what the first row holding it stands for. */
export class CommonValueIndex<T> {
  private readonly check: CellCheck
  private readonly entries = new Map<string, T>()

  constructor(check: CellCheck) {
    this.check = check
  }

  get size(): number {
    return this.entries.size
  }

  /** Records an owner-file cell; blank and invalid cells are skipped, the first row wins. */
  add(raw: string, entry: T): void {
    const result = this.check(raw)
    if (result.kind === 'ok' && !this.entries.has(result.value))
      this.entries.set(result.value, entry)
  }

  find(raw: string): CommonValueLookup<T> {
    const result = this.check(raw)
    if (result.kind === 'blank') return { kind: 'blank' }
    if (result.kind === 'invalid') return { kind: 'invalid', message: result.message }
    return this.entries.has(result.value)
      ? { kind: 'matched', key: result.value, entry: this.entries.get(result.value) as T }
      : { kind: 'unmatched', key: result.value }
  }
}

/** A cell of the other file that joins no row of the owner file. */
export interface UnmatchedCommonValue {
  lineNumber: number
  value: string
  reason: 'unmatched' | 'invalid'
  /** for `invalid`, why the value is not one of the common property */
  message?: string
}

/**
 * The other file's common-column cells that match no owner-file row, in file order: the wizard's
 * cross-file check before submit. Blank cells associate nothing and are not listed.
 */
export function unmatchedCommonValues<T>(
  index: CommonValueIndex<T>,
  cells: Iterable<{ value: string; lineNumber: number }>,
): UnmatchedCommonValue[] {
  const unmatched: UnmatchedCommonValue[] = []
  for (const { value, lineNumber } of cells) {
    const found = index.find(value)
    if (found.kind === 'unmatched') unmatched.push({ lineNumber, value, reason: 'unmatched' })
    else if (found.kind === 'invalid')
      unmatched.push({ lineNumber, value, reason: 'invalid', message: found.message })
  }
  return unmatched
}
