import type { FileIssue } from '#client/wizard/core/types.ts'

interface Issue {
  severity: 'error' | 'warning'
  message: string
}

/** Errors block the next step and are announced; warnings are shown only. */
export function IssueList({
  issues,
  errorTitle,
  warningTitle,
}: {
  issues: readonly Issue[]
  errorTitle: string
  warningTitle?: string
}) {
  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  return (
    <>
      {errors.length > 0 && (
        <div role="alert" className="issues issues-error">
          <p>
            <strong>{errorTitle}</strong>
          </p>
          <ul>
            {errors.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="issues issues-warning">
          {warningTitle && (
            <p>
              <strong>{warningTitle}</strong>
            </p>
          )}
          <ul>
            {warnings.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}

export function FileIssues({ issues }: { issues: readonly FileIssue[] }) {
  return (
    <IssueList
      issues={issues}
      errorTitle="This file can't be imported yet:"
      warningTitle="Good to know:"
    />
  )
}
