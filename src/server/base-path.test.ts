/**
 * BASE_PATH: a proxy mounted under /tools/import serves the page (with its <base href>), the
 * assets and the API there, and nothing of them at the root; the probes stay at the root.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importForm, REQUESTED_BY, startTestProxy, useSimulatorAndProxy } from './test-helpers.ts'

const BASE = '/tools/import'
let clientDir: string

const servers = useSimulatorAndProxy({
  proxy: async () => {
    clientDir = await mkdtemp(path.join(tmpdir(), 'proxy-client-'))
    await mkdir(path.join(clientDir, 'assets'))
    await writeFile(
      path.join(clientDir, 'index.html'),
      '<!doctype html><html><head><script src="./assets/app-1234.js"></script></head></html>',
    )
    await writeFile(path.join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)\n')
    return { clientDir, basePath: BASE }
  },
})
afterAll(async () => {
  await rm(clientDir, { recursive: true, force: true })
})

const at = (pathname: string) => `${servers.proxy.url}${pathname}`

describe('under the base path', () => {
  it.each([`${BASE}/`, `${BASE}/index.html`, `${BASE}/imports/12`, `${BASE}/new?reimport=3`])(
    '%s is index.html with <base href> set to the base path',
    async (pathname) => {
      const response = await fetch(at(pathname))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('content-security-policy')).toContain("base-uri 'self'")
      expect(await response.text()).toBe(
        '<!doctype html><html><head><base href="/tools/import/" />' +
          '<script src="./assets/app-1234.js"></script></head></html>',
      )
    },
  )

  it('redirects the base path without its slash, so relative URLs resolve under it', async () => {
    const response = await fetch(at(BASE), { redirect: 'manual' })
    expect(response.status).toBe(308)
    expect(response.headers.get('location')).toBe(`${BASE}/`)
  })

  it('serves the assets, immutable', async () => {
    const response = await fetch(at(`${BASE}/assets/app-1234.js`))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('immutable')
    expect(await response.text()).toBe('console.log(1)\n')
  })

  it('answers the API: config, a HubSpot read, and a create with the CSRF rules', async () => {
    const config = await fetch(at(`${BASE}/api/config`))
    expect(config.status).toBe(200)
    expect(await config.json()).toMatchObject({ mode: 'simulator' })

    const list = await fetch(at(`${BASE}/api/hubspot/crm/v3/imports`))
    expect(list.status).toBe(200)

    const refused = await fetch(at(`${BASE}/api/hubspot/crm/v3/imports`), {
      method: 'POST',
      body: importForm(),
    })
    expect(refused.status).toBe(403)
    const created = await fetch(at(`${BASE}/api/hubspot/crm/v3/imports`), {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(),
    })
    expect(created.status).toBe(200)
    expect(await servers.simulator.requests()).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/crm/v3/imports' }),
    )
  })

  it('answers an unknown API path with the API 404', async () => {
    const response = await fetch(at(`${BASE}/api/nothing`))
    expect(response.status).toBe(404)
    expect(await response.text()).toContain('No such API route.')
  })
})

describe('at the root', () => {
  it.each([
    '/',
    '/index.html',
    '/assets/app-1234.js',
    '/api/config',
    '/api/hubspot/crm/v3/imports',
  ])('%s is not served', async (pathname) => {
    const response = await fetch(at(pathname))
    expect(response.status).toBe(404)
  })

  it('keeps the health probes', async () => {
    expect((await fetch(at('/healthz'))).status).toBe(200)
  })

  it('a proxy without BASE_PATH gives index.html <base href="/">', async () => {
    const rooted = await startTestProxy(servers.simulator, { clientDir })
    try {
      const html = await (await fetch(`${rooted.url}/imports/12`)).text()
      expect(html).toContain('<head><base href="/" />')
    } finally {
      await rooted.close()
    }
  })
})
