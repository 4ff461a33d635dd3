// Narrowing the rows with problems to one problem type and/or one column
import type { ProblemType } from '../../core/check-plan.ts'
import type { ProblemRow } from '../../core/scan-result.ts'

export interface ProblemFilter {
  /** '' = every type */
  type: ProblemType | ''
  /** undefined = every column */
  columnIndex: number | undefined
}

export const NO_FILTER: ProblemFilter = { type: '', columnIndex: undefined }

/** Rows with at least one problem of the type in the column (both when both are set). */
export function filterProblemRows(
  rows: readonly ProblemRow[],
  filter: ProblemFilter,
): readonly ProblemRow[] {
  if (filter.type === '' && filter.columnIndex === undefined) return rows
  return rows.filter((row) =>
    row.problems.some(
      (problem) =>
        (filter.type === '' || problem.type === filter.type) &&
        (filter.columnIndex === undefined || problem.columnIndex === filter.columnIndex),
    ),
  )
}

/** The types and columns the listed rows have problems in, for the filter's choices. */
export function problemChoices(rows: readonly ProblemRow[]): {
  types: ProblemType[]
  columnIndexes: number[]
} {
  const types = new Set<ProblemType>()
  const columnIndexes = new Set<number>()
  for (const row of rows) {
    for (const problem of row.problems) {
      types.add(problem.type)
      if (problem.columnIndex !== undefined) columnIndexes.add(problem.columnIndex)
    }
  }
  return { types: [...types].sort(), columnIndexes: [...columnIndexes].sort((a, b) => a - b) }
}
