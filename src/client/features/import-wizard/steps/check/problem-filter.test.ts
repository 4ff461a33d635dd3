// Filtering problem rows by type and by column
import { describe, expect, it } from 'vitest'
import type { ProblemRow } from '../../core/scan-result.ts'
import {
  filterProblemRows,
  NO_FILTER,
  problemChoices,
  type ProblemFilter,
} from './problem-filter.ts'

const row = (rowIndex: number, problems: ProblemRow['problems']): ProblemRow => ({
  rowIndex,
  lineNumber: rowIndex + 2,
  cells: [],
  problems,
})
const rows = [
  row(0, [{ type: 'INVALID_EMAIL', message: '', columnIndex: 0 }]),
  row(1, [
    { type: 'INVALID_ENUMERATION_OPTION', message: '', columnIndex: 3 },
    { type: 'INVALID_EMAIL', message: '', columnIndex: 5 },
  ]),
  row(2, [{ type: 'MISSING_REQUIRED_PROPERTY', message: '' }]),
]

describe('filterProblemRows', () => {
  it.each<{ name: string; filter: ProblemFilter; expected: number[] }>([
    { name: 'no filter', filter: NO_FILTER, expected: [0, 1, 2] },
    { name: 'a type', filter: { type: 'INVALID_EMAIL', columnIndex: undefined }, expected: [0, 1] },
    { name: 'a column', filter: { type: '', columnIndex: 3 }, expected: [1] },
    {
      name: 'a type in a column: the same problem, not any problem of the row',
      filter: { type: 'INVALID_EMAIL', columnIndex: 3 },
      expected: [],
    },
    {
      name: 'a whole-row problem',
      filter: { type: 'MISSING_REQUIRED_PROPERTY', columnIndex: undefined },
      expected: [2],
    },
  ])('$name', ({ filter, expected }) => {
    expect(filterProblemRows(rows, filter).map((r) => r.rowIndex)).toEqual(expected)
  })

  it('offers the types and columns the rows have problems in', () => {
    expect(problemChoices(rows)).toEqual({
      types: ['INVALID_EMAIL', 'INVALID_ENUMERATION_OPTION', 'MISSING_REQUIRED_PROPERTY'],
      columnIndexes: [0, 3, 5],
    })
  })
})
