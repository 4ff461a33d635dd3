// Rows with the wrong number of cells, each with every cell, to exclude before the import
import { ExcludeRowCheckbox } from '#client/components/ui/exclude-row-checkbox.tsx'
import { plural } from '#client/lib/format.ts'
import { withRowExcluded, withRowsExcluded } from '../../core/edits.ts'
import type { Edits } from '../../core/edits.ts'
import type { PendingRaggedRows } from '../../core/ragged-rows.ts'
import type { ProblemRow } from '../../core/scan-result.ts'
import type { EditsUpdate } from './problem-grid.tsx'

// a table, not virtualised: past this many the bulk action is the sensible fix anyway
const SHOWN = 100

export const isRagged = (row: ProblemRow) =>
  row.problems.some((p) => p.type === 'INCORRECT_NUMBER_OF_COLUMNS')

export const RAGGED_BLOCKS_NEXT_ID = 'ragged-blocks-next'

/**
 * Rows with more or fewer cells than the header, each with all its cells under the header's
 * column names, so the person sees where values slid. Each must be excluded (one by one or all
 * at once) or fixed in the file before the import.
 */
export function RaggedRows({
  rows,
  headers,
  edits,
  pending,
  onEdits,
}: {
  /** ragged rows with their cells (the scan keeps the first problem rows) */
  rows: readonly ProblemRow[]
  headers: readonly string[]
  edits: Edits
  pending: PendingRaggedRows
  onEdits: (update: EditsUpdate) => void
}) {
  const excluded = new Set(edits.excludedRows)
  const shown = rows.slice(0, SHOWN)
  const width = Math.max(headers.length, ...shown.map((row) => row.cells.length))
  const columns = Array.from({ length: width }, (_, i) =>
    i < headers.length ? headers[i]! : `Extra cell ${i - headers.length + 1}`,
  )
  const { total } = pending

  return (
    <section aria-labelledby="ragged-heading" className="ragged-rows">
      <h3 id="ragged-heading">Rows with the wrong number of cells</h3>
      <div className={total > 0 ? 'issues issues-error' : 'issues'}>
        <p>
          {total > 0
            ? `${plural(total, 'row')} ${total === 1 ? 'has' : 'have'} more or fewer cells than the header (${plural(headers.length, 'column')}). `
            : 'Every row with the wrong number of cells is excluded. '}
          HubSpot rejects such a row (“incorrect number of columns”), and filling in or cutting off
          cells could put values under the wrong column without anyone noticing. Exclude these rows
          here, or fix the lines in the file (a comma or quote is usually missing or extra) and
          choose it again.
        </p>
        {pending.rows.length > 0 && (
          <p>
            <button
              type="button"
              onClick={() => {
                const rowsToExclude = pending.rows
                onEdits((current) => withRowsExcluded(current, rowsToExclude))
              }}
            >
              Exclude all {plural(total, 'row')} with the wrong number of cells
            </button>
          </p>
        )}
        {pending.unlisted > 0 && (
          <p>
            {plural(pending.unlisted, 'more row')} will be listed once the excluded ones are left
            out. With this many, the delimiter or the header row may be wrong: check them on the
            first step.
          </p>
        )}
      </div>
      {shown.length > 0 && (
        <div
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Rows with the wrong number of cells"
        >
          <table className="ragged-table">
            <caption>
              {rows.length > SHOWN
                ? `The first ${SHOWN} of these rows, with every cell`
                : 'These rows, with every cell'}{' '}
              under the column it would land in
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                {columns.map((name, i) => (
                  <th
                    key={i}
                    scope="col"
                    className={i >= headers.length ? 'cell-extra' : undefined}
                  >
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const isExcluded = excluded.has(row.rowIndex)
                return (
                  <tr key={row.rowIndex} className={isExcluded ? 'row-excluded' : undefined}>
                    <th scope="row">
                      <span>Line {row.lineNumber}</span>{' '}
                      <small>
                        ({row.cells.length} of {headers.length} cells)
                      </small>
                      <ExcludeRowCheckbox
                        lineNumber={row.lineNumber}
                        checked={isExcluded}
                        onChange={(exclude) =>
                          onEdits((current) => withRowExcluded(current, row.rowIndex, exclude))
                        }
                      />
                    </th>
                    {columns.map((_, i) => {
                      const cell = row.cells[i]
                      if (cell === undefined)
                        return (
                          <td key={i} className="cell-missing">
                            (missing)
                          </td>
                        )
                      return (
                        <td key={i} className={i >= headers.length ? 'cell-extra' : undefined}>
                          {cell}
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
