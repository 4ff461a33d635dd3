// Embed mode: the app inside another app's frame, without its own header; asked for with ?embed=1 and kept for the tab's session
import { browserStorage } from './browser-storage.ts'

const EMBED_KEY = 'embed-mode'

/**
 * Whether the page runs embedded: `embed=1` turns it on and `embed=0` off; without the parameter,
 * what the session remembered (in-app links drop the query).
 */
export function resolveEmbedMode(search: string, remembered: string | null | undefined): boolean {
  const asked = new URLSearchParams(search).get('embed')
  if (asked === '1') return true
  if (asked === '0') return false
  return remembered === '1'
}

/** Reads the mode for this page load and remembers it for the session (where storage allows). */
export function readEmbedMode(): boolean {
  const session = browserStorage('sessionStorage')
  let remembered: string | null | undefined
  try {
    remembered = session?.getItem(EMBED_KEY)
  } catch {
    remembered = undefined
  }
  const embedded = resolveEmbedMode(window.location.search, remembered)
  try {
    session?.setItem(EMBED_KEY, embedded ? '1' : '0')
  } catch {
    // not remembered: the next page load without ?embed=1 shows the header again
  }
  return embedded
}
