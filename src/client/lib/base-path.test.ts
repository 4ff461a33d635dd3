// base-path: the base read from <base href>, and app paths turned into the browser's and back
import { describe, expect, it } from 'vitest'
import { appBase, withBase, withoutBase } from './base-path.ts'

const withBaseTag = (href: string | null) => ({
  querySelector: () => (href === null ? null : { getAttribute: () => href }),
})

describe('appBase', () => {
  it.each<[string, string | null, string]>([
    ['no <base> (the Vite dev server)', null, '/'],
    ['the root', '/', '/'],
    ['a sub-path', '/tools/import/', '/tools/import/'],
    ['a sub-path without its slash', '/tools/import', '/tools/import/'],
    ['an absolute URL (never set by the proxy)', 'https://evil.example/', '/'],
  ])('%s', (_name, href, expected) => {
    expect(appBase(withBaseTag(href) as never)).toBe(expected)
  })

  it('is / without a document (workers, node)', () => {
    expect(appBase(undefined)).toBe('/')
  })
})

describe('withBase and withoutBase', () => {
  it.each([
    ['/', '/', '/'],
    ['/new', '/', '/new'],
    ['/', '/tools/import/', '/tools/import/'],
    ['/new?reimport=3', '/tools/import/', '/tools/import/new?reimport=3'],
    ['/api/hubspot/crm/v3/imports', '/tools/import/', '/tools/import/api/hubspot/crm/v3/imports'],
  ])('%s under %s is %s', (appPath, base, browserPath) => {
    expect(withBase(appPath, base)).toBe(browserPath)
  })

  it.each([
    ['/tools/import/imports/7', '/tools/import/', '/imports/7'],
    ['/tools/import/', '/tools/import/', '/'],
    ['/tools/import', '/tools/import/', '/'],
    ['/elsewhere', '/tools/import/', '/elsewhere'],
    ['/imports/7', '/', '/imports/7'],
  ])('%s less %s is %s', (browserPath, base, appPath) => {
    expect(withoutBase(browserPath, base)).toBe(appPath)
  })
})
