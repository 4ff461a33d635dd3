// A list of problems: errors block the next step and are announced, warnings are shown only
export interface Issue {
  severity: 'error' | 'warning'
  message: string
}

export function IssueList({
  issues,
  errorTitle,
  warningTitle,
}: {
  issues: readonly Issue[]
  errorTitle?: string
  warningTitle?: string
}) {
  return (
    <>
      <IssueBlock
        severity="error"
        title={errorTitle}
        messages={issues.filter((i) => i.severity === 'error').map((i) => i.message)}
      />
      <IssueBlock
        severity="warning"
        title={warningTitle}
        messages={issues.filter((i) => i.severity === 'warning').map((i) => i.message)}
      />
    </>
  )
}

function IssueBlock({
  severity,
  title,
  messages,
}: {
  severity: Issue['severity']
  title: string | undefined
  messages: readonly string[]
}) {
  if (messages.length === 0) return null
  return (
    <div role={severity === 'error' ? 'alert' : undefined} className={`issues issues-${severity}`}>
      {title && (
        <p>
          <strong>{title}</strong>
        </p>
      )}
      <ul>
        {messages.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
    </div>
  )
}
