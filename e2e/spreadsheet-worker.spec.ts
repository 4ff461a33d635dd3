// The shared .xlsx reader in a browser worker under the app's CSP: dates, numbers, large workbooks
import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { build } from 'vite'
// the page must run under the proxy's own CSP, which only the server defines
// eslint-disable-next-line import-x/no-restricted-paths
import { contentSecurityPolicy } from '../src/server/security.ts'
import {
  CONTACTS_RECORDS,
  CONTACTS_SHEET,
  sheetBytes,
  workbookBytes,
} from '../src/shared/spreadsheet/test-workbooks.ts'

// The shared .xlsx reader in a real browser worker, built by Vite as the client is and served
// with the app's CSP: no Node API in what the browser runs, dates the same in any time zone.
let site: string
let server: Server
let url: string

test.beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'spreadsheet-worker-'))
  await build({
    root: join(import.meta.dirname, 'spreadsheet-worker'),
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: site, emptyOutDir: true },
  })
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' }
  server = createServer(async (request, response) => {
    // no icon: a 404 would read as an error in the console, which the tests watch for CSP refusals
    if (request.url === '/favicon.ico') return void response.writeHead(204).end()
    const path = join(
      site,
      new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'),
    )
    const found = path.startsWith(site) && (await stat(path).catch(() => undefined))?.isFile()
    if (!found) return void response.writeHead(404).end()
    response.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(["'self'"]),
    })
    response.end(await readFile(path))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  if (site) await rm(site, { recursive: true, force: true })
})

// far from UTC, where a date read through local time would move a day
test.use({ timezoneId: 'Pacific/Kiritimati' })

async function readInWorker(page: Page, bytes: Uint8Array) {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(url)
  const result = await page.evaluate(
    (base64) =>
      (window as unknown as { readInWorker(b: string): Promise<unknown> }).readInWorker(base64),
    Buffer.from(bytes).toString('base64'),
  )
  return { result, errors }
}

test('reads dates, numbers, accents and an empty row in a worker, as in Node', async ({ page }) => {
  const { result, errors } = await readInWorker(page, await sheetBytes(CONTACTS_SHEET, 'Contacts'))
  expect(result).toEqual({ sheetNames: ['Contacts'], records: CONTACTS_RECORDS })
  expect(errors).toEqual([])
})

test('reads a workbook large enough to be unzipped in worker threads of its own', async ({
  page,
}) => {
  // text that barely compresses keeps the ZIP over 512 KB, where the unzipper uses workers
  let seed = 1
  const letter = () =>
    'abcdefghijklmnopqrstuvwxyz0123456789'[(seed = (seed * 48271) % 2147483647) % 36]
  const rows = Array.from({ length: 3_000 }, (_, i) => [
    `person${i}@example.com`,
    Array.from({ length: 300 }, letter).join(''),
    i * 1.5,
  ])
  const bytes = await sheetBytes([['Email', 'Notes', 'Score'], ...rows])
  expect(bytes.length).toBeGreaterThan(512 * 1024)
  const { result } = await readInWorker(page, bytes)
  const records = (result as { records: { cells: string[]; lineNumber: number }[] }).records
  expect(records).toHaveLength(3_001)
  expect(records.at(-1)).toEqual({
    lineNumber: 3_001,
    cells: ['person2999@example.com', rows.at(-1)?.[1], '4498.5'],
  })
})

test('lists every sheet, and refuses an .xls workbook with its own message', async ({ page }) => {
  const two = await workbookBytes([
    { name: 'Contacts', data: [['Email']] },
    { name: 'Notes', data: [['Text']] },
  ])
  expect((await readInWorker(page, two)).result).toMatchObject({
    sheetNames: ['Contacts', 'Notes'],
  })
  const xls = new Uint8Array([
    0xd0,
    0xcf,
    0x11,
    0xe0,
    0xa1,
    0xb1,
    0x1a,
    0xe1,
    ...new Array(504).fill(0),
  ])
  expect((await readInWorker(page, xls)).result).toEqual({
    error: 'XLS_NOT_SUPPORTED',
    message:
      'upload.xlsx is an Excel 97–2003 workbook (.xls), which cannot be read: save it as an Excel workbook (.xlsx) or as CSV and choose it again.',
  })
})
