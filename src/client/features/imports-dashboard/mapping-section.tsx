// How an import's file was mapped, read back from the importRequestJson HubSpot returns with it
import { humanizeConstant } from '#client/lib/hubspot/error-types.ts'
import type { ImportRequestSummary } from '#client/lib/hubspot/import-request-json.ts'

const OPERATION_LABELS: Record<string, string> = {
  CREATE: 'Create new records only',
  UPDATE: 'Update existing records only',
  UPSERT: 'Create and update records',
}
const DATE_FORMAT_LABELS: Record<string, string> = {
  MONTH_DAY_YEAR: 'Month/day/year',
  DAY_MONTH_YEAR: 'Day/month/year',
  YEAR_MONTH_DAY: 'Year/month/day',
}

export function MappingSection({ summary }: { summary: ImportRequestSummary | undefined }) {
  return (
    <section className="panel" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">How the file was mapped</h2>
      {!summary ? (
        <p className="muted">HubSpot did not return the settings this import was started with.</p>
      ) : (
        <>
          <dl className="pairs">
            {summary.fileNames.length > 0 && (
              <div>
                <dt>File</dt>
                <dd>{summary.fileNames.join(', ')}</dd>
              </div>
            )}
            {summary.operations.map((entry) => (
              <div key={entry.objectTypeId}>
                <dt>{entry.objectLabel}</dt>
                <dd>{OPERATION_LABELS[entry.operation] ?? humanizeConstant(entry.operation)}</dd>
              </div>
            ))}
            <div>
              <dt>Date format</dt>
              <dd>
                {summary.dateFormat
                  ? (DATE_FORMAT_LABELS[summary.dateFormat] ?? summary.dateFormat)
                  : 'Month/day/year (HubSpot’s default)'}
              </dd>
            </div>
          </dl>
          {summary.columns.length > 0 ? (
            <table>
              <caption className="visually-hidden">Columns and the properties they fill</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Object</th>
                  <th scope="col">Property</th>
                </tr>
              </thead>
              <tbody>
                {summary.columns.map((column, index) => (
                  <tr key={index}>
                    <th scope="row">{column.columnName}</th>
                    <td>{column.objectLabel ?? '—'}</td>
                    <td>
                      {column.ignored || !column.propertyName ? (
                        <span className="muted">Not imported</span>
                      ) : (
                        <code>{column.propertyName}</code>
                      )}
                      {column.columnType && column.columnType !== 'STANDARD' && (
                        <span className="muted"> ({humanizeConstant(column.columnType)})</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No column mappings were recorded.</p>
          )}
        </>
      )}
    </section>
  )
}
