import { useCallback, useEffect, useRef, useState } from 'react'
import {
  isTerminalState,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'

/** Imports started in this browser (by the wizard), so only the user's own imports announce themselves. */
export const STARTED_IMPORTS_KEY = 'started-imports'
const EMBED_ORIGIN_KEY = 'embed-parent-origin'
const MAX_REMEMBERED = 100

export interface StartedImport {
  id: string
  /** the finish was announced already (in any tab of this browser) */
  notified: boolean
}

const safeStorage = (kind: 'localStorage' | 'sessionStorage'): Storage | undefined => {
  try {
    return globalThis[kind]
  } catch {
    return undefined
  }
}

export function readStartedImports(storage = safeStorage('localStorage')): StartedImport[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STARTED_IMPORTS_KEY) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.flatMap((entry: unknown): StartedImport[] => {
      if (typeof entry === 'string') return [{ id: entry, notified: false }]
      if (typeof entry === 'object' && entry !== null && 'id' in entry) {
        const { id, notified } = entry as { id: unknown; notified?: unknown }
        return typeof id === 'string' ? [{ id, notified: notified === true }] : []
      }
      return []
    })
  } catch {
    return []
  }
}

function writeStartedImports(entries: StartedImport[], storage = safeStorage('localStorage')) {
  try {
    storage?.setItem(STARTED_IMPORTS_KEY, JSON.stringify(entries.slice(-MAX_REMEMBERED)))
  } catch {
    // blocked storage: the notice is a convenience
  }
}

/** The wizard calls this right after HubSpot accepted a new import. */
export function rememberStartedImport(
  importId: string,
  storage = safeStorage('localStorage'),
): void {
  const entries = readStartedImports(storage).filter((entry) => entry.id !== importId)
  writeStartedImports([...entries, { id: importId, notified: false }], storage)
}

export function markImportsNotified(ids: readonly string[], storage = safeStorage('localStorage')) {
  const entries = readStartedImports(storage).map((entry) =>
    ids.includes(entry.id) ? { ...entry, notified: true } : entry,
  )
  writeStartedImports(entries, storage)
}

/** The user's own imports that have finished and were not announced yet. */
export function newlyFinished<T extends Pick<PublicImportResponse, 'id' | 'state'>>(
  started: readonly StartedImport[],
  imports: readonly T[],
): T[] {
  const pending = new Set(started.filter((entry) => !entry.notified).map((entry) => entry.id))
  return imports.filter((item) => pending.has(item.id) && isTerminalState(item.state))
}

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
  const session = safeStorage('sessionStorage')
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
