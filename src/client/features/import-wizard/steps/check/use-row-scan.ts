// The check step's scan of every row as a TanStack query: rerun when the plan or the settled edits change
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { createFrameThrottledValue } from '#client/lib/frame-throttled-value.ts'
import type { CheckPlan } from '../../core/check-plan.ts'
import type { Edits } from '../../core/edits.ts'
import { mergeRaggedRows } from '../../core/ragged-rows.ts'
import type { ProblemRow, ScanProgress, ScanResult } from '../../core/scan-result.ts'
import { runScan } from '../../csv-tasks.ts'
import type { FileStage } from '../../wizard-state.ts'

/** after an edit, counts are brought up to date by a fresh scan once typing pauses */
export const RESCAN_DELAY_MS = 700

export type ScanRunner = typeof runScan

interface Seen {
  result: ScanResult | undefined
  /** the rows shown stay put while the person fixes them; later scans only add rows */
  anchored: ProblemRow[]
  /** every ragged row any scan found (a row excluded during a scan is not in that scan's list) */
  knownRagged: number[]
}

const NOTHING_SEEN: Seen = { result: undefined, anchored: [], knownRagged: [] }

function absorb(seen: Seen, result: ScanResult): Seen {
  return {
    result,
    anchored: withNewRows(seen.anchored, result.problemRows),
    knownRagged: mergeRaggedRows(seen.knownRagged, result),
  }
}

// up to 50,000 rows each side: the first scan's rows as they are, later ones only when some are new
function withNewRows(anchored: ProblemRow[], rows: ProblemRow[]): ProblemRow[] {
  if (anchored.length === 0) return rows
  if (rows.length === 0) return anchored
  const known = new Set(anchored.map((row) => row.rowIndex))
  const added = rows.filter((row) => !known.has(row.rowIndex))
  return added.length > 0 ? anchored.concat(added) : anchored
}

/**
 * Scans the file in the CSV worker. The query key holds everything the scan reads, so a new plan
 * or new edits start a new scan; TanStack aborts the one it replaces through the query's signal,
 * and `keepPreviousData` keeps the last counts on screen while the next scan runs. Edits join the
 * key once typing has paused (RESCAN_DELAY_MS), so a burst of fixes costs one scan.
 */
export function useRowScan(
  source: FileStage,
  plan: CheckPlan | undefined,
  edits: Edits,
  scan: ScanRunner = runScan,
) {
  const [settledEdits, setSettledEdits] = useState(edits)
  useEffect(() => {
    if (edits === settledEdits) return
    const timer = setTimeout(() => setSettledEdits(edits), RESCAN_DELAY_MS)
    return () => clearTimeout(timer)
  }, [edits, settledEdits])

  // progress lives outside React state: only the progress bar re-renders, once a frame at most
  const [progress] = useState(() => createFrameThrottledValue<ScanProgress>())
  const { file, inspection } = source
  // what earlier scans found, carried over to the next (React's "state from the previous render")
  const [seen, setSeen] = useState(NOTHING_SEEN)
  // the rows listed when a scan starts (the query function runs outside render)
  const anchoredRef = useRef(seen.anchored)
  useEffect(() => {
    anchoredRef.current = seen.anchored
  }, [seen.anchored])
  const query = useQuery({
    queryKey: [
      'wizard',
      'row-scan',
      { name: file.name, size: file.size, lastModified: file.lastModified },
      inspection.settings,
      plan,
      settledEdits,
    ],
    queryFn: ({ signal }) => {
      progress.set(undefined)
      return scan(file, inspection.settings, plan!, {
        edits: settledEdits,
        // rows listed already stay as they are (absorb), so they need not come back
        knownRows: anchoredRef.current.map((row) => row.rowIndex),
        signal,
        onProgress: (next) => {
          if (!signal.aborted) progress.set(next)
        },
      })
    },
    enabled: plan !== undefined,
    placeholderData: keepPreviousData,
    // a scan reads a local file: nothing to refresh, retry or share once no step shows it
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    // results can hold 50,000 problem rows: comparing them with the last ones buys nothing
    structuralSharing: false,
  })

  const fresh = query.isPlaceholderData ? undefined : query.data
  if (fresh && fresh !== seen.result) setSeen(absorb(seen, fresh))

  return {
    /** the latest result, or the last one while a new scan runs or after it failed */
    result: query.data ?? seen.result,
    /** the running scan's progress, read with useFrameThrottledValue (the bar shows while isScanning) */
    progress,
    isScanning: query.isFetching,
    failure: query.isError
      ? `The check stopped: ${getErrorMessage(query.error)}. If the file changed on disk, choose it again.`
      : undefined,
    anchored: seen.anchored,
    knownRagged: seen.knownRagged,
    /** "Check again": scan now with the latest edits */
    rescan: () => {
      if (edits !== settledEdits) setSettledEdits(edits)
      else void query.refetch()
    },
  }
}
