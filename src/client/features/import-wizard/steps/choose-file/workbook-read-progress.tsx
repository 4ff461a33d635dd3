// The file step's progress while a workbook is read in the worker: unzipping, parsing, writing rows
import { useId } from 'react'
import { ProgressBar } from '#client/components/ui/progress-bar.tsx'
import { formatBytes } from '#client/lib/format.ts'
import type { WorkbookProgress } from '../../core/spreadsheet/workbook-source.ts'

/**
 * Three stages, each said as it is: the unzip by bytes of the file, the parse without a measure
 * (the reader reports nothing while it parses, so the bar moves without claiming a percentage),
 * and the rows written out of the sheet's rows.
 */
export function WorkbookReadProgress({ progress }: { progress: WorkbookProgress | undefined }) {
  const labelId = useId()
  if (!progress || progress.stage === 'reading') {
    return <p role="status">Opening the workbook…</p>
  }
  if (progress.stage === 'unzipping') {
    const bytes = progress.bytes ?? 0
    const total = progress.totalBytes ?? 0
    return (
      <ProgressBar
        label="Reading the workbook, step 1 of 3: unzipping"
        value={bytes}
        max={total}
        text={`${formatBytes(bytes)} of ${formatBytes(total)} unzipped`}
      />
    )
  }
  if (progress.stage === 'parsing') {
    const text = `Reading ${formatBytes(progress.bytes ?? 0)} of sheet data; the reader can't say how far it is`
    return (
      <div className="field">
        <span id={labelId}>Reading the workbook, step 2 of 3: reading the sheet</span>
        <progress className="progress" aria-labelledby={labelId} aria-valuetext={text} />
        <small>{text}</small>
      </div>
    )
  }
  return (
    <ProgressBar
      label="Reading the workbook, step 3 of 3: converting rows"
      value={progress.rows}
      max={progress.totalRows}
      text={`${progress.rows.toLocaleString()} of ${progress.totalRows.toLocaleString()} rows`}
    />
  )
}
