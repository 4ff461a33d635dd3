/**
 * The wizard's own pipeline (inspect the head, auto-map, build the check plan, scan every row in
 * its worker) next to plain papaparse in a worker over the same File, on a bench page
 * (`bench-page.ts`) served apart from the app: the parser's own speed is the baseline the wizard is
 * held to.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join } from 'node:path'
import { build } from 'vite'
import { launchBrowser, rendererPeakMb } from './browser.ts'

export type ParseScenario = 'plainPapaparse' | 'wizardPipeline'

export interface ParseMeasurement {
  rows: number
  totalMs: number
  longestTaskMs: number
  longestGapMs: number
  rowsWithProblems?: number
  rendererPeakMb: number
}

export interface BenchPage {
  url: string
  close(): void
}

/** Builds the bench page into `siteDir` and serves it on a free port. */
export async function serveBenchPage(siteDir: string): Promise<BenchPage> {
  await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: siteDir, emptyOutDir: true },
  })
  const server = await serve(siteDir)
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => server.close(),
  }
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' }
  const server = createServer((req, res) => {
    const path = join(
      dir,
      new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html'),
    )
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' })
    res.end(readFileSync(path))
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

export async function measureParse(
  url: string,
  csvPath: string,
  scenario: ParseScenario,
): Promise<ParseMeasurement> {
  const browser = await launchBrowser()
  try {
    const page = await browser.browser.newPage()
    await page.goto(url)
    await page.getByLabel('CSV file').setInputFiles(csvPath)
    const result = await page.evaluate(
      (name) =>
        (window as unknown as { bench: Record<string, () => Promise<unknown>> }).bench[name]!(),
      scenario,
    )
    return {
      ...(result as Omit<ParseMeasurement, 'rendererPeakMb'>),
      rendererPeakMb: rendererPeakMb(browser.pid),
    }
  } finally {
    await browser.close()
  }
}
