// The file step: choose or drop a file (CSV or Excel), see how it is read, change the encoding, delimiter or header row; optionally a second file
import { useEffect, useRef, useState } from 'react'
import { OBJECT_TYPES } from '#shared/hubspot/object-types.ts'
import type { SecondFile } from '../../two-files/second-file-state.ts'
import { usePrefetchedCatalogs } from '../../use-catalogs.ts'
import type { FileStage } from '../../wizard-state.ts'
import { SampleFileLinks } from '../sample-file-links.tsx'
import { FilePicker } from './file-picker.tsx'

interface ChooseFileStepProps {
  source: FileStage | undefined
  onRead: (source: FileStage) => void
  /** another file was picked: what depended on the previous one goes before it is read */
  onChoose?: () => void
  onNext: () => void
  /** a second file joined to the first on a common column; absent where it isn't offered */
  secondFile?: {
    second: SecondFile | undefined
    onRead: (source: FileStage) => void
    onRemove: () => void
  }
}

const blocks = (source: FileStage | undefined) =>
  source?.inspection.issues.some((issue) => issue.severity === 'error') ?? false

export function ChooseFileStep({
  source,
  onRead,
  onChoose,
  onNext,
  secondFile,
}: ChooseFileStepProps) {
  const [busy, setBusy] = useState(false)
  const [secondBusy, setSecondBusy] = useState(false)
  const [addingSecond, setAddingSecond] = useState(false)
  // the button pressed goes away with the section it toggles: focus moves to what replaces it
  const [toggledSecond, setToggledSecond] = useState(false)
  const addSecondButton = useRef<HTMLButtonElement>(null)
  const second = secondFile?.second
  const showSecond = addingSecond || second !== undefined
  useEffect(() => {
    if (toggledSecond && !showSecond) addSecondButton.current?.focus()
  }, [toggledSecond, showSecond])
  usePrefetchedCatalogs()
  const blocked = !source || blocks(source) || (addingSecond && !second) || blocks(second?.source)

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
        otherFilesHint={
          secondFile
            ? 'To import another file with it, choose "Add a second file" below.'
            : undefined
        }
      />
      {secondFile && source && (
        <section aria-labelledby="second-file-heading" className="second-file">
          <h3 id="second-file-heading">Second file (optional)</h3>
          <p className="hint">
            Two objects in two files, such as contacts and companies, imported as one import and
            associated through a column both files share (for example the contact's email).
          </p>
          {showSecond ? (
            <>
              <FilePicker
                label="Choose the second file"
                source={second?.source}
                onRead={secondFile.onRead}
                onBusy={setSecondBusy}
                focusOnMount={toggledSecond}
              />
              <button
                type="button"
                onClick={() => {
                  setAddingSecond(false)
                  setToggledSecond(true)
                  secondFile.onRemove()
                }}
              >
                Import one file only
              </button>
            </>
          ) : (
            <button
              type="button"
              ref={addSecondButton}
              onClick={() => {
                setAddingSecond(true)
                setToggledSecond(true)
              }}
            >
              Add a second file
            </button>
          )}
        </section>
      )}
      {!source && (
        <SampleFileLinks
          objectTypeIds={OBJECT_TYPES.map((o) => o.objectTypeId)}
          lead="No file yet, or not sure how to lay it out? Download"
        />
      )}
      <div className="wizard-actions">
        <button
          type="button"
          className="primary"
          disabled={blocked || busy || secondBusy}
          onClick={onNext}
        >
          Next
        </button>
      </div>
    </section>
  )
}
