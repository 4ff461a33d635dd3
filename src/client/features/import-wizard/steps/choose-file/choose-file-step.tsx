// The file step: choose or drop a file (CSV or Excel), see how it is read, change the encoding, delimiter or header row
import { useState } from 'react'
import type { FileStage } from '../../wizard-state.ts'
import { FilePicker } from './file-picker.tsx'

interface ChooseFileStepProps {
  source: FileStage | undefined
  onRead: (source: FileStage) => void
  /** another file was picked: what depended on the previous one goes before it is read */
  onChoose?: () => void
  onNext: () => void
}

export function ChooseFileStep({ source, onRead, onChoose, onNext }: ChooseFileStepProps) {
  const [busy, setBusy] = useState(false)
  const blocked = !source || source.inspection.issues.some((issue) => issue.severity === 'error')

  return (
    <section aria-labelledby="choose-file-heading" className="wizard-step">
      <h2 tabIndex={-1} id="choose-file-heading">
        Choose a file
      </h2>
      <FilePicker
        label="Choose a CSV or Excel file"
        source={source}
        onRead={onRead}
        onChoose={onChoose}
        onBusy={setBusy}
      />
      <div className="wizard-actions">
        <button type="button" className="primary" disabled={blocked || busy} onClick={onNext}>
          Next
        </button>
      </div>
    </section>
  )
}
