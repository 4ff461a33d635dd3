// Choosing one file: pick or drop it, see how it is read (a workbook's sheet too), its problems and a preview
import { useDeferredValue, useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { formatBytes, rowCountInWords } from '#client/lib/format.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { WorkbookProgress } from '../../core/spreadsheet/workbook-source.ts'
import { warmCsvWorker } from '../../csv-tasks.ts'
import type { FileStage } from '../../wizard-state.ts'
import { FileIssues } from '../file-issues.tsx'
import { PreviewTable } from './file-preview.tsx'
import { readChosenFile, rereadSource } from './read-chosen-file.ts'
import { ReadSettings } from './read-settings.tsx'
import { SheetChoice } from './sheet-choice.tsx'
import { WorkbookReadProgress } from './workbook-read-progress.tsx'

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls'

export interface FilePickerProps {
  /** the file input's label, e.g. "Choose a CSV or Excel file" */
  label: string
  source: FileStage | undefined
  onRead: (source: FileStage) => void
  /** another file was picked: what depended on the previous one goes before it is read */
  onChoose?: (() => void) | undefined
  /** reading started or ended (the step's Next waits for it) */
  onBusy?: ((busy: boolean) => void) | undefined
  /** where another dropped file can go, said when several are dropped at once */
  otherFilesHint?: string | undefined
  /** the picker appeared because the person asked for it: its input takes the focus */
  focusOnMount?: boolean | undefined
}

/** The scan's exact count once the check step has run, else the head's estimate. */
function rowCountOf({ countedRows, inspection }: FileStage): string {
  return countedRows === undefined
    ? rowCountInWords(inspection.estimatedRows, !inspection.sampled)
    : rowCountInWords(countedRows, true)
}

type Reading = { what: 'file' } | { what: 'workbook'; progress: WorkbookProgress | undefined }

export function FilePicker({
  label,
  source,
  onRead,
  onChoose,
  onBusy,
  otherFilesHint,
  focusOnMount,
}: FilePickerProps) {
  const [reading, setReading] = useState<Reading>()
  /** several files were dropped: which one was taken */
  const [droppedNote, setDroppedNote] = useState<string>()
  const [readError, setReadError] = useState<string>()
  const [dragging, setDragging] = useState(false)
  /** a workbook with several sheets waiting for the person to pick one */
  const [picking, setPicking] = useState<{ file: File; sheetNames: string[] }>()
  const inputId = useId()
  const input = useRef<HTMLInputElement>(null)
  // only on mount: a later render must not take the focus back
  const [focusFirst] = useState(focusOnMount)
  useEffect(() => {
    if (focusFirst) input.current?.focus()
  }, [focusFirst])
  const onBusyRef = useRef(onBusy)
  useEffect(() => {
    onBusyRef.current = onBusy
  })
  useEffect(() => onBusyRef.current?.(reading !== undefined), [reading])
  // the file is read in the CSV worker: start it now, not when a file is chosen
  useEffect(warmCsvWorker, [])

  const run = async (task: () => Promise<void>, file: File, workbook: boolean) => {
    setReading(workbook ? { what: 'workbook', progress: undefined } : { what: 'file' })
    setReadError(undefined)
    try {
      await task()
    } catch (error) {
      // NotReadableError: the file changed on disk or was moved after it was chosen
      setReadError(`Could not read "${file.name}": ${getErrorMessage(error)}`)
    } finally {
      setReading(undefined)
    }
  }

  const read = (file: File, sheetName?: string) =>
    run(
      async () => {
        const result = await readChosenFile(
          file,
          {},
          {
            ...(sheetName === undefined ? {} : { sheetName }),
            onProgress: (progress) => setReading({ what: 'workbook', progress }),
          },
        )
        if (result.kind === 'refused') setReadError(result.message)
        else if (result.kind === 'pick-sheet') setPicking(result)
        else {
          setPicking(undefined)
          onRead(result.source)
        }
      },
      file,
      /\.xlsx$/i.test(file.name),
    )

  const choose = (file: File, note?: string) => {
    setDroppedNote(note)
    setPicking(undefined)
    onChoose?.()
    void read(file)
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    const { files } = event.dataTransfer
    const file = files[0]
    if (!file) return
    // one file per picker: say so rather than silently dropping the others
    choose(
      file,
      files.length > 1
        ? `${files.length} files were dropped; one file is read at a time, so "${file.name}" was used.${otherFilesHint ? ` ${otherFilesHint}` : ''}`
        : undefined,
    )
  }

  // the preview paints first; the read settings (a form) follow in a deferred, interruptible render
  const settingsSource = useDeferredValue(source)
  const workbook = source?.workbook
  const sheetChoice = picking ?? (workbook && workbook.sheetNames.length > 1 ? workbook : undefined)

  return (
    <>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId}>{label}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            if (file) choose(file)
          }}
        />
        <p id={`${inputId}-hint`} className="hint">
          or drop it here. CSV, TSV or text exported from Excel, Google Sheets or another CRM, or an
          Excel workbook (.xlsx); up to 512 MB.
        </p>
      </div>
      {droppedNote && (
        <p role="status" className="hint">
          {droppedNote}
        </p>
      )}
      {reading?.what === 'file' && <p role="status">Reading the file…</p>}
      {reading?.what === 'workbook' && <WorkbookReadProgress progress={reading.progress} />}
      {readError && <p role="alert">{readError}</p>}

      {sheetChoice && (
        <SheetChoice
          fileName={sheetChoice.file.name}
          sheetNames={sheetChoice.sheetNames}
          current={picking ? undefined : workbook?.sheetName}
          disabled={reading !== undefined}
          onPick={(sheetName) => void read(sheetChoice.file, sheetName)}
        />
      )}

      {source && !picking && (
        <>
          <p>
            <strong>{workbook ? workbook.file.name : source.file.name}</strong> (
            {formatBytes((workbook?.file ?? source.file).size)}
            {workbook && workbook.sheetNames.length > 1 ? `, sheet ${workbook.sheetName}` : ''}
            {unreadable(source.inspection) ? '' : `, ${rowCountOf(source)}`})
          </p>
          {/* nothing to detect in an empty file or a binary one: hints, overrides and a
              preview of bytes read as text would only distract from the message */}
          {settingsSource &&
            !unreadable(source.inspection) &&
            !unreadable(settingsSource.inspection) && (
              <ReadSettings
                key={settingsSource.file.name + settingsSource.file.lastModified}
                inspection={settingsSource.inspection}
                overrides={settingsSource.overrides}
                workbook={settingsSource.workbook !== undefined}
                disabled={reading !== undefined || settingsSource !== source}
                onChange={(overrides) =>
                  void run(
                    async () => onRead(await rereadSource(settingsSource, overrides)),
                    settingsSource.file,
                    false,
                  )
                }
              />
            )}
          <FileIssues issues={source.inspection.issues} />
          {!unreadable(source.inspection) && <PreviewTable inspection={source.inspection} />}
        </>
      )}
    </>
  )
}

/** empty, or not text at all (a workbook, a PDF, an image renamed .csv) */
const unreadable = (inspection: FileInspection) =>
  inspection.issues.some((issue) => issue.code === 'EMPTY_FILE' || issue.code === 'NOT_A_CSV')
