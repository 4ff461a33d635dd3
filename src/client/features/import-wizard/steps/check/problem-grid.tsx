// The rows with problems as an editable, virtualised grid
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import type { Option } from '#shared/hubspot/property.ts'
import type { CellCheck } from '#shared/value-rules/cell-check.ts'
import { ExcludeRowCheckbox } from '#client/components/ui/exclude-row-checkbox.tsx'
import { SpacerRow } from '#client/components/ui/spacer-row.tsx'
import {
  applyValueEdits,
  withCellEdit,
  withReplacement,
  withRowExcluded,
} from '../../core/edits.ts'
import type { Edits } from '../../core/edits.ts'
import type { ProblemRow } from '../../core/scan-result.ts'

/** A mapped column as the grid shows it, with its compiled check for instant re-checks. */
export interface GridColumn {
  columnIndex: number
  columnName: string
  check: CellCheck
  /** the property's options, offered as suggestions while typing */
  options: readonly Option[]
}

interface ProblemGridProps {
  rows: readonly ProblemRow[]
  columns: readonly GridColumn[]
  edits: Edits
  onEdits: (update: EditsUpdate) => void
}

const ROW_ESTIMATE = 64

/** A change to the edits, applied to the latest edits (never to a copy one render old). */
export type EditsUpdate = (edits: Edits) => Edits

/**
 * The current state of one cell after the person's edits, re-checked on the spot. An excluded
 * row shows its values after edits too, so bringing it back shows what it will send.
 */
export function cellState(
  row: ProblemRow,
  column: GridColumn,
  edits: Edits,
): { value: string; problem: string | undefined; edited: boolean } {
  const current = applyValueEdits(row.cells, row.rowIndex, edits)
  const value = current[column.columnIndex] ?? ''
  const scanned = row.cells[column.columnIndex] ?? ''
  const edited = value !== scanned
  if (!edited) {
    const problem = row.problems.find((p) => p.columnIndex === column.columnIndex)
    return { value, problem: problem?.message, edited }
  }
  const result = column.check(value)
  return { value, problem: result.kind === 'invalid' ? result.message : undefined, edited }
}

/**
 * The rows with problems, virtualised (a 100,000-problem file keeps ~30 rows in the DOM). Cells
 * with a problem, or that were edited, are inputs; values are rendered as React text, never as
 * HTML, so a cell cannot inject markup (OWASP XSS prevention:
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html).
 */
export function ProblemGrid({ rows, columns, edits, onEdits }: ProblemGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
  })
  const excluded = useMemo(() => new Set(edits.excludedRows), [edits.excludedRows])
  // cells with a problem at scan time stay inputs after they are fixed, so focus is never lost
  const editable = useMemo(() => {
    const set = new Set<string>()
    for (const row of rows) {
      for (const p of row.problems)
        if (p.columnIndex !== undefined) set.add(`${row.rowIndex}:${p.columnIndex}`)
    }
    for (const cell of edits.cells) set.add(`${cell.rowIndex}:${cell.columnIndex}`)
    return set
  }, [rows, edits.cells])

  const items = virtualizer.getVirtualItems()
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const colSpan = columns.length + 1

  return (
    <div ref={scrollRef} className="problem-grid-scroll">
      {columns.map(
        (column) =>
          column.options.length > 0 && (
            <OptionList
              key={column.columnIndex}
              id={`options-${column.columnIndex}`}
              options={column.options}
            />
          ),
      )}
      <table className="problem-grid" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">
          Rows with problems: fix a value in place, apply a fix to all equal values, or exclude the
          row
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Line</th>
            {columns.map((column) => (
              <th key={column.columnIndex} scope="col">
                {column.columnName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={paddingTop} colSpan={colSpan} />
          {items.map((item) => {
            const row = rows[item.index]!
            const isExcluded = excluded.has(row.rowIndex)
            const rowProblems = row.problems.filter((p) => p.columnIndex === undefined)
            return (
              <tr
                key={row.rowIndex}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                className={isExcluded ? 'row-excluded' : undefined}
              >
                <th scope="row">
                  <span>Line {row.lineNumber}</span>
                  <ExcludeRowCheckbox
                    lineNumber={row.lineNumber}
                    checked={isExcluded}
                    onChange={(exclude) =>
                      onEdits((current) => withRowExcluded(current, row.rowIndex, exclude))
                    }
                  />
                  {rowProblems.map((p, i) => (
                    <p key={i} className="error-text">
                      {p.message}
                    </p>
                  ))}
                </th>
                {columns.map((column) => (
                  <GridCell
                    key={column.columnIndex}
                    row={row}
                    column={column}
                    edits={edits}
                    editable={editable.has(`${row.rowIndex}:${column.columnIndex}`)}
                    disabled={isExcluded}
                    onEdits={onEdits}
                  />
                ))}
              </tr>
            )
          })}
          <SpacerRow height={paddingBottom} colSpan={colSpan} />
        </tbody>
      </table>
    </div>
  )
}

function GridCell({
  row,
  column,
  edits,
  editable,
  disabled,
  onEdits,
}: {
  row: ProblemRow
  column: GridColumn
  edits: Edits
  editable: boolean
  disabled: boolean
  onEdits: (update: EditsUpdate) => void
}) {
  const state = cellState(row, column, edits)
  const original = row.cells[column.columnIndex] ?? ''
  const [draft, setDraft] = useState<string>()
  const value = draft ?? state.value
  if (!editable) return <td>{state.value}</td>

  const id = `cell-${row.rowIndex}-${column.columnIndex}`
  const listId = column.options.length > 0 ? `options-${column.columnIndex}` : undefined
  const commit = () => {
    if (draft === undefined) return
    setDraft(undefined)
    if (draft !== state.value)
      onEdits((current) => withCellEdit(current, row.rowIndex, column.columnIndex, draft))
  }
  // the live re-check while typing, before the value is committed
  const liveProblem =
    draft === undefined
      ? state.problem
      : ((r) => (r.kind === 'invalid' ? r.message : undefined))(column.check(draft))
  const canApplyToAll = original.trim() !== '' && value !== original && !liveProblem

  return (
    <td
      className={liveProblem ? 'cell-problem' : state.edited ? 'cell-fixed' : undefined}
      title={liveProblem}
    >
      <label htmlFor={id} className="visually-hidden">
        Value for {column.columnName} on line {row.lineNumber}
      </label>
      <input
        id={id}
        value={value}
        list={listId}
        disabled={disabled}
        aria-invalid={liveProblem ? true : undefined}
        aria-describedby={`${id}-status`}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          }
          if (event.key === 'Escape') setDraft(undefined)
        }}
      />
      <p id={`${id}-status`} className={liveProblem ? 'error-text' : 'ok-text'}>
        {liveProblem ?? (state.edited || draft !== undefined ? 'Fixed' : '')}
      </p>
      {canApplyToAll && (
        <button
          type="button"
          disabled={disabled}
          aria-label={`Apply to all equal values: "${original}" to "${value}" in ${column.columnName}`}
          onClick={() => {
            const typed = draft
            setDraft(undefined)
            onEdits((current) => {
              const withCell =
                typed !== undefined
                  ? withCellEdit(current, row.rowIndex, column.columnIndex, typed)
                  : current
              return withReplacement(withCell, column.columnIndex, original, value)
            })
          }}
        >
          Apply to all equal values
        </button>
      )}
    </td>
  )
}

function OptionList({ id, options }: { id: string; options: readonly Option[] }) {
  return (
    <datalist id={id}>
      {options
        .filter((o) => !o.hidden)
        .map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
    </datalist>
  )
}
