// The tool embedded in another app: framing allowed only for the parent origin, and the finished message posted to it
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures.ts'

/**
 * The import page embedded in an iframe of a parent page on another loopback origin. Nothing is
 * mocked: the parent is a real HTTP server, the app is the real proxy, the import runs in the
 * simulator.
 *
 * The worker's e2e proxy keeps the default FRAME_ANCESTORS ('self'), so the first test checks that
 * it refuses a foreign parent. The second starts a second real proxy (same code, same simulator)
 * configured with FRAME_ANCESTORS for the parent, and checks the page inside the iframe posts
 * `hubspot-import:finished` to the parent when the import ends.
 */

const EMBED_ROWS = [
  ['Email', 'First name'],
  ['embed1@example.com', 'Ann'],
  ['embed2@example.com', 'Ben'],
]

/** A parent page on 127.0.0.1:<free port> that iframes `frameUrl` and records its messages. */
async function startParent(frameUrl: (parentOrigin: string) => string) {
  let origin = ''
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html>
<title>CRM admin</title>
<h1>Parent page</h1>
<script>
  window.received = []
  window.addEventListener('message', (event) => {
    window.received.push({ origin: event.origin, data: event.data })
  })
</script>
<iframe title="Import" src="${frameUrl(origin)}" width="1000" height="700"></iframe>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

test('the import page refuses to be framed by a foreign origin (CSP frame-ancestors)', async ({
  app,
  page,
  request,
  simulator,
}) => {
  const id = await simulator.startImport('Framed elsewhere', ['email', 'firstname'], EMBED_ROWS)
  const response = await request.get(`${app.url}/imports/${id}`)
  expect(response.ok()).toBe(true)
  expect(response.headers()['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/)

  const parent = await startParent(
    (origin) => `${app.url}/imports/${id}?embedParentOrigin=${encodeURIComponent(origin)}`,
  )
  try {
    const refused = page.waitForEvent('console', {
      predicate: (message) => /frame-ancestors/.test(message.text()),
    })
    await page.goto(parent.origin)
    await expect(page.getByRole('heading', { name: 'Parent page' })).toBeVisible()
    await refused
    // the app never rendered inside the foreign frame
    await expect(
      page.frameLocator('iframe[title="Import"]').getByRole('link', { name: '← All imports' }),
    ).toHaveCount(0)
  } finally {
    await parent.close()
  }
})

test('embedded by an allowed parent, the page posts hubspot-import:finished to it', async ({
  page,
  simulator,
  startProxyWith,
}) => {
  await simulator.configure({ holdProcessing: true })
  const id = await simulator.startImport('Embedded import', ['email', 'firstname'], EMBED_ROWS)

  // the parent's port is known only once it listens: the iframe URL is built per request
  let proxyUrl = ''
  const parent = await startParent(
    (origin) => `${proxyUrl}/imports/${id}?embedParentOrigin=${encodeURIComponent(origin)}`,
  )
  // a second real proxy on a free port, allowed to be framed by the parent
  const proxy = await startProxyWith({ FRAME_ANCESTORS: `'self' ${parent.origin}` })
  proxyUrl = proxy.url
  try {
    const framable = await fetch(`${proxy.url}/imports/${id}`)
    expect(framable.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' ${parent.origin}`,
    )

    // this browser started the import: that is what makes the page announce it
    await page.goto(`${proxy.url}/`)
    await page.evaluate((importId) => {
      localStorage.setItem('started-imports', JSON.stringify([{ id: importId, notified: false }]))
    }, id)

    await page.goto(parent.origin)
    const frame = page.frameLocator('iframe[title="Import"]')
    await expect(frame.getByRole('status', { name: 'Import state' })).toContainText('Importing')

    await simulator.configure({ holdProcessing: false })
    await expect(frame.getByRole('status', { name: 'Import state' })).toContainText('Done')
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received))
      .toEqual([
        {
          origin: proxy.url,
          data: expect.objectContaining({
            type: 'hubspot-import:finished',
            importId: id,
            state: 'DONE',
            counters: expect.any(Object),
          }),
        },
      ])
  } finally {
    await proxy.close()
    await parent.close()
  }
})
