// The path the app is served under (the proxy's BASE_PATH), read from the page's <base href>

/**
 * `/tools/import/` when the proxy serves the app under a sub-path, `/` at the root or without a
 * `<base>` (the Vite dev server). Always ends with a slash.
 */
export function appBase(
  doc: Pick<Document, 'querySelector'> | undefined = globalThis.document,
): string {
  const href = doc?.querySelector('base')?.getAttribute('href') ?? '/'
  const path = href.startsWith('/') ? href : '/'
  return path.endsWith('/') ? path : `${path}/`
}

/** An app path (`/new`, `/api/config`) as the browser sees it: `/tools/import/new`. */
export function withBase(appPath: string, base = appBase()): string {
  return `${base}${appPath.replace(/^\//, '')}`
}

/** The browser's path less the base: `/tools/import/new` → `/new`; outside the base, unchanged. */
export function withoutBase(pathname: string, base = appBase()): string {
  if (base === '/') return pathname
  if (pathname === base.slice(0, -1)) return '/'
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname
}
