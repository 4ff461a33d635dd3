import { useEffect, useMemo, useRef, useState } from 'react'
import type { DateFormat } from '#shared/hubspot/import-request.ts'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { compileCellCheck } from '#shared/value-rules/cell-check.ts'
import { suggestDateFormat } from '#shared/value-rules/suggest-date-format.ts'
import { describeErrorType } from '#client/lib/hubspot/error-types.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { buildCheckPlan } from '#client/wizard/core/check-plan.ts'
import { mergeRaggedRows, pendingRaggedRows } from '#client/wizard/core/ragged-rows.ts'
import type {
  ExpectedObjectResult,
  ProblemRow,
  ProblemType,
  ScanAmbiguities,
  ScanProgress,
  ScanResult,
} from '#client/wizard/core/types.ts'
import { runScan } from '../csv-tasks.ts'
import { operationsFor, useCatalogs } from '../use-catalogs.ts'
import type { WizardState } from '../wizard-state.ts'
import { FileIssues } from './file-issues.tsx'
import { formatBytes, plural } from '#client/lib/format.ts'
import { DATE_FORMAT_LABELS, OPERATION_LABELS } from './import-options-step.tsx'
import { ProblemGrid, type EditsUpdate, type GridColumn } from './problem-grid.tsx'
import { RAGGED_BLOCKS_NEXT_ID, RaggedRows, isRagged } from './ragged-rows.tsx'

type CheckState = Extract<WizardState, { step: 'check' }>

// after an edit, counts are brought up to date by a fresh scan once typing pauses
const RESCAN_DELAY_MS = 700

type Scan =
  | { status: 'idle' }
  | { status: 'running'; progress: ScanProgress | undefined; previous: ScanResult | undefined }
  | { status: 'done'; result: ScanResult }
  | { status: 'failed'; message: string; previous: ScanResult | undefined }

interface CheckStepProps {
  state: CheckState
  onEdits: (update: EditsUpdate) => void
  onBack: () => void
  /** with what the scan found another reader may read differently: the submit step needs it */
  onNext: (ambiguities: ScanAmbiguities) => void
}

const labelOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.label

export function CheckStep({ state, onEdits, onBack, onNext }: CheckStepProps) {
  const { source, objects, mapping, options, edits } = state
  const { catalogs, isPending, error } = useCatalogs(objects)
  const [scan, setScan] = useState<Scan>({ status: 'idle' })
  // the rows shown stay put while the person fixes them; later scans only add rows
  const [anchored, setAnchored] = useState<ProblemRow[]>([])
  // every ragged row any scan found (a row excluded during a scan is not in that scan's list)
  const [knownRagged, setKnownRagged] = useState<number[]>([])

  const plan = useMemo(() => {
    if (isPending || error) return undefined
    return buildCheckPlan({
      mapping,
      operations: operationsFor(objects, options.operations),
      catalogs,
      columnCount: source.inspection.headers.length,
      dateFormat: options.dateFormat,
    })
  }, [isPending, error, mapping, objects, options, catalogs, source])

  const editsRef = useRef(edits)
  const [scanRequest, setScanRequest] = useState(0)
  useEffect(() => {
    editsRef.current = edits
  })
  // re-scan when edits settle
  const firstEdits = useRef(edits)
  useEffect(() => {
    if (edits === firstEdits.current) return
    const timer = setTimeout(() => setScanRequest((n) => n + 1), RESCAN_DELAY_MS)
    return () => clearTimeout(timer)
  }, [edits])

  useEffect(() => {
    if (!plan) return
    const controller = new AbortController()
    setScan((current) => ({
      status: 'running',
      progress: undefined,
      previous: current.status === 'done' ? current.result : undefined,
    }))
    runScan(source.file, source.inspection.settings, plan, {
      edits: editsRef.current,
      signal: controller.signal,
      onProgress: (progress) =>
        setScan((current) => (current.status === 'running' ? { ...current, progress } : current)),
    }).then(
      (result) => {
        if (controller.signal.aborted) return
        setScan({ status: 'done', result })
        setKnownRagged((known) => mergeRaggedRows(known, result))
        setAnchored((rows) => {
          const known = new Set(rows.map((r) => r.rowIndex))
          return [...rows, ...result.problemRows.filter((r) => !known.has(r.rowIndex))]
        })
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return
        setScan((current) => ({
          status: 'failed',
          message: `The check stopped: ${getErrorMessage(failure)}. If the file changed on disk, choose it again.`,
          previous: current.status === 'running' ? current.previous : undefined,
        }))
      },
    )
    return () => controller.abort()
  }, [plan, source, scanRequest])

  const columns: GridColumn[] = useMemo(
    () =>
      (plan?.columns ?? []).map((column) => ({
        columnIndex: column.columnIndex,
        columnName: column.columnName,
        check: compileCellCheck(column.property, { dateFormat: options.dateFormat }),
        options: column.property.options,
      })),
    [plan, options.dateFormat],
  )

  const result =
    scan.status === 'done'
      ? scan.result
      : scan.status === 'running' || scan.status === 'failed'
        ? scan.previous
        : undefined
  const blockingIssues = result?.fileIssues.some((issue) => issue.severity === 'error') ?? false
  // ragged rows are listed apart with all their cells; the grid holds the rows fixable in place
  const raggedShown = useMemo(() => anchored.filter(isRagged), [anchored])
  const gridRows = useMemo(() => anchored.filter((row) => !isRagged(row)), [anchored])
  const raggedPending = pendingRaggedRows(knownRagged, result, edits)
  const notes = state.reimportNotes

  return (
    <section aria-labelledby="check-heading" className="wizard-step">
      <h2 tabIndex={-1} id="check-heading">
        Check the rows before importing
      </h2>
      {isPending && <p role="status">Loading HubSpot properties…</p>}
      {error && <p role="alert">Could not load the HubSpot properties: {getErrorMessage(error)}</p>}

      {notes && (notes.warnings.length > 0 || notes.problems.length > 0) && (
        <div className="issues issues-warning">
          <p>
            <strong>These rows failed in import {state.reimportOf}; HubSpot said:</strong>
          </p>
          <ul>
            {notes.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
            {notes.problems.slice(0, 20).map((problem, i) => (
              <li key={i}>
                Line {problem.lineNumber}: {problem.message}
              </li>
            ))}
            {notes.problems.length > 20 && <li>…and {notes.problems.length - 20} more.</li>}
          </ul>
        </div>
      )}

      {scan.status === 'running' && (
        <ScanProgressBar progress={scan.progress} totalBytes={source.file.size} />
      )}
      {scan.status === 'failed' && <p role="alert">{scan.message}</p>}

      {result && (
        <>
          <FileIssues issues={result.fileIssues} />
          <ScanSummary result={result} />
          <DateFormatNote result={result} current={options.dateFormat} />
        </>
      )}

      {(raggedPending.total > 0 || raggedShown.length > 0) && (
        <RaggedRows
          rows={raggedShown}
          headers={source.inspection.columnNames}
          edits={edits}
          pending={raggedPending}
          onEdits={onEdits}
        />
      )}

      {gridRows.length > 0 && (
        <>
          <h3>Rows with problems</h3>
          <p>
            Fix a value in place (Enter or leaving the cell keeps it), apply a fix to every equal
            value in its column, or exclude the row. Rows you don't fix are still sent: HubSpot
            imports the rest of such a row and leaves the bad value out, or skips the row when the
            value that identifies the record is bad.
          </p>
          {result?.problemRowsTruncated && (
            <p>
              Only the first {plural(anchored.length, 'row')} with problems are listed; the counts
              above cover the whole file.
            </p>
          )}
          <ProblemGrid rows={gridRows} columns={columns} edits={edits} onEdits={onEdits} />
          <p>
            <button type="button" onClick={() => setScanRequest((n) => n + 1)}>
              Check again
            </button>
          </p>
        </>
      )}

      {raggedPending.total > 0 && (
        <p id={RAGGED_BLOCKS_NEXT_ID} className="error-text">
          To go on, exclude the {plural(raggedPending.total, 'row')} with the wrong number of cells
          or fix {raggedPending.total === 1 ? 'it' : 'them'} in the file.
        </p>
      )}
      <div className="wizard-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={
            !result || scan.status === 'running' || blockingIssues || raggedPending.total > 0
          }
          aria-describedby={raggedPending.total > 0 ? RAGGED_BLOCKS_NEXT_ID : undefined}
          onClick={() => result && onNext(result.ambiguities)}
        >
          Next
        </button>
      </div>
    </section>
  )
}

function ScanProgressBar({
  progress,
  totalBytes,
}: {
  progress: ScanProgress | undefined
  totalBytes: number
}) {
  const read = progress?.bytesRead ?? 0
  const total = progress?.totalBytes || totalBytes || 1
  const percent = Math.min(100, Math.round((read / total) * 100))
  const text = `${formatBytes(read)} of ${formatBytes(total)} read, ${plural(progress?.rows ?? 0, 'row')} checked`
  return (
    <div className="field">
      <span id="scan-progress-label">Checking rows</span>
      <progress
        className="progress"
        aria-labelledby="scan-progress-label"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={text}
        max={100}
        value={percent}
      />
      <small>{text}</small>
    </div>
  )
}

function ScanSummary({ result }: { result: ScanResult }) {
  const counts = Object.entries(result.problemCounts) as [ProblemType, number][]
  return (
    <>
      <p role="status">
        Checked {plural(result.totalRows, 'row')}
        {result.excludedRows > 0 ? ` (${plural(result.excludedRows, 'row')} excluded)` : ''}:{' '}
        {result.problemRowCount === 0
          ? 'no problems found.'
          : `${plural(result.problemRowCount, 'row')} with problems.`}
      </p>
      {counts.length > 0 && (
        <table className="summary-table">
          <caption>Problems by type</caption>
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Cells or rows</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([type, count]) => (
              <tr key={type}>
                <th scope="row">
                  {type === 'UNTERMINATED_QUOTE'
                    ? 'A quoted cell is never closed'
                    : describeErrorType(type)}
                </th>
                <td>{count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* one column per object and the long descriptions as row headers: seven narrow columns
          wrapped every header into four lines */}
      <table className="summary-table expected-table">
        <caption>Expected result</caption>
        <thead>
          <tr>
            <td />
            {result.expected.map((row) => (
              <th key={row.objectTypeId} scope="col">
                {labelOf(row.objectTypeId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Operation</th>
            {result.expected.map((row) => (
              <td key={row.objectTypeId}>{OPERATION_LABELS[row.operation]}</td>
            ))}
          </tr>
          {EXPECTED_COUNTS.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {result.expected.map((row) => (
                <td key={row.objectTypeId} className="number">
                  {count(row).toLocaleString()}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

const EXPECTED_COUNTS: readonly [string, (row: ExpectedObjectResult) => number][] = [
  ['To create', (row) => row.toCreate],
  ['To update', (row) => row.toUpdate],
  ['Create or update (HubSpot matches)', (row) => row.toCreateOrUpdate],
  ['With problems', (row) => row.withProblems],
  ['No record (all its cells blank)', (row) => row.skipped],
]

/** Says so when the whole file's dates fit another format better than the one chosen. */
function DateFormatNote({ result, current }: { result: ScanResult; current: DateFormat }) {
  const samples = Object.values(result.dateSamples).flat()
  if (samples.length === 0) return null
  const suggestion = suggestDateFormat(samples)
  if (suggestion.candidates.includes(current) || !suggestion.suggested) return null
  return (
    <p className="issues issues-warning">
      The dates in this file read as {DATE_FORMAT_LABELS[suggestion.suggested].toLowerCase()}, but
      the import is set to {DATE_FORMAT_LABELS[current].toLowerCase()}. Go back to Options to change
      the date format.
    </p>
  )
}
