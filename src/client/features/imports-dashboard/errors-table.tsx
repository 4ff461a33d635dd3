// The row errors as a virtualised table: line, column, problem, invalid value and the original row
import { useVirtualizer } from '@tanstack/react-virtual'
import { useId, useRef } from 'react'
import { SpacerRow } from '#client/components/ui/spacer-row.tsx'
import {
  HIDDEN_LABEL,
  isRedacted,
  shownLine,
  type ErrorRow,
} from '#client/lib/hubspot/error-rows.ts'

const ROW_ESTIMATE = 56

/** The loaded row errors, virtualised, each with its original row behind "Show row". */
export function ErrorsTable({
  rows,
  header,
}: {
  rows: readonly ErrorRow[]
  header: readonly string[]
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0))

  return (
    // a focusable scroll region so keyboard users can scroll it (WCAG 2.1.1)
    <div
      ref={scrollRef}
      className="errors-scroll"
      tabIndex={0}
      role="region"
      aria-label="Row errors list"
    >
      <table aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
            <th scope="col">Invalid value</th>
            <th scope="col">Message</th>
            <th scope="col">Row</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={top} colSpan={6} />
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                <td>{row.lineNumber > 0 ? shownLine(row) : 'File'}</td>
                <td>{row.columnName ?? '—'}</td>
                <td>
                  {row.errorTypeLabel}
                  <div className="muted">
                    <code>{row.errorType}</code>
                  </div>
                </td>
                <td className="invalid-value">
                  <CellValue value={row.invalidValue} hidden={row.invalidValueHidden} />
                </td>
                <td>{row.message || '—'}</td>
                <td className="row-data-cell">
                  <RowData row={row} header={header} />
                </td>
              </tr>
            )
          })}
          <SpacerRow height={bottom} colSpan={6} />
        </tbody>
      </table>
    </div>
  )
}

/** Values are React text children only, never HTML: a cell from the file cannot inject markup. */
function CellValue({ value, hidden }: { value: string | undefined; hidden?: boolean }) {
  if (hidden || isRedacted(value)) return <span className="hidden-value">{HIDDEN_LABEL}</span>
  if (value === undefined) return <span className="muted">—</span>
  if (value === '') return <span className="muted">(empty)</span>
  return <span className="cell-value">{value}</span>
}

function RowData({ row, header }: { row: ErrorRow; header: readonly string[] }) {
  const id = useId()
  if (row.rowData.length === 0) return <span className="muted">—</span>
  return (
    <details>
      <summary aria-describedby={id}>Show row</summary>
      <span id={id} className="visually-hidden">
        line {shownLine(row)}
      </span>
      {row.rowHasHiddenValues && <p className="muted">HubSpot hides sensitive values.</p>}
      <dl className="pairs row-data">
        {row.rowData.map((cell, index) => (
          <div key={index}>
            <dt>{header[index] || `Column ${index + 1}`}</dt>
            <dd>
              <CellValue value={cell} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
