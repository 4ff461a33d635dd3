// @vitest-environment jsdom
// The check step's scan query: one scan per plan and settled edits, the last result kept, stale scans aborted
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CheckPlan } from '../../core/check-plan.ts'
import { withCellEdit, withRowExcluded } from '../../core/edits.ts'
import type { Edits } from '../../core/edits.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { ProblemRow, ScanResult } from '../../core/scan-result.ts'
import { EMPTY_EDITS, type FileStage } from '../../wizard-state.ts'
import { RESCAN_DELAY_MS, useRowScan, type ScanRunner } from './use-row-scan.ts'

const source: FileStage = {
  file: new File(['Email\na\n'], 'a.csv', { lastModified: 1 }),
  overrides: {},
  inspection: {
    settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
  } as unknown as FileInspection,
}

const plan = (dateFormat: CheckPlan['dateFormat'] = 'MONTH_DAY_YEAR'): CheckPlan => ({
  columnCount: 1,
  columns: [],
  objects: [],
  dateFormat,
  problemRowCap: 100,
  dateSampleSize: 10,
})

const problemRow = (rowIndex: number): ProblemRow => ({
  rowIndex,
  lineNumber: rowIndex + 2,
  cells: ['bad'],
  problems: [{ type: 'INVALID_EMAIL', message: 'not an email', columnIndex: 0 }],
})

const resultWith = (rows: number[], raggedRows: number[] = []): ScanResult => ({
  totalRows: 10,
  excludedRows: 0,
  bytesRead: 8,
  problemCounts: {},
  problemRowCount: rows.length,
  problemRows: rows.map(problemRow),
  problemRowsTruncated: false,
  expected: [],
  dateSamples: {},
  raggedLines: [],
  raggedRows,
  problemRowIndexes: {},
  fileIssues: [],
  ambiguities: { blankRows: 0, quoteRows: 0 },
})

/** A scan runner whose scans the test finishes by hand, one at a time. */
function controlledScans() {
  const calls: {
    plan: CheckPlan
    edits: Edits
    knownRows: readonly number[] | undefined
    signal: AbortSignal | undefined
    finish: (result: ScanResult) => void
    fail: (error: Error) => void
  }[] = []
  const scan: ScanRunner = (_file, _settings, scanPlan, options) =>
    new Promise((resolve, reject) => {
      options.onProgress?.({ bytesRead: 4, totalBytes: 8, rows: 1 })
      calls.push({
        plan: scanPlan,
        edits: options.edits,
        knownRows: options.knownRows,
        signal: options.signal,
        finish: resolve,
        fail: reject,
      })
    })
  return { scan, calls }
}

function wrapper({ children }: { children: ReactNode }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>
}

// TanStack notifies through timers, so each step lets the fake clock run a little
const settle = () => act(() => vi.advanceTimersByTimeAsync(1))

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

function renderScan(initial: { plan: CheckPlan | undefined; edits: Edits }) {
  const scans = controlledScans()
  const hook = renderHook((props) => useRowScan(source, props.plan, props.edits, scans.scan), {
    initialProps: initial,
    wrapper,
  })
  return { ...scans, hook }
}

describe('useRowScan', () => {
  it('waits for the plan, then scans with it and reports progress', async () => {
    const { calls, hook } = renderScan({ plan: undefined, edits: EMPTY_EDITS })
    await settle()
    expect(calls).toHaveLength(0)
    expect(hook.result.current.isScanning).toBe(false)

    const checkPlan = plan()
    hook.rerender({ plan: checkPlan, edits: EMPTY_EDITS })
    await settle()
    expect(calls).toHaveLength(1)
    expect(calls[0]?.plan).toEqual(checkPlan)
    expect(hook.result.current).toMatchObject({ isScanning: true, result: undefined })
    // progress reaches its readers at the next frame
    await act(() => vi.advanceTimersByTimeAsync(20))
    expect(hook.result.current.progress.get()).toMatchObject({ bytesRead: 4, totalBytes: 8 })

    calls[0]?.finish(resultWith([1, 2]))
    await settle()
    expect(hook.result.current.isScanning).toBe(false)
    expect(hook.result.current.result?.problemRowCount).toBe(2)
    expect(hook.result.current.anchored.map((row) => row.rowIndex)).toEqual([1, 2])
  })

  it('rescans once edits have settled, showing the last result meanwhile', async () => {
    const { calls, hook } = renderScan({ plan: plan(), edits: EMPTY_EDITS })
    await settle()
    calls[0]?.finish(resultWith([1, 2]))
    await settle()

    // two quick fixes: one scan, with the second
    const first = withCellEdit(EMPTY_EDITS, 1, 0, 'a@x.example')
    hook.rerender({ plan: plan(), edits: first })
    await act(() => vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS / 2))
    const second = withCellEdit(first, 2, 0, 'b@x.example')
    hook.rerender({ plan: plan(), edits: second })
    await act(() => vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS - 10))
    expect(calls).toHaveLength(1)
    await act(() => vi.advanceTimersByTimeAsync(20))
    expect(calls).toHaveLength(2)
    expect(calls[1]?.edits).toBe(second)
    // the rows listed need not come back
    expect(calls[0]?.knownRows).toEqual([])
    expect(calls[1]?.knownRows).toEqual([1, 2])

    // the previous counts stay while the new scan runs
    expect(hook.result.current.isScanning).toBe(true)
    expect(hook.result.current.result?.problemRowCount).toBe(2)

    // rows fixed in place stay listed, so the person does not lose them from view; new ones join
    calls[1]?.finish(resultWith([3]))
    await settle()
    expect(hook.result.current.result?.problemRowCount).toBe(1)
    expect(hook.result.current.anchored.map((row) => row.rowIndex)).toEqual([1, 2, 3])
  })

  it('aborts a running scan that a new plan replaces', async () => {
    const { calls, hook } = renderScan({ plan: plan(), edits: EMPTY_EDITS })
    await settle()
    hook.rerender({ plan: plan('DAY_MONTH_YEAR'), edits: EMPTY_EDITS })
    await settle()
    expect(calls).toHaveLength(2)
    expect(calls[0]?.signal?.aborted).toBe(true)
    expect(calls[1]?.signal?.aborted).toBe(false)
    calls[1]?.finish(resultWith([3]))
    await settle()
    expect(hook.result.current.result?.problemRows[0]?.rowIndex).toBe(3)
  })

  it('"check again" scans at once with the latest edits', async () => {
    const { calls, hook } = renderScan({ plan: plan(), edits: EMPTY_EDITS })
    await settle()
    calls[0]?.finish(resultWith([1]))
    await settle()

    act(() => hook.result.current.rescan())
    await settle()
    expect(calls).toHaveLength(2)

    const excluded = withRowExcluded(EMPTY_EDITS, 1, true)
    hook.rerender({ plan: plan(), edits: excluded })
    act(() => hook.result.current.rescan())
    await settle()
    expect(calls).toHaveLength(3)
    expect(calls[2]?.edits).toBe(excluded)
  })

  it('remembers ragged rows across scans, and keeps the last result when a scan fails', async () => {
    const { calls, hook } = renderScan({ plan: plan(), edits: EMPTY_EDITS })
    await settle()
    calls[0]?.finish(resultWith([4], [4]))
    await settle()

    hook.rerender({ plan: plan(), edits: withRowExcluded(EMPTY_EDITS, 4, true) })
    await act(() => vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS))
    calls[1]?.finish(resultWith([7], [7]))
    await settle()
    expect(hook.result.current.knownRagged).toEqual([4, 7])

    act(() => hook.result.current.rescan())
    await settle()
    calls[2]?.fail(new Error('The file could not be read'))
    await settle()
    expect(hook.result.current.failure).toMatch(/The check stopped: The file could not be read/)
    expect(hook.result.current.result?.problemRows[0]?.rowIndex).toBe(7)
  })
})
