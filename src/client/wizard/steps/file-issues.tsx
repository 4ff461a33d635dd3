import type { FileIssue } from '../core/types.ts'

/** Errors block the next step and are announced; warnings are shown only. */
export function FileIssues({ issues }: { issues: readonly FileIssue[] }) {
  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  return (
    <>
      {errors.length > 0 && (
        <div role="alert" className="issues issues-error">
          <p>
            <strong>This file can't be imported yet:</strong>
          </p>
          <ul>
            {errors.map((issue) => (
              <li key={issue.code}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="issues issues-warning">
          <p>
            <strong>Good to know:</strong>
          </p>
          <ul>
            {warnings.map((issue) => (
              <li key={issue.code}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
