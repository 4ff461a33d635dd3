/**
 * `npm run bench`: time to parse, map and check every row of generated 100,000- and
 * 1,000,000-row contact files in headless Chromium, next to plain papaparse on the same file in
 * the same run, with the longest main-thread task and the renderer's peak memory. Prints numbers;
 * asserts nothing (targets live in the issue notes, not in timed tests).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { chromiumExecutable, CHROMIUM_ARGS } from '../chromium.ts'
import { generateContactsCsv } from './generate-csv.ts'

const root = resolve(import.meta.dirname, '../..')
const workDir = join(root, '.bench')
const siteDir = join(workDir, 'site')
const sizes = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number)
const rounds = Number(process.env.BENCH_ROUNDS ?? 1)

async function buildBenchPage() {
  await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: siteDir, emptyOutDir: true },
  })
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

/** Peak resident memory (VmHWM) of the renderer processes under a browser process, in MB. */
function rendererPeakMb(browserPid: number): number {
  const parentOf = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parentOf.set(Number(entry), ppid)
    } catch {
      // the process ended while we looked
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === browserPid) return true
    }
    return false
  }
  let peak = 0
  for (const pid of parentOf.keys()) {
    if (!descends(pid)) continue
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (hwm?.[1]) peak = Math.max(peak, Number(hwm[1]) / 1024)
    } catch {
      // gone
    }
  }
  return peak
}

interface Measurement {
  rows: number
  totalMs: number
  longestTaskMs: number
  longestGapMs: number
  rowsWithProblems?: number
  problemCounts?: Record<string, number>
  mapping?: string
  rendererPeakMb: number
}

async function measure(
  url: string,
  csvPath: string,
  scenario: 'plainPapaparse' | 'wizardPipeline',
): Promise<Measurement> {
  const executablePath = chromiumExecutable()
  const server = await chromium.launchServer({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  })
  try {
    const browser = await chromium.connect(server.wsEndpoint())
    const page = await browser.newPage()
    await page.goto(url)
    await page.getByLabel('CSV file').setInputFiles(csvPath)
    const result = await page.evaluate(
      (name) =>
        (window as unknown as { bench: Record<string, () => Promise<unknown>> }).bench[name]!(),
      scenario,
    )
    const peakMb = rendererPeakMb(server.process().pid!)
    await browser.close()
    return { ...(result as Omit<Measurement, 'rendererPeakMb'>), rendererPeakMb: peakMb }
  } finally {
    await server.close()
  }
}

const fmt = (value: number | undefined, digits = 0) =>
  value === undefined ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits })

async function main() {
  mkdirSync(workDir, { recursive: true })
  console.log('Building the benchmark page…')
  await buildBenchPage()
  const server = await serve(siteDir)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const lines: string[] = []
  for (const rows of sizes) {
    const csvPath = join(workDir, `contacts-${rows}.csv`)
    if (!existsSync(csvPath)) {
      console.log(`Generating ${rows.toLocaleString('en-US')} rows…`)
      await generateContactsCsv(csvPath, rows)
    }
    const mb = statSync(csvPath).size / 1e6
    for (let round = 1; round <= rounds; round++) {
      for (const scenario of ['plainPapaparse', 'wizardPipeline'] as const) {
        const r = await measure(url, csvPath, scenario)
        const line =
          `${fmt(rows)} rows (${fmt(mb, 1)} MB) ${scenario.padEnd(15)} ` +
          `total ${fmt(r.totalMs)} ms (${fmt(mb / (r.totalMs / 1000), 1)} MB/s), rows ${fmt(r.rows)}` +
          (r.rowsWithProblems !== undefined
            ? `, rows with problems ${fmt(r.rowsWithProblems)}`
            : '') +
          `, longest main-thread task ${fmt(r.longestTaskMs)} ms, longest heartbeat gap ${fmt(r.longestGapMs)} ms` +
          `, renderer peak ${fmt(r.rendererPeakMb)} MB`
        console.log(line)
        if (r.mapping)
          console.log(`  mapping: ${r.mapping}\n  problems: ${JSON.stringify(r.problemCounts)}`)
        lines.push(line)
      }
    }
  }
  server.close()
  console.log('\nSummary\n' + lines.join('\n'))
}

await main()
