// A labelled progress bar with its figures in words (scan, clean copy, upload)
import { useId } from 'react'

export function ProgressBar({
  label,
  value,
  max,
  text,
}: {
  label: string
  value: number
  max: number
  /** what is done so far in words, read out by screen readers too: "1.2 MB of 3 MB" */
  text: string
}) {
  const labelId = useId()
  const percent = Math.min(100, Math.round((value / Math.max(max, 1)) * 100))
  return (
    <div className="field">
      <span id={labelId}>{label}</span>
      <progress
        className="progress"
        aria-labelledby={labelId}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuetext={text}
        max={100}
        value={percent}
      />
      <small>{text}</small>
    </div>
  )
}
