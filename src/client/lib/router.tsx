// A tiny history-API router: the app's paths, navigation, and in-page links
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'
import { withBase, withoutBase } from './base-path.ts'

/**
 * A tiny history-API router: three pages do not need a routing library. The proxy serves
 * index.html for every non-API path, so deep links and reloads work. Routes and `paths` are
 * the app's own (`/new`); the base path (base-path.ts) is added and removed at the browser's edge.
 */
export type Route =
  | { page: 'imports' }
  | { page: 'import'; importId: string }
  | { page: 'new'; reimportOf?: string }
  | { page: 'not-found' }

export const paths = {
  imports: () => '/',
  import: (importId: string) => `/imports/${encodeURIComponent(importId)}`,
  newImport: () => '/new',
  reimport: (importId: string) => `/new?reimport=${encodeURIComponent(importId)}`,
}

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '/imports') return { page: 'imports' }
  const detail = /^\/imports\/(\d+)\/?$/.exec(pathname)
  if (detail?.[1]) return { page: 'import', importId: detail[1] }
  if (pathname === '/new' || pathname === '/new/') {
    const reimportOf = new URLSearchParams(search).get('reimport') ?? undefined
    return reimportOf ? { page: 'new', reimportOf } : { page: 'new' }
  }
  return { page: 'not-found' }
}

const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}
const snapshot = () => withoutBase(window.location.pathname) + window.location.search

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, '', withBase(to))
  else window.history.pushState(null, '', withBase(to))
  listeners.forEach((listener) => listener())
}

/** The current path and query string, e.g. `/new?reimport=7`. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, snapshot)
}

export function useRoute(): Route {
  const url = new URL(useLocation(), 'http://local')
  return parseRoute(url.pathname, url.search)
}

/** An anchor that navigates in-page; modified clicks (new tab) keep the browser's behaviour. */
export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={withBase(href)} onClick={handleClick} {...rest} />
}
