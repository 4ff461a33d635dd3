// No HubSpot token in the built client or in anything the browser loads
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, test } from './fixtures.ts'

const distDir = resolve(import.meta.dirname, '../dist/client')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

// `npm test` builds the client with HUBSPOT_ACCESS_TOKEN set to this canary (see package.json)
const BUILD_CANARY = 'pat-canary-must-never-reach-the-browser'

test('no token reaches the built client or the pages the browser loads', async ({
  page,
  simulator,
}) => {
  const files = filesUnder(distDir)
  expect(files.length).toBeGreaterThan(1)
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toContain(BUILD_CANARY)
    expect(text, file).not.toContain(simulator.token)
    // no source maps in production: neither the files nor a pointer to them
    expect(file).not.toMatch(/\.map$/)
    expect(text, file).not.toContain('sourceMappingURL')
  }

  const bodies: string[] = []
  page.on('response', async (response) => {
    bodies.push(JSON.stringify(await response.allHeaders()))
    bodies.push(await response.text().catch(() => ''))
  })
  await page.goto('/')
  await page.goto('/new')
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(bodies.length).toBeGreaterThan(2)
  for (const body of bodies) expect(body).not.toContain(simulator.token)
})
