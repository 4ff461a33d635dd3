// The rows with problems as an editable, virtualised ARIA table of fixed-size, contained rows
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Option } from '#shared/hubspot/property.ts'
import type { Edits } from '../../core/edits.ts'
import type { ProblemRow } from '../../core/scan-result.ts'
import { cellKey, GridRow, type EditsUpdate, type GridColumn } from './problem-grid-row.tsx'

export type { EditsUpdate, GridColumn } from './problem-grid-row.tsx'

interface ProblemGridProps {
  rows: readonly ProblemRow[]
  columns: readonly GridColumn[]
  edits: Edits
  onEdits: (update: EditsUpdate) => void
}

/** Every row is this tall (wizard.css `--grid-row-height`): rows are never measured. */
export const ROW_HEIGHT_REM = 4.75
const FALLBACK_ROOT_FONT_PX = 16

function rootFontPx(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize)
  return Number.isFinite(size) && size > 0 ? size : FALLBACK_ROOT_FONT_PX
}

/**
 * The rows with problems, virtualised (a 100,000-problem file keeps ~30 rows in the DOM). It is an
 * ARIA table of divs rather than a <table>: a table lays out every row and cell again whenever a
 * row comes in, and a cell cannot be a contained box. Each row is a fixed-size, contained grid
 * (`contain: strict`) placed absolutely at its own offset, so a row scrolling in lays out and
 * paints only itself, rows that stay in view neither move nor render again, and a row clips its
 * cells once instead of each cell clipping its own text. Cells with a problem, or that were
 * edited, are inputs; values are rendered as React text, never as HTML, so a cell cannot inject
 * markup (OWASP XSS prevention:
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html).
 */
export function ProblemGrid({ rows, columns, edits, onEdits }: ProblemGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // the row height follows the root font size (rem), read once
  const [rowHeight] = useState(() => ROW_HEIGHT_REM * rootFontPx())
  const estimateSize = useCallback(() => rowHeight, [rowHeight])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    // two rows (152 px) beyond each edge: enough for a 100 px-a-frame fling rendered a frame late;
    // every row more is one more sticky Line cell (a composited layer) to update on each frame
    overscan: 2,
    // a scroll re-renders in React's own time, not synchronously inside the scroll event
    useFlushSync: false,
  })
  const excluded = useMemo(() => new Set(edits.excludedRows), [edits.excludedRows])
  // cells the person edited stay inputs after they are fixed, so focus is never lost
  const editedCells = useMemo(
    () => new Set(edits.cells.map((cell) => cellKey(cell.rowIndex, cell.columnIndex))),
    [edits.cells],
  )

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
      {/* a child of the scroll box: the bench scrolls the grid's parent */}
      <div
        role="table"
        className="problem-grid"
        aria-label="Rows with problems: fix a value in place, apply a fix to all equal values, or exclude the row"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        style={{ ['--grid-columns' as string]: columns.length }}
      >
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row">
            <div role="columnheader" className="grid-line-cell">
              Line
            </div>
            {columns.map((column) => (
              <div key={column.columnIndex} role="columnheader">
                {column.columnName}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!
            return (
              <GridRow
                key={row.rowIndex}
                row={row}
                ariaRowIndex={item.index + 2}
                top={item.start}
                columns={columns}
                edits={edits}
                editedCells={editedCells}
                excluded={excluded.has(row.rowIndex)}
                onEdits={onEdits}
              />
            )
          })}
        </div>
      </div>
    </div>
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
