// localStorage and sessionStorage, or undefined where the browser blocks them (sandboxed iframes)

/** Reading `window.localStorage` itself throws when storage is blocked; callers then do without. */
export function browserStorage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind]
  } catch {
    return undefined
  }
}
