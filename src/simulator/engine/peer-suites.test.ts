/**
 * PapaParse's parse cases and csv-spectrum (the comma-delimited ones: HubSpot's CSV is comma
 * delimited) over the simulator: the engine's record reader and the upload survey, in 1-byte,
 * 3-byte and 64 KB chunks, must give the rows the shared dialect gives, as the wizard core does.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CsvFileSurvey } from '#shared/csv/file-content.ts'
import {
  PAPAPARSE_CASES,
  expectedRows,
  loadCsvSpectrum,
  type PeerCase,
} from '#shared/csv/peer-cases.ts'
import { readCsvRecords } from './csv-records.ts'

const CASES = [...PAPAPARSE_CASES, ...loadCsvSpectrum()].filter((c) => c.delimiter === ',')
const SIZES = [1, 3, 64 * 1024]
const title = (c: PeerCase) => {
  const { choice } = expectedRows(c)
  return `${c.source}: ${c.name}${choice ? ` (differs: ${choice})` : ''}`
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'peer-suites-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe.each(CASES.map((c, i) => [title(c), c, i] as const))('%s', (_title, peerCase, index) => {
  const { rows } = expectedRows(peerCase)
  const bytes = Buffer.from(peerCase.input, 'utf8')

  it.each(SIZES)('the engine reads the rows in %i-byte chunks', async (highWaterMark) => {
    const path = join(dir, `${index}-${highWaterMark}.csv`)
    await writeFile(path, bytes)
    const read: string[][] = []
    for await (const record of readCsvRecords(path, { highWaterMark })) read.push(record.cells)
    expect(read).toEqual(rows)
  })

  it.each(SIZES)('the upload survey counts them in %i-byte chunks', (size) => {
    const survey = new CsvFileSurvey()
    for (let at = 0; at < bytes.length; at += size) survey.push(bytes.subarray(at, at + size))
    survey.finish()
    expect(survey.records).toBe(rows.length)
    expect(survey.header).toEqual(rows[0])
  })
})

it('runs the comma-delimited peer cases', () => {
  expect(CASES.length).toBeGreaterThan(100)
})
