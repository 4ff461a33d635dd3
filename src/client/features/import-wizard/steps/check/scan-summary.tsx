// What the scan found: counts per problem type, the expected result per object, a date-format hint
import type { DateFormat } from '#shared/hubspot/import-request.ts'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { suggestDateFormat } from '#shared/value-rules/suggest-date-format.ts'
import { plural } from '#client/lib/format.ts'
import { describeErrorType } from '#client/lib/hubspot/error-types.ts'
import type { ProblemType } from '../../core/check-plan.ts'
import type { ExpectedObjectResult, ScanResult } from '../../core/scan-result.ts'
import { DATE_FORMAT_LABELS, OPERATION_LABELS } from '../../labels.ts'

const labelOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.label

export const problemTypeLabel = (type: ProblemType): string =>
  type === 'UNTERMINATED_QUOTE' ? 'A quoted cell is never closed' : describeErrorType(type)

export function ScanSummary({
  result,
  onExcludeType,
}: {
  result: ScanResult
  /** "exclude every row with this problem"; absent: no buttons */
  onExcludeType?: (type: ProblemType, rowIndexes: readonly number[]) => void
}) {
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
              {onExcludeType && <th scope="col">Rows</th>}
            </tr>
          </thead>
          <tbody>
            {counts.map(([type, count]) => {
              const rowIndexes = result.problemRowIndexes[type] ?? []
              return (
                <tr key={type}>
                  <th scope="row">{problemTypeLabel(type)}</th>
                  <td>{count.toLocaleString()}</td>
                  {onExcludeType && (
                    <td>
                      {rowIndexes.length > 0 && (
                        <button
                          type="button"
                          aria-label={`Exclude every row with this problem: ${problemTypeLabel(type)} (${plural(rowIndexes.length, 'row')})`}
                          onClick={() => onExcludeType(type, rowIndexes)}
                        >
                          Exclude {plural(rowIndexes.length, 'row')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              )
            })}
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
          {expectedCountsShown(result.expected).map(({ label, count, appliesTo }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {result.expected.map((row) => (
                <td key={row.objectTypeId} className="number">
                  {appliesTo.includes(row.operation) ? count(row).toLocaleString() : '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

type Operation = ExpectedObjectResult['operation']
interface ExpectedCount {
  label: string
  count: (row: ExpectedObjectResult) => number
  /** the operations that can produce this outcome; other objects show a dash */
  appliesTo: readonly Operation[]
  /** shown even when 0 for these operations: the outcome the operation is about */
  mainFor: readonly Operation[]
}

const ALL: readonly Operation[] = ['CREATE', 'UPDATE', 'UPSERT']
const EXPECTED_COUNTS: readonly ExpectedCount[] = [
  {
    label: 'To create',
    count: (r) => r.toCreate,
    appliesTo: ['CREATE', 'UPSERT'],
    mainFor: ['CREATE'],
  },
  {
    label: 'To update',
    count: (r) => r.toUpdate,
    appliesTo: ['UPDATE', 'UPSERT'],
    mainFor: ['UPDATE'],
  },
  {
    label: 'Create or update (HubSpot matches)',
    count: (r) => r.toCreateOrUpdate,
    appliesTo: ['UPSERT'],
    mainFor: ['UPSERT'],
  },
  { label: 'With problems', count: (r) => r.withProblems, appliesTo: ALL, mainFor: ALL },
  {
    label: 'No record (all its cells blank)',
    count: (r) => r.skipped,
    appliesTo: ALL,
    mainFor: ALL,
  },
]

/**
 * The outcome rows worth a line: "To create 0 / To update 0 / Create or update 12" read oddly, so
 * an outcome shows when some object has rows for it, or when it is what an object's operation does
 * (Create only always shows To create, even at 0).
 */
export function expectedCountsShown(rows: readonly ExpectedObjectResult[]): ExpectedCount[] {
  return EXPECTED_COUNTS.filter((outcome) =>
    rows.some(
      (row) =>
        outcome.mainFor.includes(row.operation) ||
        (outcome.appliesTo.includes(row.operation) && outcome.count(row) > 0),
    ),
  )
}

/** Says so when the whole file's dates fit another format better than the one chosen. */
export function DateFormatNote({ result, current }: { result: ScanResult; current: DateFormat }) {
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
