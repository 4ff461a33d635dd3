// The imports list: newest first, paged with HubSpot's cursors, live while imports run
import { useEffect, useMemo, useState } from 'react'
import { counter, type PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import { useImports } from '#client/api/imports/get-imports.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { learnReimportLinks } from '#client/lib/hubspot/reimport-links.ts'
import { Link, paths } from '#client/lib/router.tsx'
import { ImportFinishedNotice } from './import-finished-notice.tsx'
import { ImportStateBadge } from './import-state-badge.tsx'
import { formatCount, formatDateTime, sourceLabel, stateExplanation } from './import-state.ts'
import './dashboard.css'

export const IMPORTS_PAGE_SIZE = 20

export function ImportsPage() {
  // HubSpot pages forward only: "Previous" walks back through the cursors we followed
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined])
  const after = cursors.at(-1)
  const imports = useImports(
    after ? { after, limit: IMPORTS_PAGE_SIZE } : { limit: IMPORTS_PAGE_SIZE },
  )
  const results = useMemo(() => imports.data?.results ?? [], [imports.data])
  const nextAfter = imports.data?.paging?.next?.after
  useEffect(() => learnReimportLinks(results), [results])

  return (
    <section aria-labelledby="imports-heading">
      <div className="page-heading">
        <h1 id="imports-heading">Imports</h1>
        <Link href={paths.newImport()} className="button-link">
          New import
        </Link>
      </div>
      <ImportFinishedNotice imports={results} />
      {imports.isPending && <p>Loading imports…</p>}
      {imports.isError && (
        <p role="alert">
          Could not load the imports: {getErrorMessage(imports.error)}
          {imports.data ? ' Showing the last list received.' : ''}
        </p>
      )}
      {imports.data && results.length === 0 && cursors.length === 1 && (
        <p>No imports yet. Start one with “New import”.</p>
      )}
      {results.length > 0 && <ImportsTable imports={results} />}
      {imports.data && (
        <nav className="toolbar" aria-label="Imports pages">
          <button
            type="button"
            disabled={cursors.length === 1}
            onClick={() => setCursors((stack) => stack.slice(0, -1))}
          >
            Previous page
          </button>
          <span className="muted">Page {cursors.length}</span>
          <button
            type="button"
            disabled={!nextAfter || imports.isPlaceholderData}
            onClick={() => nextAfter && setCursors((stack) => [...stack, nextAfter])}
          >
            Next page
          </button>
          {imports.isFetching && <span className="muted">Updating…</span>}
        </nav>
      )}
    </section>
  )
}

function ImportsTable({ imports }: { imports: readonly PublicImportResponse[] }) {
  return (
    <table>
      <caption className="visually-hidden">Imports, newest first as HubSpot lists them</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Source</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col" className="number">
            Records created
          </th>
          <th scope="col" className="number">
            Records updated
          </th>
          <th scope="col" className="number">
            Errors
          </th>
        </tr>
      </thead>
      <tbody>
        {imports.map((item) => (
          <tr key={item.id}>
            <td>
              <Link href={paths.import(item.id)}>{item.importName || `Import ${item.id}`}</Link>
            </td>
            <td>
              <ImportStateBadge state={item.state} />
              {item.state === 'DEFERRED' && (
                <div className="muted">{stateExplanation('DEFERRED')}</div>
              )}
            </td>
            <td>{sourceLabel(item.importSource)}</td>
            <td>{formatDateTime(item.createdAt)}</td>
            <td>{formatDateTime(item.updatedAt)}</td>
            <td className="number">{formatCount(counter(item, 'CREATED_OBJECTS'))}</td>
            <td className="number">{formatCount(counter(item, 'UPDATED_OBJECTS'))}</td>
            <td className="number">{formatCount(counter(item, 'ERRORS'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
