// One row of the problem grid: its line, exclude box, row-wide problems and one cell per mapped column
import { memo, useState } from 'react'
import type { Option } from '#shared/hubspot/property.ts'
import type { CellCheck } from '#shared/value-rules/cell-check.ts'
import { ExcludeRowCheckbox } from '#client/components/ui/exclude-row-checkbox.tsx'
import {
  applyValueEdits,
  withCellEdit,
  withReplacement,
  withRowExcluded,
  type Edits,
} from '../../core/edits.ts'
import type { ProblemRow } from '../../core/scan-result.ts'

/** A mapped column as the grid shows it, with its compiled check for instant re-checks. */
export interface GridColumn {
  columnIndex: number
  columnName: string
  check: CellCheck
  /** the property's options, offered as suggestions while typing */
  options: readonly Option[]
}

/** A change to the edits, applied to the latest edits (never to a copy one render old). */
export type EditsUpdate = (edits: Edits) => Edits

/** The key of one cell in the set of cells that are inputs. */
export const cellKey = (rowIndex: number, columnIndex: number) => `${rowIndex}:${columnIndex}`

interface CellState {
  value: string
  problem: string | undefined
  edited: boolean
}

/**
 * The current state of one cell after the person's edits, re-checked on the spot. `current` is
 * the row after edits (`applyValueEdits`), worked out once per row. An excluded row shows its
 * values after edits too, so bringing it back shows what it will send.
 */
export function cellState(
  row: ProblemRow,
  column: GridColumn,
  current: readonly string[],
): CellState {
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

interface GridRowProps {
  row: ProblemRow
  /** 1-based row position for assistive technology (the header row is 1) */
  ariaRowIndex: number
  /** the row's offset in the grid's body, px */
  top: number
  columns: readonly GridColumn[]
  edits: Edits
  /** cells edited by the person (`cellKey`): they stay inputs */
  editedCells: ReadonlySet<string>
  excluded: boolean
  onEdits: (update: EditsUpdate) => void
}

/**
 * Memoised: scrolling re-renders the grid with the same props for the rows that stay on screen,
 * so only rows that come into view render. Cells are single lines with no clip of their own:
 * each cell paints its opaque background over the text the cell before it spills, and the row
 * (paint-contained) clips the last one; `title` holds the whole value or message.
 */
export const GridRow = memo(function GridRow({
  row,
  ariaRowIndex,
  top,
  columns,
  edits,
  editedCells,
  excluded,
  onEdits,
}: GridRowProps) {
  const current = applyValueEdits(row.cells, row.rowIndex, edits)
  const rowProblems = row.problems.filter((p) => p.columnIndex === undefined)
  const rowMessage = rowProblems.map((p) => p.message).join(' ')
  return (
    <div
      role="row"
      aria-rowindex={ariaRowIndex}
      className={excluded ? 'grid-row row-excluded' : 'grid-row'}
      style={{ top }}
    >
      <div role="rowheader" className="grid-line-cell">
        <div className="grid-line">
          <span>Line {row.lineNumber}</span>
          <ExcludeRowCheckbox
            lineNumber={row.lineNumber}
            checked={excluded}
            onChange={(exclude) =>
              onEdits((latest) => withRowExcluded(latest, row.rowIndex, exclude))
            }
          />
        </div>
        {rowMessage && (
          <div className="error-text grid-text" title={rowMessage}>
            {rowMessage}
          </div>
        )}
      </div>
      {columns.map((column) => {
        const state = cellState(row, column, current)
        const editable =
          editedCells.has(cellKey(row.rowIndex, column.columnIndex)) ||
          row.problems.some((p) => p.columnIndex === column.columnIndex)
        return editable ? (
          <GridInputCell
            key={column.columnIndex}
            row={row}
            column={column}
            state={state}
            disabled={excluded}
            onEdits={onEdits}
          />
        ) : (
          <div key={column.columnIndex} role="cell" className="grid-text" title={state.value}>
            {state.value}
          </div>
        )
      })}
    </div>
  )
})

/** A cell with a problem at scan time, or edited: an input, re-checked as the person types. */
function GridInputCell({
  row,
  column,
  state,
  disabled,
  onEdits,
}: {
  row: ProblemRow
  column: GridColumn
  state: CellState
  disabled: boolean
  onEdits: (update: EditsUpdate) => void
}) {
  const original = row.cells[column.columnIndex] ?? ''
  const [draft, setDraft] = useState<string>()
  const value = draft ?? state.value
  const id = `cell-${row.rowIndex}-${column.columnIndex}`
  const listId = column.options.length > 0 ? `options-${column.columnIndex}` : undefined
  const commit = () => {
    if (draft === undefined) return
    setDraft(undefined)
    if (draft !== state.value)
      onEdits((latest) => withCellEdit(latest, row.rowIndex, column.columnIndex, draft))
  }
  // the live re-check while typing, before the value is committed
  const liveProblem =
    draft === undefined
      ? state.problem
      : ((r) => (r.kind === 'invalid' ? r.message : undefined))(column.check(draft))
  const canApplyToAll = original.trim() !== '' && value !== original && !liveProblem
  const status = liveProblem ?? (state.edited || draft !== undefined ? 'Fixed' : '')

  return (
    <div
      role="cell"
      className={
        liveProblem
          ? 'grid-input-cell cell-problem'
          : state.edited
            ? 'grid-input-cell cell-fixed'
            : 'grid-input-cell'
      }
      title={liveProblem}
    >
      {/* named by aria-label, not a visually hidden <label>: one clipped box less per cell */}
      <input
        id={id}
        aria-label={`Value for ${column.columnName} on line ${row.lineNumber}`}
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
      <div className="grid-status">
        <span id={`${id}-status`} className={liveProblem ? 'error-text' : 'ok-text'}>
          {status}
        </span>
        {canApplyToAll && (
          <button
            type="button"
            disabled={disabled}
            aria-label={`Apply to all equal values: "${original}" to "${value}" in ${column.columnName}`}
            onClick={() => {
              const typed = draft
              setDraft(undefined)
              onEdits((latest) => {
                const withCell =
                  typed !== undefined
                    ? withCellEdit(latest, row.rowIndex, column.columnIndex, typed)
                    : latest
                return withReplacement(withCell, column.columnIndex, original, value)
              })
            }}
          >
            Apply to all
          </button>
        )}
      </div>
    </div>
  )
}
