// Saves the wizard's import in progress in IndexedDB and brings it back on the next visit
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { useEffect, useRef } from 'react'
import type { WizardState } from './wizard-state.ts'

const DRAFT_KEY = 'draft'
const SAVE_DELAY_MS = 300
const VERSION = 1

interface SavedDraft {
  version: number
  savedAt: string
  state: WizardState
}

let store: UseStore | undefined
// created lazily: jsdom and old browsers have no indexedDB, and then the wizard just doesn't persist
function draftStore(): UseStore | undefined {
  if (typeof indexedDB === 'undefined') return undefined
  store ??= createStore('hubspot-import-wizard', 'drafts')
  return store
}

/** The import in progress from an earlier visit, if any (the File comes back as a File). */
export async function loadDraft(): Promise<WizardState | undefined> {
  const target = draftStore()
  if (!target) return undefined
  try {
    const saved = await get<SavedDraft>(DRAFT_KEY, target)
    if (!saved || saved.version !== VERSION || !saved.state?.step) return undefined
    // nothing worth restoring before a file was chosen
    if (!saved.state.source) return undefined
    return saved.state
  } catch (error) {
    console.warn('Could not read the saved import in progress', error)
    return undefined
  }
}

export async function saveDraft(state: WizardState): Promise<void> {
  const target = draftStore()
  if (!target) return
  const saved: SavedDraft = { version: VERSION, savedAt: new Date().toISOString(), state }
  await set(DRAFT_KEY, saved, target)
}

export async function clearDraft(): Promise<void> {
  const target = draftStore()
  if (!target) return
  await del(DRAFT_KEY, target)
}

/**
 * Saves the wizard state shortly after each change, once more when the page is hidden so a reload
 * right after typing keeps the last keystroke, and at once when the wizard unmounts with a change
 * not saved yet (another page opened, or an error boundary took its place).
 */
export function useAutosave(state: WizardState, enabled: boolean) {
  const latest = useRef(state)
  const unsaved = useRef(false)
  useEffect(() => {
    latest.current = state
    if (!enabled) return
    unsaved.current = true
    const timer = setTimeout(() => {
      unsaved.current = false
      saveDraft(state).catch((error: unknown) =>
        console.warn('Could not save the import in progress', error),
      )
    }, SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [state, enabled])

  useEffect(() => {
    if (!enabled) return
    const save = () => {
      unsaved.current = false
      void saveDraft(latest.current).catch(() => {})
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save()
    }
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('pagehide', save)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('pagehide', save)
      if (unsaved.current) save()
    }
  }, [enabled])
}
