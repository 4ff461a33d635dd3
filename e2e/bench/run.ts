/**
 * `npm run bench`: what people wait for in the built app, and the proxy and simulator under load.
 * Every figure is the median of BENCH_ROUNDS rounds (measurements that are compared run
 * interleaved in each round), printed next to its target from the performance issue, and written
 * to `.bench/results-<time>.json` and `.bench/latest.json` (plus `latest.md` for the README), with
 * the change against the previous `latest.json`. It asserts nothing: it is not a test. Knobs:
 * `knobs.ts` (BENCH_HELP=1 lists them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { measureFlow, type FlowMeasurement } from './app-flow.ts'
import { measureFileRead, workbookOfCsv, type FileReadMeasurement } from './excel-read.ts'
import { launchBrowser } from './browser.ts'
import { generateContactsCsv } from './generate-csv.ts'
import { measureGridScroll } from './grid-scroll.ts'
import { KNOB_HELP, parseKnobs, type Knobs, type Section } from './knobs.ts'
import { measureParse, serveBenchPage, type ParseMeasurement } from './parse-compare.ts'
import { measurePollers } from './pollers.ts'
import { SimulatorControl } from '../../src/shared/testing/simulator-control.ts'
import { ROOT, SIMULATOR_TOKEN, startProxy, startSimulator } from './processes.ts'
import {
  measurePassThrough,
  measureProxyUpload,
  startSink,
  type UploadMeasurement,
} from './proxy-upload.ts'
import {
  figure,
  formatMarkdown,
  formatTable,
  unmetTargets,
  type BenchResults,
  type Figure,
  type Target,
} from './report.ts'
import { measureSimulatorSpeed } from './simulator-speed.ts'

const workDir = join(ROOT, '.bench')
/** bump when generate-csv.ts changes what it writes, so stale files are not reused */
const DATA_VERSION = 1

const TARGETS = {
  longestTaskMs: { op: '<=', value: 50 },
  firstPreviewMs: { op: '<=', value: 100 },
  rendererPeakPerFileSize: { op: '<=', value: 2 },
  // 60 frames per second: rAF runs at 60 Hz, so at most about one frame in sixty may be dropped
  gridFps: { op: '>=', value: 59 },
  uploadRatio: { op: '>=', value: 0.9 },
  uploadRssGrowthMb: { op: '<=', value: 64 },
  pollerCallsPerInterval: { op: '<=', value: 1 },
} satisfies Record<string, Target>

/** The wizard's time against plain papaparse on the same file: the issue's targets by size. */
function ratioTarget(rows: number): Target | undefined {
  if (rows >= 1_000_000) return { op: '<=', value: 1.2 }
  if (rows >= 100_000) return { op: '<=', value: 1.5 }
  return undefined
}

const count = (n: number) => n.toLocaleString('en-US')
const log = (line: string) => console.log(line)

async function dataFile(name: string, rows: number, badEmailEvery = 0): Promise<string> {
  const path = join(workDir, `${name}-${rows}.v${DATA_VERSION}.csv`)
  if (!existsSync(path)) {
    log(`Generating ${path} (${count(rows)} rows)…`)
    await generateContactsCsv(path, rows, { badEmailEvery })
  }
  return path
}

/** Per-round values of one field. */
const each = <T, K extends keyof T>(rounds: T[], key: K) => rounds.map((r) => Number(r[key]))

async function parseSection(knobs: Knobs, figures: Figure[], plainByRows: Map<number, number[]>) {
  log('\n== Wizard pipeline vs plain papaparse (bench page) ==')
  const page = await serveBenchPage(join(workDir, 'site'))
  try {
    for (const rows of knobs.rows) {
      const csv = await dataFile('contacts', rows)
      const plain: ParseMeasurement[] = []
      const pipeline: ParseMeasurement[] = []
      for (let round = 0; round < knobs.rounds; round++) {
        // alternate the order, so neither side always runs on a warmer machine
        const order =
          round % 2 === 0 ? (['plain', 'pipeline'] as const) : (['pipeline', 'plain'] as const)
        for (const side of order) {
          const result = await measureParse(
            page.url,
            csv,
            side === 'plain' ? 'plainPapaparse' : 'wizardPipeline',
          )
          ;(side === 'plain' ? plain : pipeline).push(result)
          log(
            `  ${count(rows)} rows, ${side.padEnd(8)} ${Math.round(result.totalMs)} ms, longest task ` +
              `${Math.round(result.longestTaskMs)} ms, renderer peak ${Math.round(result.rendererPeakMb)} MB`,
          )
        }
      }
      const n = count(rows)
      plainByRows.set(rows, each(plain, 'totalMs'))
      figures.push(
        figure(`parse.${rows}.plainMs`, `plain papaparse, ${n} rows`, 'ms', each(plain, 'totalMs')),
        figure(
          `parse.${rows}.pipelineMs`,
          `wizard pipeline, ${n} rows`,
          'ms',
          each(pipeline, 'totalMs'),
        ),
        figure(
          `parse.${rows}.ratio`,
          `wizard pipeline ÷ plain papaparse, ${n} rows`,
          '×',
          pipeline.map((p, i) => p.totalMs / plain[i]!.totalMs),
          ratioTarget(rows),
        ),
        figure(
          `parse.${rows}.longestTaskMs`,
          `wizard pipeline: longest main-thread task, ${n} rows`,
          'ms',
          each(pipeline, 'longestTaskMs'),
          TARGETS.longestTaskMs,
        ),
        figure(
          `parse.${rows}.rendererPeakMb`,
          `wizard pipeline: renderer peak, ${n} rows`,
          'MB',
          each(pipeline, 'rendererPeakMb'),
        ),
      )
    }
  } finally {
    page.close()
  }
}

async function withApp<T>(
  work: (appUrl: string, proxyPid: number, control: SimulatorControl) => Promise<T>,
) {
  const simulator = await startSimulator()
  const proxy = await startProxy(simulator.url)
  try {
    return await work(
      proxy.url,
      proxy.pid,
      new SimulatorControl({ url: simulator.url, token: SIMULATOR_TOKEN }),
    )
  } finally {
    await proxy.stop()
    await simulator.stop()
  }
}

async function flowSection(knobs: Knobs, figures: Figure[], plainByRows: Map<number, number[]>) {
  log('\n== The wizard in the built app: file → preview → mapping → check → edits → import ==')
  await withApp(async (appUrl, proxyPid, control) => {
    for (const rows of knobs.rows) {
      const csv = await dataFile('contacts', rows)
      const rounds: FlowMeasurement[] = []
      // with BENCH_PROFILE, round -1 is profiled and not counted: profiling slows the page
      for (let round = knobs.profile ? -1 : 0; round < knobs.rounds; round++) {
        // the import is created but not processed: only the wizard and the upload are measured
        await control.reset()
        await control.configure({ paused: true })
        const profile = round < 0 ? join(workDir, `flow-${rows}.cpuprofile`) : undefined
        const r = await measureFlow(appUrl, csv, proxyPid, profile)
        if (round >= 0) rounds.push(r)
        log(
          `  ${round < 0 ? '(profiled, not counted) ' : ''}${count(rows)} rows: preview ${Math.round(r.previewMs)} ms, mapping ${Math.round(r.mappingMs)} ms, ` +
            `check ${Math.round(r.checkMs)} ms, re-check ${Math.round(r.recheckMs)} ms, export ${Math.round(r.exportMs)} ms, ` +
            `upload ${Math.round(r.uploadMs)} ms; longest task ${Math.round(r.longestTaskMs)} ms, ` +
            `blocked ${Math.round(r.totalBlockingMs)} ms; renderer peak ${Math.round(r.rendererPeakMb)} MB; ` +
            `proxy +${Math.round(r.proxyRssGrowthMb)} MB (${r.checkedText})`,
        )
      }
      const n = count(rows)
      const fileMb = rounds[0]!.fileMb
      const plain = plainByRows.get(rows)
      figures.push(
        figure(
          `flow.${rows}.previewMs`,
          `file chosen → preview on screen, ${n} rows`,
          'ms',
          each(rounds, 'previewMs'),
          TARGETS.firstPreviewMs,
        ),
        figure(
          `flow.${rows}.mappingMs`,
          `Next → mapping step on screen, ${n} rows`,
          'ms',
          each(rounds, 'mappingMs'),
        ),
        figure(
          `flow.${rows}.checkMs`,
          `Next → check results on screen, ${n} rows`,
          'ms',
          each(rounds, 'checkMs'),
        ),
        ...(plain
          ? [
              figure(
                `flow.${rows}.checkRatio`,
                `check results ÷ plain papaparse, ${n} rows`,
                '×',
                rounds.map((r, i) => r.checkMs / (plain[i] ?? plain[0]!)),
                ratioTarget(rows),
              ),
            ]
          : []),
        figure(
          `flow.${rows}.recheckMs`,
          `edits → new counts on screen, ${n} rows`,
          'ms',
          each(rounds, 'recheckMs'),
        ),
        figure(
          `flow.${rows}.exportMs`,
          `Start import → clean CSV ready, ${n} rows`,
          'ms',
          each(rounds, 'exportMs'),
        ),
        figure(
          `flow.${rows}.uploadMs`,
          `clean CSV upload → import page, ${n} rows`,
          'ms',
          each(rounds, 'uploadMs'),
        ),
        figure(
          `flow.${rows}.longestTaskMs`,
          `whole flow: longest main-thread task, ${n} rows`,
          'ms',
          each(rounds, 'longestTaskMs'),
          TARGETS.longestTaskMs,
        ),
        figure(
          `flow.${rows}.totalBlockingMs`,
          `whole flow: total blocking time, ${n} rows`,
          'ms',
          each(rounds, 'totalBlockingMs'),
        ),
        figure(
          `flow.${rows}.rendererPeakMb`,
          `whole flow: renderer peak, ${n} rows (file ${Math.round(fileMb)} MB)`,
          'MB',
          each(rounds, 'rendererPeakMb'),
        ),
        figure(
          `flow.${rows}.rendererPeakPerFile`,
          `whole flow: renderer peak ÷ file size, ${n} rows`,
          '×',
          rounds.map((r) => r.rendererPeakMb / r.fileMb),
          rows >= 1_000_000 ? TARGETS.rendererPeakPerFileSize : undefined,
        ),
        figure(
          `flow.${rows}.jsHeapAfterMb`,
          `JS heap on the import page after the flow, ${n} rows`,
          'MB',
          each(rounds, 'jsHeapAfterMb'),
        ),
        figure(
          `flow.${rows}.proxyRssGrowthMb`,
          `proxy RSS growth during the upload, ${n} rows`,
          'MB',
          each(rounds, 'proxyRssGrowthMb'),
        ),
      )
    }
  })
}

/** The largest workbook people are expected to bring: larger BENCH_ROWS are left to the CSV figures. */
const EXCEL_MAX_ROWS = 100_000

async function excelSection(knobs: Knobs, figures: Figure[]) {
  const sizes = knobs.rows.filter((rows) => rows <= EXCEL_MAX_ROWS)
  if (sizes.length === 0) return
  log('\n== An .xlsx next to the same data as CSV: file chosen → preview on screen ==')
  await withApp(async (appUrl) => {
    for (const rows of sizes) {
      const csv = await dataFile('contacts', rows)
      const xlsx = csv.replace(/\.csv$/, '.xlsx')
      log(`  writing ${xlsx}…`)
      await workbookOfCsv(csv, xlsx)
      const csvRounds: FileReadMeasurement[] = []
      const xlsxRounds: FileReadMeasurement[] = []
      for (let round = 0; round < knobs.rounds; round++) {
        // interleaved, so load on the machine weighs on both alike
        for (const [path, into] of [
          [csv, csvRounds],
          [xlsx, xlsxRounds],
        ] as const) {
          const r = await measureFileRead(appUrl, path)
          into.push(r)
          log(
            `  ${count(rows)} rows ${path.endsWith('.xlsx') ? '.xlsx' : '.csv '}: preview ${Math.round(r.previewMs)} ms, ` +
              `longest task ${Math.round(r.longestTaskMs)} ms, blocking ${Math.round(r.totalBlockingMs)} ms`,
          )
        }
      }
      const n = count(rows)
      const ratios = xlsxRounds.map((r, i) => r.previewMs / Math.max(1, csvRounds[i]!.previewMs))
      figures.push(
        figure(
          `excel.${rows}.csvPreviewMs`,
          `CSV chosen → preview, ${n} rows`,
          'ms',
          each(csvRounds, 'previewMs'),
        ),
        figure(
          `excel.${rows}.xlsxPreviewMs`,
          `.xlsx chosen → preview (read in the worker), ${n} rows`,
          'ms',
          each(xlsxRounds, 'previewMs'),
        ),
        figure(`excel.${rows}.ratio`, `.xlsx ÷ CSV to preview, ${n} rows`, '×', ratios),
        figure(
          `excel.${rows}.xlsxLongestTaskMs`,
          `.xlsx read: longest main-thread task, ${n} rows`,
          'ms',
          each(xlsxRounds, 'longestTaskMs'),
          TARGETS.longestTaskMs,
        ),
      )
    }
  })
}

async function gridSection(knobs: Knobs, figures: Figure[]) {
  log(`\n== Scrolling the problem grid (${count(knobs.gridRows)} rows with problems) ==`)
  const csv = await dataFile('problems', knobs.gridRows, 1)
  await withApp(async (appUrl) => {
    const rounds = []
    for (let round = knobs.profile ? -1 : 0; round < knobs.rounds; round++) {
      const profile = round < 0 ? join(workDir, 'grid-scroll.cpuprofile') : undefined
      const r = await measureGridScroll(appUrl, csv, profile)
      if (round >= 0) rounds.push(r)
      log(
        `  ${round < 0 ? '(profiled, not counted) ' : ''}${r.fps.toFixed(1)} fps, median frame ${r.medianFrameMs.toFixed(1)} ms, p95 ${r.p95FrameMs.toFixed(1)} ms, ` +
          `longest ${Math.round(r.longestFrameMs)} ms, ${r.slowFrames} frames over 25 ms, ` +
          `longest task ${Math.round(r.longestTaskMs)} ms, ${count(r.scrolledPx)} px (${r.problemRows})`,
      )
    }
    const n = count(knobs.gridRows)
    figures.push(
      figure(
        'grid.fps',
        `problem grid scrolling, ${n} problem rows: frames per second`,
        'fps',
        each(rounds, 'fps'),
        TARGETS.gridFps,
      ),
      figure(
        'grid.p95FrameMs',
        'problem grid scrolling: 95th-percentile frame',
        'ms',
        each(rounds, 'p95FrameMs'),
      ),
      figure(
        'grid.longestFrameMs',
        'problem grid scrolling: longest frame',
        'ms',
        each(rounds, 'longestFrameMs'),
      ),
      figure(
        'grid.longestTaskMs',
        'problem grid scrolling: longest main-thread task',
        'ms',
        each(rounds, 'longestTaskMs'),
        TARGETS.longestTaskMs,
      ),
    )
  })
}

async function uploadSection(knobs: Knobs, figures: Figure[]) {
  log(
    `\n== ${count(knobs.uploadMb)} MB upload: the proxy vs a plain Node pass-through, same sink ==`,
  )
  const sink = await startSink()
  try {
    const plain: UploadMeasurement[] = []
    const proxy: UploadMeasurement[] = []
    for (let round = 0; round < knobs.rounds; round++) {
      const order = round % 2 === 0 ? (['plain', 'proxy'] as const) : (['proxy', 'plain'] as const)
      for (const side of order) {
        const r =
          side === 'plain'
            ? await measurePassThrough(sink.url, knobs.uploadMb)
            : await measureProxyUpload(sink.url, knobs.uploadMb)
        ;(side === 'plain' ? plain : proxy).push(r)
        log(
          `  ${side.padEnd(5)} ${Math.round(r.mbPerSecond)} MB/s, ${r.cpuSeconds.toFixed(2)} CPU s, ` +
            `RSS +${Math.round(r.rssGrowthMb)} MB`,
        )
      }
    }
    const mb = count(knobs.uploadMb)
    figures.push(
      figure(
        'upload.plainMBps',
        `${mb} MB upload, plain pass-through`,
        'MB/s',
        each(plain, 'mbPerSecond'),
      ),
      figure(
        'upload.proxyMBps',
        `${mb} MB upload, through the proxy`,
        'MB/s',
        each(proxy, 'mbPerSecond'),
      ),
      figure(
        'upload.ratio',
        'proxy ÷ plain pass-through throughput',
        '×',
        proxy.map((p, i) => p.mbPerSecond / plain[i]!.mbPerSecond),
        TARGETS.uploadRatio,
      ),
      figure(
        'upload.cpuRatio',
        'proxy ÷ plain pass-through CPU time for the upload',
        '×',
        proxy.map((p, i) => p.cpuSeconds / plain[i]!.cpuSeconds),
      ),
      figure(
        'upload.proxyRssGrowthMb',
        `proxy RSS growth, ${mb} MB upload`,
        'MB',
        each(proxy, 'rssGrowthMb'),
        TARGETS.uploadRssGrowthMb,
      ),
      figure(
        'upload.plainRssGrowthMb',
        `plain pass-through RSS growth, ${mb} MB upload`,
        'MB',
        each(plain, 'rssGrowthMb'),
      ),
    )
  } finally {
    await sink.stop()
  }
}

async function pollersSection(knobs: Knobs, figures: Figure[]) {
  log(`\n== ${knobs.pollers} dashboards polling one import for ${knobs.pollSeconds} s ==`)
  const rounds = []
  for (let round = 0; round < knobs.rounds; round++) {
    const r = await measurePollers(knobs.pollers, knobs.pollSeconds)
    rounds.push(r)
    log(
      `  ${count(r.polls)} polls (${r.failedPolls} failed), ${r.upstreamCalls} upstream status calls, ` +
        `${r.upstreamCallsPerInterval.toFixed(2)} per poll interval`,
    )
  }
  figures.push(
    figure(
      'pollers.callsPerInterval',
      `${knobs.pollers} pollers: upstream status calls per poll interval`,
      'calls',
      each(rounds, 'upstreamCallsPerInterval'),
      TARGETS.pollerCallsPerInterval,
    ),
  )
}

async function simulatorSection(knobs: Knobs, figures: Figure[]) {
  log(`\n== Simulator in fast mode: a ${count(knobs.simulatorRows)}-row contacts import ==`)
  const csv = await dataFile('contacts', knobs.simulatorRows)
  const rounds = []
  for (let round = 0; round < knobs.rounds; round++) {
    const r = await measureSimulatorSpeed(csv)
    rounds.push(r)
    log(
      `  ${count(r.rows)} rows in ${r.seconds.toFixed(2)} s: ${count(Math.round(r.rowsPerSecond))} rows/s, ` +
        `${count(Math.round(r.rowsPerCpuSecond))} rows per CPU second (${count(r.errors)} row errors)`,
    )
  }
  figures.push(
    figure(
      'simulator.rowsPerSecond',
      `simulator fast mode, ${count(knobs.simulatorRows)}-row import`,
      'rows/s',
      each(rounds, 'rowsPerSecond'),
    ),
    figure(
      'simulator.rowsPerCpuSecond',
      'simulator fast mode: rows per second of its own CPU time',
      'rows/s',
      each(rounds, 'rowsPerCpuSecond'),
    ),
  )
}

function readPrevious(): BenchResults | undefined {
  const path = join(workDir, 'latest.json')
  if (!existsSync(path)) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BenchResults
  } catch {
    return undefined
  }
}

async function main() {
  if (process.env.BENCH_HELP) {
    for (const [name, help] of KNOB_HELP) log(`${name.padEnd(22)} ${help}`)
    return
  }
  const knobs = parseKnobs(process.env)
  const runs = (section: Section) => knobs.only.includes(section)
  mkdirSync(workDir, { recursive: true })
  const startedAt = new Date()
  const loadBefore = loadavg()[0]!
  log(`Bench: ${JSON.stringify(knobs)}`)
  log(
    `Load average before: ${loadBefore.toFixed(2)} on ${cpus().length} CPUs (other work on the machine makes the numbers noisy)`,
  )

  if ((runs('flow') || runs('excel') || runs('grid')) && !knobs.skipBuild) {
    log('Building the app…')
    await build({ root: ROOT, logLevel: 'error' })
  }

  const figures: Figure[] = []
  const plainByRows = new Map<number, number[]>()
  // each section's wall time, so the whole run's budget (under 10 minutes) can be planned
  const timed = async (section: Section, measure: () => Promise<void>) => {
    if (!runs(section)) return
    const started = Date.now()
    await measure()
    log(`  (${section}: ${Math.round((Date.now() - started) / 1000)} s)`)
  }
  await timed('parse', () => parseSection(knobs, figures, plainByRows))
  await timed('flow', () => flowSection(knobs, figures, plainByRows))
  await timed('excel', () => excelSection(knobs, figures))
  await timed('grid', () => gridSection(knobs, figures))
  await timed('upload', () => uploadSection(knobs, figures))
  await timed('pollers', () => pollersSection(knobs, figures))
  await timed('simulator', () => simulatorSection(knobs, figures))

  const probe = await launchBrowser()
  const chromiumVersion = probe.browser.version()
  await probe.close()
  const results: BenchResults = {
    version: 1,
    startedAt: startedAt.toISOString(),
    elapsedSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    environment: {
      node: process.version,
      chromium: chromiumVersion,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      loadAverageBefore: Number(loadBefore.toFixed(2)),
      loadAverageAfter: Number(loadavg()[0]!.toFixed(2)),
    },
    knobs: { ...knobs },
    figures,
  }
  const previous = readPrevious()
  log(`\n${formatTable(results, previous)}`)
  const unmet = unmetTargets(results)
  if (unmet.length) log(`\nTargets not met:\n${unmet.map((line) => `- ${line}`).join('\n')}`)
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
  const json = JSON.stringify(results, null, 2)
  writeFileSync(join(workDir, `results-${stamp}.json`), json)
  writeFileSync(join(workDir, 'latest.json'), json)
  writeFileSync(join(workDir, 'latest.md'), `${formatMarkdown(results, previous)}\n`)
  log(
    `\n${results.elapsedSeconds} s; written .bench/results-${stamp}.json, .bench/latest.json and .bench/latest.md` +
      (previous ? ` (changes against the run of ${previous.startedAt})` : ''),
  )
}

await main()
