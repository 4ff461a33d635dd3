// The check step: every row checked against the mapped properties, problems fixed in place before import
import { useDeferredValue, useMemo, useState } from 'react'
import { compileCellCheck } from '#shared/value-rules/cell-check.ts'
import { IssueList } from '#client/components/ui/issue-list.tsx'
import { ProgressBar } from '#client/components/ui/progress-bar.tsx'
import { SectionErrorBoundary } from '#client/components/ui/section-error-boundary.tsx'
import { getErrorMessage } from '#client/lib/api-client.ts'
import {
  useFrameThrottledValue,
  type FrameThrottledValue,
} from '#client/lib/frame-throttled-value.ts'
import { formatBytes, plural } from '#client/lib/format.ts'
import { buildCheckPlan } from '../../core/check-plan.ts'
import { withRowsExcluded } from '../../core/edits.ts'
import { pendingRaggedRows } from '../../core/ragged-rows.ts'
import type { ProblemRow, ScanProgress, ScanResult } from '../../core/scan-result.ts'
import { operationsFor, useCatalogs } from '../../use-catalogs.ts'
import type { ReimportNotes, WizardState } from '../../wizard-state.ts'
import { FileIssues } from '../file-issues.tsx'
import { filterProblemRows, NO_FILTER, type ProblemFilter } from './problem-filter.ts'
import { ProblemFilterBar } from './problem-filter-bar.tsx'
import { ProblemGrid, type EditsUpdate, type GridColumn } from './problem-grid.tsx'
import { RAGGED_BLOCKS_NEXT_ID, RaggedRows, isRagged } from './ragged-rows.tsx'
import { DateFormatNote, ScanSummary } from './scan-summary.tsx'
import { useRowScan } from './use-row-scan.ts'

type CheckState = Extract<WizardState, { step: 'check' }>

interface CheckStepProps {
  state: CheckState
  onEdits: (update: EditsUpdate) => void
  onBack: () => void
  /** with what the scan found another reader may read differently and each row's line: the submit step needs them */
  onNext: (
    found: Pick<ScanResult, 'ambiguities' | 'rowLines'> & {
      rowCount: number
      problemRows: number
      fileRows: number
    },
  ) => void
}

export function CheckStep({ state, onEdits, onBack, onNext }: CheckStepProps) {
  const { source, objects, mapping, options, edits } = state
  const { catalogs, isPending, error } = useCatalogs(objects)

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
  const scan = useRowScan(source, plan, edits)

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

  const { result } = scan
  const blockingIssues = result?.fileIssues.some((issue) => issue.severity === 'error') ?? false
  // the listed rows (up to 50,000: line numbers, split, filter choices, grid) follow in a render
  // of their own: the counts paint first, and no one task builds both
  const listed = useDeferredValue(scan.anchored)
  // a re-import's rows are named by their line in the person's own file, as everywhere else
  const lineOrigin = state.lineOrigin
  const anchored = useMemo(
    () => (lineOrigin ? listed.map((row) => withOriginLine(row, lineOrigin.lines)) : listed),
    [listed, lineOrigin],
  )
  // ragged rows are listed apart with all their cells; the grid holds the rows fixable in place
  const { raggedShown, fixableRows } = useMemo(() => splitRagged(anchored), [anchored])
  const [filter, setFilter] = useState<ProblemFilter>(NO_FILTER)
  const gridRows = useMemo(() => filterProblemRows(fixableRows, filter), [fixableRows, filter])
  // nor does a filter's change wait for the grid
  const shownGridRows = useDeferredValue(gridRows)
  const raggedPending = pendingRaggedRows(scan.knownRagged, result, edits)

  return (
    <section aria-labelledby="check-heading" className="wizard-step">
      <h2 tabIndex={-1} id="check-heading">
        Check the rows before importing
      </h2>
      {isPending && <p role="status">Loading HubSpot properties…</p>}
      {error && <p role="alert">Could not load the HubSpot properties: {getErrorMessage(error)}</p>}

      {state.reimportNotes && (
        <ReimportNotesList importId={state.reimportOf} notes={state.reimportNotes} />
      )}
      {lineOrigin && (
        <p className="muted">
          {lineOrigin.fileName
            ? `Line numbers are those of ${lineOrigin.fileName}, the file first imported.`
            : `Line numbers are HubSpot's for import ${state.reimportOf ?? ''}: its own file's lines are not known in this browser.`}
        </p>
      )}

      {scan.isScanning && <ScanProgressBar source={scan.progress} totalBytes={source.file.size} />}
      {scan.failure && <p role="alert">{scan.failure}</p>}

      {result && (
        <>
          <FileIssues issues={result.fileIssues} />
          <ScanSummary
            result={result}
            onExcludeType={(_, rowIndexes) =>
              onEdits((current) => withRowsExcluded(current, rowIndexes))
            }
          />
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

      {fixableRows.length > 0 && (
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
          <ProblemFilterBar
            rows={fixableRows}
            shown={gridRows.length}
            filter={filter}
            columnNames={source.inspection.columnNames}
            onChange={setFilter}
            onExclude={(rowIndexes) => onEdits((current) => withRowsExcluded(current, rowIndexes))}
          />
          <SectionErrorBoundary
            what="The rows with problems"
            keeps="Your fixes and excluded rows so far are kept."
          >
            <ProblemGrid rows={shownGridRows} columns={columns} edits={edits} onEdits={onEdits} />
          </SectionErrorBoundary>
          <p>
            <button type="button" onClick={scan.rescan}>
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
          disabled={!result || scan.isScanning || blockingIssues || raggedPending.total > 0}
          aria-describedby={raggedPending.total > 0 ? RAGGED_BLOCKS_NEXT_ID : undefined}
          onClick={() =>
            result &&
            onNext({
              ambiguities: result.ambiguities,
              rowLines: result.rowLines,
              rowCount: result.totalRows,
              problemRows: result.problemRowCount,
              fileRows: result.totalRows + result.excludedRows,
            })
          }
        >
          Next
        </button>
      </div>
    </section>
  )
}

/** one pass over up to 50,000 rows */
function splitRagged(rows: readonly ProblemRow[]): {
  raggedShown: ProblemRow[]
  fixableRows: ProblemRow[]
} {
  const raggedShown: ProblemRow[] = []
  const fixableRows: ProblemRow[] = []
  for (const row of rows) (isRagged(row) ? raggedShown : fixableRows).push(row)
  return { raggedShown, fixableRows }
}

function withOriginLine(row: ProblemRow, lines: readonly number[]): ProblemRow {
  const line = lines[row.rowIndex]
  return line === undefined ? row : { ...row, lineNumber: line }
}

const REIMPORT_PROBLEMS_SHOWN = 20

/** What HubSpot reported for the rows of a re-import, shown above the check. */
function ReimportNotesList({
  importId,
  notes,
}: {
  importId: string | undefined
  notes: ReimportNotes
}) {
  const { warnings, problems } = notes
  const rest = problems.length - REIMPORT_PROBLEMS_SHOWN
  const messages = [
    ...warnings,
    ...problems
      .slice(0, REIMPORT_PROBLEMS_SHOWN)
      .map((problem) => `Line ${problem.lineNumber}: ${problem.message}`),
    ...(rest > 0 ? [`…and ${rest} more.`] : []),
  ]
  return (
    <IssueList
      issues={messages.map((message) => ({ severity: 'warning', message }))}
      warningTitle={`These rows failed in import ${importId}; HubSpot said:`}
    />
  )
}

function ScanProgressBar({
  source,
  totalBytes,
}: {
  source: FrameThrottledValue<ScanProgress>
  totalBytes: number
}) {
  const progress = useFrameThrottledValue(source)
  const read = progress?.bytesRead ?? 0
  const total = progress?.totalBytes || totalBytes || 1
  return (
    <ProgressBar
      label="Checking rows"
      value={read}
      max={total}
      text={`${formatBytes(read)} of ${formatBytes(total)} read, ${plural(progress?.rows ?? 0, 'row')} checked`}
    />
  )
}
