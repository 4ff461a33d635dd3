/**
 * The values one row writes to one object: each cell checked with the shared value rules, blanks
 * skipped, unique values another record holds dropped, multi-checkbox appends merged.
 *
 * Choices where HubSpot is SILENT:
 * - A mapped property that does not exist: PROPERTY_DEFINITION_NOT_FOUND on each row with a value
 *   there (the value is dropped, the row written). A read-only or calculated property that is not
 *   the identifier: INVALID_COLUMN_CONFIGURATION per row with a value, value dropped.
 * - Invalid cells in other columns are dropped with the value rules' error; the row is written.
 *   Values are validated (and their errors reported) even when the object is then not written.
 * - A unique column that is not the row's identifier is written as a value; a value another record
 *   already holds is dropped with DUPLICATE_UNIQUE_PROPERTY_VALUE.
 */
import type { Property } from '#shared/hubspot/property.ts'
import type { CellCheck } from '#shared/value-rules/index.ts'
import { objectName, type CellProblem } from './import-errors.ts'
import { cellOf, type ColumnPlan } from './import-plan.ts'
import type { CrmObject } from './types.ts'

export interface CellValue {
  value: string
  /** a multi-checkbox cell starting with `;`: add to the stored options */
  append: boolean
  column: ColumnPlan
}

/** Errors for non-blank cells of columns whose property is unknown or read-only. */
export function propertyProblems(
  objectTypeId: string,
  problemColumns: readonly ColumnPlan[],
  cells: readonly string[],
): CellProblem[] {
  const problems: CellProblem[] = []
  for (const column of problemColumns) {
    if (cellOf(cells, column).trim() === '') continue
    const name = column.mapping.propertyName ?? ''
    problems.push(
      column.role === 'unknown-property'
        ? {
            column,
            errorType: 'PROPERTY_DEFINITION_NOT_FOUND',
            message: `The property ${name} does not exist on ${objectName(objectTypeId)}.`,
          }
        : {
            column,
            errorType: 'INVALID_COLUMN_CONFIGURATION',
            message: `The property ${name} is read-only; its value was not imported.`,
          },
    )
  }
  return problems
}

/** The row's valid values by property name, and the invalid cells; `identifier` is left out. */
export function validateValues(
  valueColumns: readonly ColumnPlan[],
  cells: readonly string[],
  identifier: ColumnPlan | undefined,
): { values: Map<string, CellValue>; problems: CellProblem[] } {
  const values = new Map<string, CellValue>()
  const problems: CellProblem[] = []
  for (const column of valueColumns) {
    if (column === identifier) continue
    const result = (column.check as CellCheck)(cellOf(cells, column))
    if (result.kind === 'blank') continue
    if (result.kind === 'invalid') {
      problems.push({ column, errorType: result.errorType, message: result.message })
      continue
    }
    values.set((column.property as Property).name, {
      value: result.value,
      append: result.append === true,
      column,
    })
  }
  return { values, problems }
}

/**
 * The values to write to record `selfId` (undefined for a new record), without unique values
 * that `ownerOf` says another record holds.
 */
export function keepUniqueValues(
  objectTypeId: string,
  values: ReadonlyMap<string, CellValue>,
  selfId: string | undefined,
  ownerOf: (propertyName: string, value: string) => string | undefined,
): { properties: Record<string, string>; appends: Set<string>; problems: CellProblem[] } {
  const properties: Record<string, string> = {}
  const appends = new Set<string>()
  const problems: CellProblem[] = []
  for (const [name, { value, append, column }] of values) {
    if (column.unique) {
      const owner = ownerOf(name, value)
      if (owner !== undefined && owner !== selfId) {
        problems.push({
          column,
          errorType: 'DUPLICATE_UNIQUE_PROPERTY_VALUE',
          message: `The ${name} ${value} already belongs to ${objectName(objectTypeId)} ${owner}; it must be unique.`,
        })
        continue
      }
    }
    properties[name] = value
    if (append) appends.add(name)
  }
  return { properties, appends, problems }
}

/** Multi-checkbox cells with a leading `;` add to the stored options instead of replacing them. */
export function mergeAppends(
  properties: Record<string, string>,
  appends: ReadonlySet<string>,
  existing: CrmObject,
): Record<string, string> {
  const out: Record<string, string> = { ...properties }
  for (const name of appends) {
    const before = (existing.properties[name] ?? '').split(';').filter((v) => v !== '')
    const added = (out[name] ?? '').split(';').filter((v) => v !== '' && !before.includes(v))
    out[name] = [...before, ...added].join(';')
  }
  return out
}
