// Keeps a render error inside one part of a page from blanking the rest, with a way to try it again
import type { ReactNode } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import { getErrorMessage } from '#client/lib/api-client.ts'

/**
 * Wraps a part of a page (the problem grid, the row errors): when it throws while rendering, the
 * rest of the page stays usable and "Try again" renders the part anew. What the person did lives
 * above the boundary (the wizard's state, the query cache), so trying again loses nothing.
 */
export function SectionErrorBoundary({
  what,
  keeps,
  resetKeys,
  onReset,
  children,
}: {
  /** the part, as a sentence subject: "The rows with problems" */
  what: string
  /** what is still safe, said to the person: "Your fixes so far are kept." */
  keeps?: string
  /** values whose change retries on its own (another import opened, for example) */
  resetKeys?: unknown[]
  /** what to refresh before the retry (a failed query, for example) */
  onReset?: () => void
  children: ReactNode
}) {
  return (
    <ErrorBoundary
      resetKeys={resetKeys}
      onReset={onReset}
      fallbackRender={({ error, resetErrorBoundary }) => (
        <div role="alert" className="issues issues-error">
          <p>
            <strong>{what} could not be shown</strong> ({getErrorMessage(error)}).
            {keeps ? ` ${keeps}` : ''}
          </p>
          <button type="button" onClick={() => resetErrorBoundary()}>
            Try again
          </button>
        </div>
      )}
    >
      {children}
    </ErrorBoundary>
  )
}
