// The running import's progress: rows processed of the file's rows, and the time left
import { useState } from 'react'
import { ProgressBar } from '#client/components/ui/progress-bar.tsx'
import {
  addSample,
  formatTimeLeft,
  importProgress,
  type ProgressSample,
} from './import-progress.ts'
import { formatCount } from './import-state.ts'

interface Props {
  state: string
  counters: Readonly<Record<string, number>>
  /** the file's rows, recorded by the wizard that started the import */
  recordedTotal: number | undefined
  /** when the shown answer arrived (the last successful poll) */
  checkedAt: number
}

export function ImportProgressBar({ state, counters, recordedTotal, checkedAt }: Props) {
  const processed = counters.TOTAL_ROWS ?? 0
  const [samples, setSamples] = useState<ProgressSample[]>([])
  // one sample per poll answer, taken while rendering it (React's "store information from
  // previous renders"), so the rate needs no clock of its own
  if (checkedAt > 0 && samples.at(-1)?.at !== checkedAt) {
    setSamples(addSample(samples, { at: checkedAt, processed }))
  }
  const progress = importProgress(state, counters, recordedTotal, samples)

  if (progress.total === undefined) {
    return (
      <p>
        {formatCount(progress.processed)} rows processed so far. The file's row count is known when
        HubSpot finishes: this import was started elsewhere.
      </p>
    )
  }
  const left =
    state === 'PROCESSING'
      ? progress.secondsLeft !== undefined
        ? `, ${formatTimeLeft(progress.secondsLeft)} left`
        : ', estimating the time left…'
      : ''
  return (
    <ProgressBar
      label="Rows processed"
      value={progress.percent ?? 0}
      max={100}
      text={`${formatCount(progress.processed)} of ${formatCount(progress.total)} rows (${progress.percent ?? 0} %)${left}`}
    />
  )
}
