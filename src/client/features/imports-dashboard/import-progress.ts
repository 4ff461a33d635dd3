// How far a running import has got: rows processed of the file's rows, and time left at the observed rate

/** One poll's answer: when it arrived and how many rows HubSpot had processed by then. */
export interface ProgressSample {
  at: number
  processed: number
}

export interface ImportProgress {
  processed: number
  /** the file's rows: recorded by the wizard, or HubSpot's count once the import is done */
  total: number | undefined
  /** 0–100, when the total is known */
  percent: number | undefined
  /** at the rate seen over the last minute; undefined until rows have moved between two polls */
  secondsLeft: number | undefined
}

/** The rate is read over this window, so a pause (DEFERRED, a slow batch) fades out of it. */
export const RATE_WINDOW_MS = 60_000

/** Adds a poll's sample, keeping the ones inside the window (at least the two newest). */
export function addSample(
  samples: readonly ProgressSample[],
  sample: ProgressSample,
): ProgressSample[] {
  const last = samples.at(-1)
  if (last && last.at === sample.at) return samples as ProgressSample[]
  // HubSpot's count went back (a restart): the old samples say nothing about the new run
  const kept = last && sample.processed < last.processed ? [] : samples
  const next = [...kept, sample]
  const inWindow = next.findIndex((s) => sample.at - s.at <= RATE_WINDOW_MS)
  return next.slice(Math.min(inWindow, Math.max(next.length - 2, 0)))
}

/**
 * HubSpot's TOTAL_ROWS counts the rows processed so far while the import runs (and the file's
 * rows once it is done), so the total comes from the wizard's scan when this browser started
 * the import; a finished import is complete whatever was recorded.
 */
export function importProgress(
  state: string,
  counters: Readonly<Record<string, number>>,
  recordedTotal: number | undefined,
  samples: readonly ProgressSample[],
): ImportProgress {
  const processed = counters.TOTAL_ROWS ?? 0
  if (state === 'DONE') {
    return { processed, total: processed, percent: 100, secondsLeft: undefined }
  }
  const total = recordedTotal
  const percent =
    total === undefined
      ? undefined
      : total === 0
        ? 100
        : Math.min(100, Math.floor((processed / total) * 100))
  let secondsLeft: number | undefined
  const first = samples[0]
  const last = samples.at(-1)
  if (state === 'PROCESSING' && total !== undefined && first && last && last.at > first.at) {
    const rate = (last.processed - first.processed) / ((last.at - first.at) / 1000)
    if (rate > 0) secondsLeft = Math.max(0, (total - processed) / rate)
  }
  return { processed, total, percent, secondsLeft }
}

/** "about 3 minutes", "about 40 seconds", "a few seconds": an estimate, worded as one. */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 10) return 'a few seconds'
  if (seconds < 60) return `about ${Math.round(seconds / 10) * 10} seconds`
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return `about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
  const hours = Math.round(seconds / 360) / 10
  return `about ${hours} hours`
}
