// The rows with problems as an editable, virtualised grid of fixed-height rows
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Option } from '#shared/hubspot/property.ts'
import { SpacerRow } from '#client/components/ui/spacer-row.tsx'
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
 * The rows with problems, virtualised (a 100,000-problem file keeps ~30 rows in the DOM). Rows
 * have one fixed height and the table a fixed layout, so scrolling never measures a row nor
 * lays out the whole table again, and rows that stay in view are not rendered again. Cells with
 * a problem, or that were edited, are inputs; values are rendered as React text, never as HTML,
 * so a cell cannot inject markup (OWASP XSS prevention:
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
    overscan: 6,
    // a scroll re-renders in React's own time, not synchronously inside the scroll event
    useFlushSync: false,
  })
  const excluded = useMemo(() => new Set(edits.excludedRows), [edits.excludedRows])
  // cells the person edited stay inputs after they are fixed, so focus is never lost
  const editedCells = useMemo(
    () => new Set(edits.cells.map((cell) => cellKey(cell.rowIndex, cell.columnIndex))),
    [edits.cells],
  )

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
      <table
        className="problem-grid"
        aria-rowcount={rows.length + 1}
        style={{ ['--grid-columns' as string]: columns.length }}
      >
        <caption className="visually-hidden">
          Rows with problems: fix a value in place, apply a fix to all equal values, or exclude the
          row
        </caption>
        <colgroup>
          <col className="grid-line-column" />
          {columns.map((column) => (
            <col key={column.columnIndex} />
          ))}
        </colgroup>
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
            return (
              <GridRow
                key={row.rowIndex}
                row={row}
                ariaRowIndex={item.index + 2}
                columns={columns}
                edits={edits}
                editedCells={editedCells}
                excluded={excluded.has(row.rowIndex)}
                onEdits={onEdits}
              />
            )
          })}
          <SpacerRow height={paddingBottom} colSpan={colSpan} />
        </tbody>
      </table>
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
