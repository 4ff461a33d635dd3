// The file's problems: errors that block the next step, then the warnings
import { IssueList } from '#client/components/ui/issue-list.tsx'
import type { FileIssue } from '../core/file-issue.ts'

export function FileIssues({ issues }: { issues: readonly FileIssue[] }) {
  return (
    <IssueList
      issues={issues}
      errorTitle="This file can't be imported yet:"
      warningTitle="Good to know:"
    />
  )
}
