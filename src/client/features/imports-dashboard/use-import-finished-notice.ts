// Announces the user's own imports as they finish: a notice, the tab title, a message to the embedding page
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import { browserStorage } from '#client/lib/browser-storage.ts'
import {
  markImportsNotified,
  newlyFinished,
  readStartedImports,
} from '#client/lib/started-imports.ts'

const EMBED_ORIGIN_KEY = 'embed-parent-origin'

/** An origin the parent can be trusted to be: http(s), nothing but scheme, host and port. */
export function asOrigin(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/**
 * Where the finished message may go: the `embedParentOrigin` query parameter (remembered for the
 * session, since in-app navigation drops it), else the referrer's origin; never '*'.
 */
export function resolveParentOrigin(
  search: string,
  referrer: string,
  remembered: string | null | undefined,
): string | undefined {
  const fromQuery = new URLSearchParams(search).get('embedParentOrigin')
  if (fromQuery !== null) return asOrigin(fromQuery)
  return asOrigin(remembered) ?? asOrigin(referrer)
}

export interface FinishedMessage {
  type: 'hubspot-import:finished'
  importId: string
  state: string
  counters: Record<string, number>
}

export const finishedMessage = (
  item: Pick<PublicImportResponse, 'id' | 'state' | 'metadata'>,
): FinishedMessage => ({
  type: 'hubspot-import:finished',
  importId: item.id,
  state: item.state,
  counters: { ...item.metadata.counters },
})

export function finishedText(
  item: Pick<PublicImportResponse, 'id' | 'state' | 'importName'>,
): string {
  const name = item.importName ? `“${item.importName}”` : `#${item.id}`
  const outcome: Record<string, string> = {
    DONE: 'has finished',
    FAILED: 'has failed',
    CANCELED: 'was cancelled',
    REVERTED: 'was reverted',
  }
  return `Import ${name} ${outcome[item.state] ?? 'has stopped'}.`
}

function parentOrigin(): string | undefined {
  const session = browserStorage('sessionStorage')
  let remembered: string | null | undefined
  try {
    remembered = session?.getItem(EMBED_ORIGIN_KEY)
  } catch {
    remembered = undefined
  }
  const origin = resolveParentOrigin(window.location.search, document.referrer, remembered)
  try {
    if (origin) session?.setItem(EMBED_ORIGIN_KEY, origin)
  } catch {
    // not remembered: the referrer still works
  }
  return origin
}

function postToParent(message: FinishedMessage) {
  if (window.parent === window) return
  const origin = parentOrigin()
  if (origin) window.parent.postMessage(message, origin)
}

/**
 * Announces the user's own imports as they finish: a notice (role="status"), the tab title, and a
 * message to the embedding page.
 */
export function useImportFinishedNotice(imports: readonly PublicImportResponse[]) {
  const [notices, setNotices] = useState<{ id: string; text: string }[]>([])
  const originalTitle = useRef<string | undefined>(undefined)

  useEffect(() => {
    // remember the embedding origin while the query parameter is still in the address
    if (window.parent !== window) parentOrigin()
  }, [])

  useEffect(() => {
    const finished = newlyFinished(readStartedImports(), imports)
    if (finished.length === 0) return
    markImportsNotified(finished.map((item) => item.id))
    const added = finished.map((item) => ({ id: item.id, text: finishedText(item) }))
    setNotices((current) => [
      ...current.filter((n) => !finished.some((f) => f.id === n.id)),
      ...added,
    ])
    originalTitle.current ??= document.title
    document.title = `✓ ${added.at(-1)?.text ?? 'Import finished'} — ${originalTitle.current}`
    for (const item of finished) postToParent(finishedMessage(item))
  }, [imports])

  useEffect(
    () => () => {
      if (originalTitle.current !== undefined) document.title = originalTitle.current
    },
    [],
  )

  const dismiss = useCallback((id: string) => {
    setNotices((current) => {
      const next = current.filter((notice) => notice.id !== id)
      if (next.length === 0 && originalTitle.current !== undefined) {
        document.title = originalTitle.current
        originalTitle.current = undefined
      }
      return next
    })
  }, [])

  return { notices, dismiss }
}
