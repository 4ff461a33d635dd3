// The Chromium that tests and the bench launch (CHROMIUM_PATH, a system one, Playwright's), its flags
import { execFileSync } from 'node:child_process'

/** Flags for a headless Chromium that runs as root and does not stall on a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** CHROMIUM_PATH, else a system Chromium (Debian's `chromium`), else Playwright's own browser. */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim()
      if (found) return found
    } catch {
      // not on PATH
    }
  }
  return undefined
}
