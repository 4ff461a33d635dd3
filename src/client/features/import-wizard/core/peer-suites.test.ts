/**
 * PapaParse's parse cases and csv-spectrum over the wizard core: detection and the head read by
 * `inspectBytes`, and the streaming scan's reader with 1-byte, 3-byte and 64 KB chunks, must give
 * the rows the shared dialect gives (the simulator and the proxy are held to the same rows).
 */
import { describe, expect, it } from 'vitest'
import {
  PAPAPARSE_CASES,
  expectedRows,
  loadCsvSpectrum,
  type PeerCase,
} from '#shared/csv/peer-cases.ts'
import { inspectBytes } from './inspect-file.ts'
import { streamRows } from './scan-file.ts'
import { chunked } from './test-helpers.ts'

const CASES = [...PAPAPARSE_CASES, ...loadCsvSpectrum()]
const title = (c: PeerCase) => {
  const { choice } = expectedRows(c)
  return `${c.source}: ${c.name}${choice ? ` (differs: ${choice})` : ''}`
}

describe.each(CASES.map((c) => [title(c), c] as const))('%s', (_title, peerCase) => {
  const bytes = new TextEncoder().encode(peerCase.input)
  const { rows } = expectedRows(peerCase)

  it('the head: the delimiter is detected and the records read as the dialect reads them', () => {
    const inspection = inspectBytes(
      bytes,
      { fileName: 'peer.csv', fileSize: bytes.length, sampled: false },
      { headerRowIndex: 0 },
    )
    expect(inspection.settings.delimiter).toBe(peerCase.delimiter)
    expect(inspection.headRows).toEqual(rows.slice(0, 30))
  })

  it.each([1, 3, 64 * 1024])('the streaming scan in %i-byte chunks', async (size) => {
    const read: string[][] = []
    await streamRows(
      chunked(bytes, size),
      { encoding: 'utf-8', delimiter: peerCase.delimiter, headerRowIndex: 0 },
      { row: (cells) => read.push(cells) },
      {},
    )
    expect(read).toEqual(rows.slice(1))
  })
})

it('runs every peer case', () => {
  expect(PAPAPARSE_CASES.length).toBe(102)
  expect(loadCsvSpectrum().length).toBe(12)
})
