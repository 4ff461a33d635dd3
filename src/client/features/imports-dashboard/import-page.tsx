// One import's page: its state as it runs, counts, how the file was mapped, and its row errors
import { useEffect, useMemo, useRef } from 'react'
import { findObjectType } from '#shared/hubspot/object-types.ts'
import {
  CANCELLABLE_STATES,
  isTerminalState,
  KNOWN_COUNTERS,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'
import { useImport } from '#client/api/imports/get-import.ts'
import { isStuck } from '#client/api/imports/import-polling.ts'
import { SectionErrorBoundary } from '#client/components/ui/section-error-boundary.tsx'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { humanizeConstant } from '#client/lib/hubspot/error-types.ts'
import {
  headerFromSummary,
  readImportRequestJson,
} from '#client/lib/hubspot/import-request-json.ts'
import { importLineMap } from '#client/lib/hubspot/import-line-maps.ts'
import { importRowCount } from '#client/lib/hubspot/import-row-counts.ts'
import {
  learnReimportLinks,
  reimportedAs,
  reimportedFrom,
} from '#client/lib/hubspot/reimport-links.ts'
import { Link, paths } from '#client/lib/router.tsx'
import { CancelImportButton } from './cancel-import-dialog.tsx'
import { ImportErrorsPanel } from './import-errors-panel.tsx'
import { ImportFinishedNotice } from './import-finished-notice.tsx'
import { MappingSection } from './mapping-section.tsx'
import { ImportProgressBar } from './import-progress-bar.tsx'
import { ImportStateBadge } from './import-state-badge.tsx'
import {
  counterLabel,
  formatCount,
  formatDateTime,
  sourceLabel,
  stateExplanation,
} from './import-state.ts'
import './dashboard.css'

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' })

export function ImportPage({ importId }: { importId: string }) {
  const query = useImport(importId)
  const data = query.data
  const finishedList = useMemo(() => (data ? [data] : []), [data])

  if (query.isPending) return <p>Loading import {importId}…</p>
  if (!data) {
    const notFound = query.error && 'status' in query.error && query.error.status === 404
    return (
      <section>
        <h1>Import {importId}</h1>
        <p role="alert">
          {notFound
            ? 'HubSpot has no import with this id (or it was started by another app).'
            : `Could not load the import: ${getErrorMessage(query.error)}`}
        </p>
        <p>
          <Link href={paths.imports()}>Back to the imports list</Link>
        </p>
      </section>
    )
  }

  return (
    <section aria-labelledby="import-heading">
      <p>
        <Link href={paths.imports()}>← All imports</Link>
      </p>
      <ImportFinishedNotice imports={finishedList} currentId={data.id} />
      <ImportDetails
        // filters, dialogs and expanded rows belong to one import, not to the next one opened
        key={data.id}
        data={data}
        // the time of the last successful poll stands in for "now", which keeps render pure
        checkedAt={query.dataUpdatedAt}
        refreshError={query.isError ? getErrorMessage(query.error) : undefined}
        isFetching={query.isFetching}
      />
    </section>
  )
}

function ImportDetails({
  data,
  checkedAt,
  refreshError,
  isFetching,
}: {
  data: PublicImportResponse
  checkedAt: number
  refreshError: string | undefined
  isFetching: boolean
}) {
  const summary = useMemo(
    () => readImportRequestJson(data.importRequestJson),
    [data.importRequestJson],
  )
  const header = useMemo(() => headerFromSummary(summary), [summary])
  const lineMap = useMemo(() => importLineMap(data.id), [data.id])
  const recordedRows = useMemo(() => importRowCount(data.id), [data.id])
  const terminal = isTerminalState(data.state)
  useEffect(() => learnReimportLinks([data]), [data])
  const from = reimportedFrom(data.id, data.importName)
  const as = reimportedAs(data.id)
  const errorsCount = data.metadata.counters.ERRORS
  const headingRef = useRef<HTMLHeadingElement>(null)
  // arriving from "Start import" (or any link) leaves focus on the page body: keyboard and
  // screen-reader users start at the import's heading instead
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      headingRef.current?.focus()
  }, [])

  return (
    <>
      <div className="page-heading">
        <h1 id="import-heading" ref={headingRef} tabIndex={-1}>
          {data.importName || `Import ${data.id}`}
        </h1>
        {CANCELLABLE_STATES.includes(data.state) && <CancelImportButton importId={data.id} />}
      </div>
      <p className="muted">Import {data.id}</p>
      {/* a live region, so the state change is announced without a reload */}
      <p role="status" aria-label="Import state">
        State: <ImportStateBadge state={data.state} />{' '}
        <span>{stateExplanation(data.state) ?? ''}</span>
      </p>
      {isStuck(data, checkedAt) && (
        <p className="note" role="note">
          This import is taking much longer than its size suggests. HubSpot may be busy or the
          import may be stuck: keep waiting, cancel it, or contact HubSpot support with import id{' '}
          {data.id}.
        </p>
      )}
      <p className="muted">
        Started {formatDateTime(data.createdAt)} · last change {formatDateTime(data.updatedAt)} ·
        source {sourceLabel(data.importSource)}
        {!terminal && checkedAt > 0 && (
          <>
            {' '}
            · checked {timeFormat.format(checkedAt)}
            {isFetching ? ' (updating…)' : ''}
          </>
        )}
      </p>
      {refreshError && (
        <p role="alert">
          Could not refresh the status: {refreshError}. Showing the last status received; retrying
          automatically.
        </p>
      )}
      {(from || as.length > 0) && (
        <ul>
          {from && (
            <li>
              Re-imported from <Link href={paths.import(from)}>import {from}</Link>
            </li>
          )}
          {as.map((id) => (
            <li key={id}>
              Re-imported as <Link href={paths.import(id)}>import {id}</Link>
            </li>
          ))}
        </ul>
      )}

      {data.state !== 'STARTED' && data.state !== 'DEFERRED' && (
        <ImportProgressBar
          state={data.state}
          counters={data.metadata.counters}
          recordedTotal={recordedRows}
          checkedAt={checkedAt}
        />
      )}
      <Counters counters={data.metadata.counters} state={data.state} />

      {data.metadata.objectLists.length > 0 && (
        <section className="panel" aria-labelledby="lists-heading">
          <h2 id="lists-heading">Lists created</h2>
          <ul>
            {data.metadata.objectLists.map((list) => (
              <li key={`${list.objectType}-${list.listId}`}>
                {findObjectType(list.objectType)?.label ?? humanizeConstant(list.objectType)}: list{' '}
                {list.listId}
              </li>
            ))}
          </ul>
        </section>
      )}

      <MappingSection summary={summary} />

      <section className="panel" aria-labelledby="errors-heading">
        <h2 id="errors-heading">Row errors</h2>
        {terminal ? (
          <SectionErrorBoundary
            what="The row errors"
            keeps="The import itself is not affected."
            resetKeys={[data.id]}
          >
            <ImportErrorsPanel
              importId={data.id}
              header={header}
              totalErrors={errorsCount}
              lineMap={lineMap}
            />
          </SectionErrorBoundary>
        ) : (
          <p>Row errors are listed once the import has finished.</p>
        )}
      </section>
    </>
  )
}

function Counters({ counters, state }: { counters: Record<string, number>; state: string }) {
  // the known counters first, in a fixed order, then any HubSpot adds
  const keys = [
    ...KNOWN_COUNTERS.filter((key) => key in counters),
    ...Object.keys(counters).filter((key) => !(KNOWN_COUNTERS as readonly string[]).includes(key)),
  ]
  if (keys.length === 0) return <p className="muted">HubSpot has not reported any counts yet.</p>
  return (
    <dl className="counters" aria-label="Counts">
      {keys.map((key) => (
        <div key={key}>
          <dt>{counterLabel(key, state)}</dt>
          <dd>{formatCount(counters[key] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  )
}
