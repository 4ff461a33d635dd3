import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import {
  errorsCursorLoops,
  useImportErrors,
  type ImportErrorsPage,
} from '#client/api/imports/get-import-errors.ts'
import { Link, paths } from '#client/lib/router.tsx'
import { getErrorMessage } from '#client/lib/api-client.ts'
import {
  countByErrorType,
  filterErrorRows,
  HIDDEN_LABEL,
  isRedacted,
  toErrorRow,
  type ErrorRow,
} from '#client/lib/hubspot/error-rows.ts'
import { downloadText, errorsCsvFileName, errorsToCsv } from './errors-csv.ts'
import { formatCount } from './import-state.ts'

interface Props {
  importId: string
  /** the file's header, from the mapping the import was started with */
  header: readonly string[]
  /** metadata.counters.ERRORS, when HubSpot reports it */
  totalErrors: number | undefined
}

const toRows = (pages: readonly ImportErrorsPage[] | undefined, header: readonly string[]) =>
  pages?.flatMap((page) => page.results.map((error) => toErrorRow(error, header))) ?? []

export function ImportErrorsPanel({ importId, header, totalErrors }: Props) {
  const errors = useImportErrors(importId)
  const rows = useMemo(() => toRows(errors.data?.pages, header), [errors.data, header])
  const [errorType, setErrorType] = useState('')
  const [columnName, setColumnName] = useState('')
  const [search, setSearch] = useState('')
  const [bulk, setBulk] = useState<'idle' | 'loading' | 'downloading'>('idle')
  const [bulkError, setBulkError] = useState<string | undefined>()
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const filtered = useMemo(
    () => filterErrorRows(rows, { errorType, columnName, search }),
    [rows, errorType, columnName, search],
  )
  const counts = useMemo(() => countByErrorType(rows), [rows])
  const columns = useMemo(
    () => [...new Set(rows.flatMap((row) => row.columnName ?? []))].sort(),
    [rows],
  )
  const loops = errorsCursorLoops(errors.data?.pages.at(-1), errors.data?.pageParams ?? [])

  /** Follows every remaining cursor; TanStack keeps each page, so "Load more" and this share work. */
  async function loadAll() {
    let result: {
      hasNextPage: boolean
      isError: boolean
      data?: typeof errors.data
      fetchNextPage: typeof errors.fetchNextPage
    } = errors
    while (result.hasNextPage && mounted.current) {
      result = await result.fetchNextPage()
      if (result.isError) throw new Error(getErrorMessage(errors.error ?? 'Loading errors failed.'))
    }
    return result.data
  }

  async function run(kind: 'loading' | 'downloading') {
    setBulk(kind)
    setBulkError(undefined)
    try {
      const data = await loadAll()
      if (kind === 'downloading' && mounted.current) {
        downloadText(errorsCsvFileName(importId), errorsToCsv(toRows(data?.pages, header), header))
      }
    } catch (error) {
      if (mounted.current) setBulkError(getErrorMessage(error))
    } finally {
      if (mounted.current) setBulk('idle')
    }
  }

  if (errors.isPending) return <p>Loading row errors…</p>
  if (errors.isError && !errors.data) {
    return (
      <div role="alert">
        <p>Could not load the row errors: {getErrorMessage(errors.error)}</p>
        <button type="button" onClick={() => void errors.refetch()}>
          Try again
        </button>
      </div>
    )
  }
  if (rows.length === 0) return <p>No row errors.</p>

  const loadedText =
    totalErrors !== undefined
      ? `${formatCount(rows.length)} of ${formatCount(Math.max(totalErrors, rows.length))} errors loaded`
      : `${formatCount(rows.length)} errors loaded${errors.hasNextPage ? ', more available' : ''}`
  const busy = bulk !== 'idle' || errors.isFetchingNextPage

  return (
    <>
      <p aria-live="polite">{loadedText}</p>
      {loops && (
        <p className="note">
          HubSpot returned a page it had already sent, so loading stopped here: the list may be
          incomplete.
        </p>
      )}
      <div className="toolbar">
        {errors.hasNextPage && (
          <button type="button" onClick={() => void errors.fetchNextPage()} disabled={busy}>
            {errors.isFetchingNextPage && bulk === 'idle' ? 'Loading…' : 'Load more errors'}
          </button>
        )}
        {errors.hasNextPage && (
          <button type="button" onClick={() => void run('loading')} disabled={busy}>
            {bulk === 'loading' ? 'Loading all errors…' : 'Load all errors'}
          </button>
        )}
        <button type="button" onClick={() => void run('downloading')} disabled={busy}>
          {bulk === 'downloading' ? 'Preparing the CSV…' : 'Download errors as CSV'}
        </button>
        <Link href={paths.reimport(importId)} className="button-link">
          Fix and re-import failed rows
        </Link>
      </div>
      {bulkError && <p role="alert">{bulkError}</p>}
      {errors.isFetchNextPageError && (
        <p role="alert">Could not load more errors: {getErrorMessage(errors.error)}</p>
      )}

      <TypeCounts counts={counts} loaded={rows.length} loadedText={loadedText} />

      <div className="toolbar" role="search" aria-label="Filter row errors">
        <label>
          Error type{' '}
          <select value={errorType} onChange={(event) => setErrorType(event.target.value)}>
            <option value="">All types</option>
            {counts.map((entry) => (
              <option key={entry.errorType} value={entry.errorType}>
                {entry.label} ({formatCount(entry.count)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Column{' '}
          <select value={columnName} onChange={(event) => setColumnName(event.target.value)}>
            <option value="">All columns</option>
            {columns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search{' '}
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
      </div>
      <p className="muted" aria-live="polite">
        Showing {formatCount(filtered.length)} of {formatCount(rows.length)} loaded errors
      </p>
      <ErrorsTable rows={filtered} header={header} />
    </>
  )
}

function TypeCounts({
  counts,
  loaded,
  loadedText,
}: {
  counts: ReturnType<typeof countByErrorType>
  loaded: number
  loadedText: string
}) {
  return (
    <table>
      <caption>Errors by type ({loadedText})</caption>
      <thead>
        <tr>
          <th scope="col">Error type</th>
          <th scope="col">Code</th>
          <th scope="col" className="number">
            Count
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.map((entry) => (
          <tr key={entry.errorType}>
            <th scope="row">{entry.label}</th>
            <td>
              <code>{entry.errorType}</code>
            </td>
            <td className="number">{formatCount(entry.count)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total loaded
          </th>
          <td className="number">{formatCount(loaded)}</td>
        </tr>
      </tfoot>
    </table>
  )
}

const ROW_ESTIMATE = 56

function ErrorsTable({ rows, header }: { rows: readonly ErrorRow[]; header: readonly string[] }) {
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
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={6} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
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
                <td>{row.lineNumber > 0 ? row.lineNumber : 'File'}</td>
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
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={6} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

/** Values are React text children only: never HTML (reliability.md §3.5). */
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
        line {row.lineNumber}
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
