// Filters over the rows with problems (type, column) and "exclude the rows shown"
import { useMemo } from 'react'
import { plural } from '#client/lib/format.ts'
import type { ProblemType } from '../../core/check-plan.ts'
import type { ProblemRow } from '../../core/scan-result.ts'
import { filterProblemRows, problemChoices, type ProblemFilter } from './problem-filter.ts'
import { problemTypeLabel } from './scan-summary.tsx'

interface Props {
  rows: readonly ProblemRow[]
  /** rows the filter lets through */
  shown: number
  filter: ProblemFilter
  columnNames: readonly string[]
  onChange: (filter: ProblemFilter) => void
  /** excludes the listed rows the filter shows */
  onExclude: (rowIndexes: readonly number[]) => void
}

export function ProblemFilterBar({ rows, shown, filter, columnNames, onChange, onExclude }: Props) {
  // a pass over every listed row (up to 50,000): once per list, not on each filter change or edit
  const choices = useMemo(() => problemChoices(rows), [rows])
  const filtered = filter.type !== '' || filter.columnIndex !== undefined
  return (
    <div className="problem-filter" role="search" aria-label="Filter rows with problems">
      <label>
        Problem type{' '}
        <select
          value={filter.type}
          onChange={(event) =>
            onChange({ ...filter, type: event.target.value as ProblemType | '' })
          }
        >
          <option value="">All types</option>
          {choices.types.map((type) => (
            <option key={type} value={type}>
              {problemTypeLabel(type)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Column{' '}
        <select
          value={filter.columnIndex ?? ''}
          onChange={(event) =>
            onChange({
              ...filter,
              columnIndex: event.target.value === '' ? undefined : Number(event.target.value),
            })
          }
        >
          <option value="">All columns</option>
          {choices.columnIndexes.map((index) => (
            <option key={index} value={index}>
              {columnNames[index] ?? `Column ${index + 1}`}
            </option>
          ))}
        </select>
      </label>
      <span aria-live="polite">
        Showing {plural(shown, 'row')} of {rows.length.toLocaleString()} listed
      </span>
      {filtered && shown > 0 && (
        <button
          type="button"
          onClick={() => onExclude(filterProblemRows(rows, filter).map((row) => row.rowIndex))}
        >
          Exclude the {plural(shown, 'row')} shown
        </button>
      )}
    </div>
  )
}
