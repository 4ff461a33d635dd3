// An import's row errors: loaded page by page, counted by type, filtered, downloaded as CSV
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  errorsCursorLoops,
  useImportErrors,
  type ImportErrorsPage,
} from '#client/api/imports/get-import-errors.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { countByErrorType, filterErrorRows, toErrorRow } from '#client/lib/hubspot/error-rows.ts'
import type { ImportLineMap } from '#client/lib/hubspot/import-line-maps.ts'
import { Link, paths } from '#client/lib/router.tsx'
import { downloadText } from '#client/lib/download-text.ts'
import { errorsCsvFileName, errorsToCsv } from './errors-csv.ts'
import { ErrorsTable } from './errors-table.tsx'
import { formatCount } from './import-state.ts'

interface Props {
  importId: string
  /** the file's header, from the mapping the import was started with */
  header: readonly string[]
  /** metadata.counters.ERRORS, when HubSpot reports it */
  totalErrors: number | undefined
  /** the line of the person's file for HubSpot's lines, when this browser started the import */
  lineMap?: ImportLineMap | undefined
}

const toRows = (
  pages: readonly ImportErrorsPage[] | undefined,
  header: readonly string[],
  lineMap: ImportLineMap | undefined,
) => pages?.flatMap((page) => page.results.map((error) => toErrorRow(error, header, lineMap))) ?? []

export function ImportErrorsPanel({ importId, header, totalErrors, lineMap }: Props) {
  const errors = useImportErrors(importId)
  const rows = useMemo(
    () => toRows(errors.data?.pages, header, lineMap),
    [errors.data, header, lineMap],
  )
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
        downloadText(
          errorsCsvFileName(importId),
          errorsToCsv(toRows(data?.pages, header, lineMap), header, lineMap?.fileName),
        )
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
      <p className="muted">
        {lineMap
          ? `Line numbers are lines of ${lineMap.fileName} (header = line 1), as the wizard showed them.`
          : "Line numbers are HubSpot's: lines of the file HubSpot received (header = line 1). This import was started elsewhere, so the lines of the original file are not known here; they differ when rows were left out or blank lines dropped."}
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
