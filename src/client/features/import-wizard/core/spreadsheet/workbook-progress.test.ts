// A workbook read in the worker reports its stages in order, each moving forward and ending at its end
import { beforeAll, describe, expect, it } from 'vitest'
import { sheetBytes } from '#shared/spreadsheet/test-workbooks.ts'
import { unpackWithProgress } from '#shared/spreadsheet/unpack-with-progress.ts'
import { readSpreadsheet } from '#shared/spreadsheet/read-spreadsheet.ts'
import { createWorkerHandler } from '../csv-worker-handler.ts'
import type { WorkerResponse } from '../csv-worker-protocol.ts'
import type { WorkbookProgress } from './workbook-source.ts'

const ROWS = 10_500
const bigSheet = () =>
  sheetBytes([
    ['Email', 'First Name', 'Revenue'],
    ...Array.from({ length: ROWS }, (_, i) => [`person${i}@example.com`, `Näme ${i}`, i * 1.5]),
  ])
const STAGES = ['unzipping', 'parsing', 'writing'] as const

describe('reading a workbook in the worker', () => {
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await bigSheet()
  })

  it('posts unzipping, parsing and writing progress in order, each reaching its end, then the sheet', async () => {
    const posted: WorkerResponse[] = []
    const handle = createWorkerHandler((message) => posted.push(message))
    await handle({
      type: 'read-workbook',
      id: 1,
      file: new Blob([bytes as BlobPart]),
      fileName: 'big.xlsx',
    })
    expect(posted.at(-1)).toMatchObject({ type: 'workbook-result', result: { rows: ROWS + 1 } })
    const progress = posted.flatMap((m) =>
      m.type === 'progress' ? [m.progress as WorkbookProgress] : [],
    )
    const stages = progress.map((p) => STAGES.indexOf(p.stage as (typeof STAGES)[number]))
    expect(stages).not.toContain(-1)
    expect(stages).toEqual([...stages].sort((a, b) => a - b))
    expect(new Set(stages)).toEqual(new Set([0, 1, 2]))

    const unzipping = progress.filter((p) => p.stage === 'unzipping')
    expect(unzipping[0]).toMatchObject({ bytes: 0, totalBytes: bytes.length })
    expect(unzipping.at(-1)).toMatchObject({ bytes: bytes.length, totalBytes: bytes.length })
    const parsing = progress.filter((p) => p.stage === 'parsing')
    expect(parsing).toHaveLength(1)
    expect(parsing[0]!.bytes).toBeGreaterThan(bytes.length)
    const writing = progress.filter((p) => p.stage === 'writing').map((p) => p.rows)
    expect(writing).toEqual([...writing].sort((a, b) => a - b))
    expect(writing.length).toBeGreaterThan(2)
    expect(progress.at(-1)).toEqual({ stage: 'writing', rows: ROWS + 1, totalRows: ROWS + 1 })
  })

  it('unzips chunk by chunk: the bytes grow with every chunk up to the file size', async () => {
    const seen: number[] = []
    await unpackWithProgress(new Blob([bytes as BlobPart]), {
      chunkBytes: 16 * 1024,
      onProgress: (p) => seen.push(p.bytes),
    })
    expect(seen.length).toBe(Math.ceil(bytes.length / (16 * 1024)) + 1)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-1)).toBe(bytes.length)
  })

  it('reads the same cells with progress as without', async () => {
    const plain = await readSpreadsheet(new Blob([bytes as BlobPart]), 'big.xlsx')
    const unpacked = await readSpreadsheet(new Blob([bytes as BlobPart]), 'big.xlsx', {
      onParsing: () => {},
    })
    expect(unpacked).toEqual(plain)
  })

  it('lets the reader name what is wrong with a file that does not unzip', async () => {
    const notZip = new Blob(['Email\nzoe@example.com\n'])
    await expect(
      readSpreadsheet(notZip, 'fake.xlsx', { onParsing: () => {} }),
    ).rejects.toMatchObject({ name: 'SpreadsheetError', code: 'NOT_A_WORKBOOK' })
  })
})
