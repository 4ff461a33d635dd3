// Imports started in this browser (by the wizard), so only the user's own imports announce their finish
import {
  isTerminalState,
  type PublicImportResponse,
} from '#shared/hubspot/public-import-response.ts'
import { browserStorage } from './browser-storage.ts'

export const STARTED_IMPORTS_KEY = 'started-imports'
const MAX_REMEMBERED = 100

export interface StartedImport {
  id: string
  /** the finish was announced already (in any tab of this browser) */
  notified: boolean
}

export function readStartedImports(storage = browserStorage('localStorage')): StartedImport[] {
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

function writeStartedImports(entries: StartedImport[], storage = browserStorage('localStorage')) {
  try {
    storage?.setItem(STARTED_IMPORTS_KEY, JSON.stringify(entries.slice(-MAX_REMEMBERED)))
  } catch {
    // blocked storage: the notice is a convenience
  }
}

/** The wizard calls this right after HubSpot accepted a new import. */
export function rememberStartedImport(
  importId: string,
  storage = browserStorage('localStorage'),
): void {
  const entries = readStartedImports(storage).filter((entry) => entry.id !== importId)
  writeStartedImports([...entries, { id: importId, notified: false }], storage)
}

export function markImportsNotified(
  ids: readonly string[],
  storage = browserStorage('localStorage'),
) {
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
