// A scan's result crosses to the page as pages of problem rows, then the rest: split and joined back
import { describe, expect, it } from 'vitest'
import {
  joinScanResult,
  packExportResult,
  scanResultMessages,
  unpackExportResult,
  withoutKnownRows,
  type WorkerResponse,
} from './csv-worker-protocol.ts'
import type { ExportResult, ProblemRow, ScanResult } from './scan-result.ts'

function problemRow(rowIndex: number, cellCount: number): ProblemRow {
  return {
    rowIndex,
    lineNumber: rowIndex + 2,
    cells: Array.from({ length: cellCount }, (_, i) => `cell ${i}`),
    problems: [{ type: 'INVALID_EMAIL', message: 'not an email', columnIndex: 0 }],
  }
}

function resultWith(problemRows: ProblemRow[]): ScanResult {
  return {
    totalRows: 100,
    excludedRows: 0,
    bytesRead: 1_000,
    problemCounts: { INVALID_EMAIL: problemRows.length },
    problemRowCount: problemRows.length,
    problemRows,
    problemRowsTruncated: false,
    expected: [],
    dateSamples: {},
    raggedLines: [],
    raggedRows: [],
    problemRowIndexes: { INVALID_EMAIL: problemRows.map((row) => row.rowIndex) },
    fileIssues: [],
    ambiguities: { blankRows: 0, quoteRows: 0 },
  }
}

const withLists: Partial<ScanResult> = {
  raggedRows: [3, 8],
  raggedLines: [5, 10],
  problemRowIndexes: { INVALID_EMAIL: [1, 2], INCORRECT_NUMBER_OF_COLUMNS: [3, 8] },
  rowLines: [
    [0, 2],
    [4, 3],
  ],
}

const rowsOf = (cellCounts: number[]) => cellCounts.map((cells, i) => problemRow(i, cells))
const pageSizes = (messages: WorkerResponse[]) =>
  messages.flatMap((m) => (m.type === 'scan-rows' ? [m.rows.length] : []))

describe('scanResultMessages', () => {
  // each row counts its cells plus its one problem; a page closes once it holds 10
  it.each([
    { name: 'no problem rows', cellCounts: [], pages: [] },
    { name: 'fewer than a page', cellCounts: [3, 3], pages: [2] },
    { name: 'exactly a page', cellCounts: [4, 4], pages: [2] },
    { name: 'a page and a bit', cellCounts: [4, 4, 4], pages: [2, 1] },
    { name: 'a row wider than a page', cellCounts: [1, 30, 1], pages: [2, 1] },
    { name: 'many rows', cellCounts: Array<number>(25).fill(1), pages: [5, 5, 5, 5, 5] },
  ])('pages $name as $pages rows', ({ cellCounts, pages }) => {
    const result = resultWith(rowsOf(cellCounts))
    const messages = scanResultMessages(7, result, 10)
    expect(pageSizes(messages)).toEqual(pages)
    expect(messages.every((m) => m.id === 7)).toBe(true)
    // the result comes last, without the rows the pages carried
    const last = messages.at(-1)!
    expect(last.type).toBe('scan-result')
    expect(last.type === 'scan-result' && 'problemRows' in last.result).toBe(false)
  })

  it.each([
    { count: 0, lists: {} },
    { count: 1, lists: withLists },
    { count: 5, lists: {} },
    { count: 40, lists: withLists },
  ])('joins $count rows back into the same result, in order', ({ count, lists }) => {
    const result = { ...resultWith(rowsOf(Array<number>(count).fill(3))), ...lists }
    const messages = structuredClone(scanResultMessages(1, result, 10))
    const pages = messages.flatMap((m) => (m.type === 'scan-rows' ? [m.rows] : []))
    const last = messages.at(-1)!
    if (last.type !== 'scan-result') throw new Error('no result')
    expect(joinScanResult(last.result, pages)).toEqual(result)
  })
})

describe('withoutKnownRows', () => {
  it.each([
    { name: 'nothing known', rows: [0, 1, 2], known: [], left: [0, 1, 2] },
    { name: 'some known', rows: [0, 1, 2, 3], known: [1, 3, 9], left: [0, 2] },
    { name: 'all known', rows: [4, 5], known: [5, 4], left: [] },
    { name: 'no rows', rows: [], known: [1], left: [] },
  ])('keeps the rows not known with $name', ({ rows, known, left }) => {
    const result = resultWith(rows.map((rowIndex) => problemRow(rowIndex, 2)))
    const sent = withoutKnownRows(result, known)
    expect(sent.problemRows.map((row) => row.rowIndex)).toEqual(left)
    // everything else is the whole file's, unchanged
    expect({ ...sent, problemRows: [] }).toEqual({ ...result, problemRows: [] })
  })
})

describe('export results', () => {
  const blob = new Blob(['Email\r\na@b.co\r\n'])
  it.each<{ name: string; lines: Partial<ExportResult> }>([
    { name: 'no line maps', lines: {} },
    {
      name: 'line maps',
      lines: {
        rowLines: [
          [0, 2],
          [7, 4],
        ],
        sourceRows: [[3, 1]],
      },
    },
  ])('cross with $name unchanged', ({ lines }) => {
    const result: ExportResult = { blob, rows: 1, bytes: blob.size, ...lines }
    expect(unpackExportResult(structuredClone(packExportResult(result)))).toEqual(result)
  })
})
