// The last line of defence: a render error anywhere in a page shows this instead of a blank tool
import type { ReactNode } from 'react'
import { ErrorBoundary } from 'react-error-boundary'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { Link, paths } from '#client/lib/router.tsx'

/**
 * Around the page under the header, so the navigation stays usable. Opening another page retries
 * on its own (`pageKey`); "Try again" renders the page anew. The wizard saves the import in
 * progress in this browser as it goes (and once more as it unmounts), so a retried wizard comes
 * back where it was.
 */
export function AppErrorBoundary({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  return (
    <ErrorBoundary
      resetKeys={[pageKey]}
      fallbackRender={({ error, resetErrorBoundary }) => (
        <section role="alert" aria-labelledby="app-error-heading">
          <h1 id="app-error-heading">Something went wrong on this page</h1>
          <p>{getErrorMessage(error)}</p>
          <p>An import in progress in the wizard is saved in this browser and is not lost.</p>
          <div className="toolbar">
            <button type="button" onClick={() => resetErrorBoundary()}>
              Try again
            </button>
            <Link href={paths.imports()}>Go to the imports list</Link>
          </div>
        </section>
      )}
    >
      {children}
    </ErrorBoundary>
  )
}
