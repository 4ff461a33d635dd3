// The notice that one of the user's own imports has finished
import type { PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import { Link, paths } from '#client/lib/router.tsx'
import { useImportFinishedNotice } from './use-import-finished-notice.ts'

// the live region stays mounted so screen readers announce notices added to it
export function ImportFinishedNotice({
  imports,
  currentId,
}: {
  imports: readonly PublicImportResponse[]
  /** the import on screen: its notice needs no link to the page the person is already on */
  currentId?: string
}) {
  const { notices, dismiss } = useImportFinishedNotice(imports)
  return (
    <div role="status" aria-live="polite">
      {notices.map((notice) => (
        <div className="notice" key={notice.id}>
          <span>
            {notice.text}{' '}
            {notice.id === currentId ? (
              'The results are below.'
            ) : (
              <Link href={paths.import(notice.id)}>Open import {notice.id}</Link>
            )}
          </span>
          <button type="button" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
