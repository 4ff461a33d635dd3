// The pre-flight check's per-column and per-object state, and the problems it words from them
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import type { CellRule } from '#shared/value-rules/cell-check.ts'
import type { ColumnCheckPlan, ObjectCheckPlan, ProblemType } from './check-plan.ts'
import type { FirstLines } from './first-lines.ts'
import type { ExpectedObjectResult, RowProblem } from './scan-result.ts'

export interface CompiledColumn {
  plan: ColumnCheckPlan
  /** answers an `ok` cell with its value alone (no object per cell) */
  check: CellRule
  /** first line of each identifier value, for "also on line N" */
  seen?: FirstLines
  samples?: string[]
}

export interface ObjectState {
  plan: ObjectCheckPlan
  columns: CompiledColumn[]
  /** the columns that identify its records (`seen` set), looked up per row */
  identifierColumns: (CompiledColumn & { seen: FirstLines })[]
  recordIdColumn: number | undefined
  result: ExpectedObjectResult
}

/**
 * Where a cleaned identifier was first seen. Record IDs (digits, no leading zeros) of up to 15
 * digits are exact as numbers, which are cheaper to hold than 1M strings.
 */
export function firstLineOf(
  column: CompiledColumn,
  seen: FirstLines,
  value: string,
  lineNumber: number,
): number | undefined {
  if (column.plan.identifier !== 'HUBSPOT_OBJECT_ID') {
    // emails and domains are case-insensitive in HubSpot
    return seen.text(value, lineNumber, true)
  }
  if (value.length > 15) return seen.text(value, lineNumber, false)
  let id = 0
  for (let i = 0; i < value.length; i++) id = id * 10 + value.charCodeAt(i) - 48
  return seen.number(id, lineNumber)
}

export function duplicateProblem(
  column: CompiledColumn,
  value: string,
  firstLine: number,
): RowProblem {
  const { plan } = column
  const type: ProblemType =
    plan.identifier === 'HUBSPOT_OBJECT_ID'
      ? 'DUPLICATE_OBJECT_ID'
      : plan.property.hasUniqueValue
        ? 'DUPLICATE_UNIQUE_PROPERTY_VALUE'
        : 'DUPLICATE_ALTERNATE_ID'
  return {
    type,
    message: `${plan.property.label} "${value}" is also on line ${firstLine}; HubSpot would apply both rows to one ${singular(plan.objectTypeId)}. Keep one of them.`,
    columnIndex: plan.columnIndex,
    objectTypeId: plan.objectTypeId,
  }
}

export function identifierNames(object: ObjectState): string {
  const labels = object.columns.filter((c) => c.seen).map((c) => c.plan.property.label)
  return labels.length > 0 ? labels.join(' or ') : 'record ID'
}

export function columnName(object: ObjectState, columnIndex: number): string {
  const column = object.columns.find((c) => c.plan.columnIndex === columnIndex)
  return column ? `"${column.plan.columnName}"` : `column ${columnIndex + 1}`
}

export function singular(objectTypeId: ObjectTypeId): string {
  return OBJECT_TYPES.find((o) => o.objectTypeId === objectTypeId)?.singular ?? 'record'
}
