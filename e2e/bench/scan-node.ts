/**
 * The wizard's scan in Node, stage by stage, next to papaparse over the same text: where the
 * per-row time goes (decode, record reader, rows after the header, the whole scan). Prints
 * numbers and asserts nothing; the figure that counts is the bench page's (`npm run bench`).
 *
 *   npx tsx e2e/bench/scan-node.ts [file.csv] [rounds]
 *   # one stage, profiled with line numbers (tsx's transform reports every function on line 1):
 *   npx esbuild e2e/bench/scan-node.ts --bundle --platform=node --format=esm --outfile=/tmp/scan.mjs
 *   node --cpu-prof /tmp/scan.mjs .bench/contacts-1000000.v1.csv 1 scan
 */
import { openAsBlob } from 'node:fs'
import Papa from 'papaparse'
import { createCsvRecordReader } from '#shared/csv/record-reader.ts'
import { inspectFile } from '../../src/client/features/import-wizard/core/inspect-file.ts'
import {
  READ_BYTES,
  scanFile,
  streamRows,
} from '../../src/client/features/import-wizard/core/scan-file.ts'
import { contactsCheckPlan, contactsMapping } from './contacts-catalog.ts'

const [path = '.bench/contacts-1000000.v1.csv', roundsArg = '3', only] = process.argv.slice(2)
const rounds = Number(roundsArg)

const blob = await openAsBlob(path)
const inspection = await inspectFile(blob, {}, path)
const mapping = contactsMapping(inspection.headers)
const plan = contactsCheckPlan(mapping, inspection.headers.length)

/** The file decoded in the scan's 1 MB slices, read once, so stages after it time only themselves. */
async function decodedChunks(): Promise<string[]> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  const decoder = new TextDecoder('utf-8')
  const chunks: string[] = []
  for (let at = 0; at < bytes.length; at += READ_BYTES)
    chunks.push(decoder.decode(bytes.subarray(at, at + READ_BYTES), { stream: true }))
  chunks.push(decoder.decode())
  return chunks
}

const chunks = await decodedChunks()

const stages: Record<string, () => Promise<number>> = {
  async papaparse() {
    let rows = 0
    // as the bench page's baseline does: rows handed over a chunk at a time, none kept
    Papa.parse<string[]>(chunks.join(''), {
      chunk: (results: Papa.ParseResult<string[]>) => {
        rows += results.data.length
      },
      complete: () => {},
    })
    return rows
  },
  async decode() {
    const bytes = new Uint8Array(await blob.arrayBuffer())
    const decoder = new TextDecoder('utf-8')
    let length = 0
    for (let at = 0; at < bytes.length; at += READ_BYTES)
      length += decoder.decode(bytes.subarray(at, at + READ_BYTES), { stream: true }).length
    return length
  },
  async reader() {
    let rows = 0
    const reader = createCsvRecordReader(
      { delimiter: inspection.settings.delimiter },
      { record: () => rows++ },
    )
    for (const chunk of chunks) reader.push(chunk)
    reader.end()
    return rows
  },
  async streamRows() {
    const { rows } = await streamRows(blob, inspection.settings, { row() {} }, {})
    return rows
  },
  async scan() {
    const result = await scanFile(blob, inspection.settings, plan)
    return result.totalRows
  },
}

console.log(
  `${path}: ${(blob.size / 1e6).toFixed(1)} MB, ${plan.columns.length} mapped columns, ${rounds} rounds`,
)
const names = only ? only.split(',') : Object.keys(stages)
const times: Record<string, number[]> = {}
const cpuTimes: Record<string, number[]> = {}
for (let round = 0; round < rounds; round++) {
  // interleaved, so a busy moment of the machine hits every stage alike
  for (const name of names) {
    const started = performance.now()
    const cpuBefore = process.cpuUsage()
    const rows = await stages[name]!()
    const ms = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    // CPU time is steadier than wall time on a shared machine (it includes GC helper threads)
    const cpuMs = (cpu.user + cpu.system) / 1000
    ;(times[name] ??= []).push(ms)
    ;(cpuTimes[name] ??= []).push(cpuMs)
    console.log(
      `round ${round + 1} ${name.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms wall ${cpuMs.toFixed(0).padStart(6)} ms CPU  ${rows} rows`,
    )
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
const least = (values: number[]) => Math.min(...values)
// the least is the round the other work on the machine disturbed least
console.log('\nmedian and least:')
for (const name of names) {
  const wall = `${median(times[name]!).toFixed(0)} / ${least(times[name]!).toFixed(0)}`
  const cpu = `${median(cpuTimes[name]!).toFixed(0)} / ${least(cpuTimes[name]!).toFixed(0)}`
  console.log(`${name.padEnd(11)} ${wall.padStart(13)} ms wall ${cpu.padStart(13)} ms CPU`)
}
