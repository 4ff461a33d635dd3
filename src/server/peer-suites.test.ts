/**
 * PapaParse's parse cases and csv-spectrum (the comma-delimited ones) over the proxy's first-line
 * reader, in 1-byte, 3-byte and 64 KB chunks: the header it checks is the first row the shared
 * dialect gives, as the wizard core and the simulator read it.
 */
import { describe, expect, it } from 'vitest'
import {
  PAPAPARSE_CASES,
  expectedRows,
  loadCsvSpectrum,
  type PeerCase,
} from '#shared/csv/peer-cases.ts'
import { readHead } from './imports/create/csv-header.ts'

const CASES = [...PAPAPARSE_CASES, ...loadCsvSpectrum()].filter((c) => c.delimiter === ',')
const title = (c: PeerCase) => {
  const { choice } = expectedRows(c)
  return `${c.source}: ${c.name}${choice ? ` (differs: ${choice})` : ''}`
}

async function* chunksOf(bytes: Buffer, size: number) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}

describe.each(CASES.map((c) => [title(c), c] as const))('%s', (_title, peerCase) => {
  const { rows } = expectedRows(peerCase)
  const bytes = Buffer.from(peerCase.input, 'utf8')

  it.each([1, 3, 64 * 1024])('the header in %i-byte chunks', async (size) => {
    const head = await readHead(chunksOf(bytes, size), () => {})
    expect(head.survey.header).toEqual(rows[0])
    expect(head.survey.headerCells).toBe(rows[0]?.length ?? 0)
    // every byte read so far is kept, to be sent on first
    expect(bytes.subarray(0, head.bytes.length).equals(head.bytes)).toBe(true)
  })
})

it('runs the comma-delimited peer cases', () => {
  expect(CASES.length).toBeGreaterThan(100)
})
