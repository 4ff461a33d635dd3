// Choosing one file: pick or drop it, see how it is read (a workbook's sheet too), its problems and a preview
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as z from 'zod'
import { ProgressBar } from '#client/components/ui/progress-bar.tsx'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { formatBytes, rowCountInWords } from '#client/lib/format.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import { DELIMITERS, ENCODINGS, type SettingsOverrides } from '../../core/parse-settings.ts'
import type { WorkbookProgress } from '../../core/spreadsheet/workbook-source.ts'
import type { FileStage } from '../../wizard-state.ts'
import { FileIssues } from '../file-issues.tsx'
import { readChosenFile, rereadSource } from './read-chosen-file.ts'

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls'

const settingsSchema = z.object({
  encoding: z.enum(ENCODINGS.map((e) => e.value)),
  delimiter: z.enum(DELIMITERS.map((d) => d.value)),
  headerRowIndex: z.coerce.number<string>().int().min(0),
})
type SettingsForm = z.input<typeof settingsSchema>

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
}

type Reading = { what: 'file' } | { what: 'workbook'; progress: WorkbookProgress | undefined }

export function FilePicker({
  label,
  source,
  onRead,
  onChoose,
  onBusy,
  otherFilesHint,
}: FilePickerProps) {
  const [reading, setReading] = useState<Reading>()
  /** several files were dropped: which one was taken */
  const [droppedNote, setDroppedNote] = useState<string>()
  const [readError, setReadError] = useState<string>()
  const [dragging, setDragging] = useState(false)
  /** a workbook with several sheets waiting for the person to pick one */
  const [picking, setPicking] = useState<{ file: File; sheetNames: string[] }>()
  const inputId = useId()
  const onBusyRef = useRef(onBusy)
  useEffect(() => {
    onBusyRef.current = onBusy
  })
  useEffect(() => onBusyRef.current?.(reading !== undefined), [reading])

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
            {unreadable(source.inspection)
              ? ''
              : `, ${rowCountInWords(source.inspection.estimatedRows, !source.inspection.sampled)}`}
            )
          </p>
          {/* nothing to detect in an empty file or a binary one: hints, overrides and a
              preview of bytes read as text would only distract from the message */}
          {!unreadable(source.inspection) && (
            <ReadSettings
              key={source.file.name + source.file.lastModified}
              inspection={source.inspection}
              overrides={source.overrides}
              workbook={workbook !== undefined}
              disabled={reading !== undefined}
              onChange={(overrides) =>
                void run(
                  async () => onRead(await rereadSource(source, overrides)),
                  source.file,
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

function WorkbookReadProgress({ progress }: { progress: WorkbookProgress | undefined }) {
  if (!progress || progress.stage === 'reading') {
    return <p role="status">Opening the workbook…</p>
  }
  return (
    <ProgressBar
      label="Reading the sheet"
      value={progress.rows}
      max={progress.totalRows}
      text={`${progress.rows.toLocaleString()} of ${progress.totalRows.toLocaleString()} rows`}
    />
  )
}

/** HubSpot imports one sheet of a workbook: the person says which. */
function SheetChoice({
  fileName,
  sheetNames,
  current,
  disabled,
  onPick,
}: {
  fileName: string
  sheetNames: readonly string[]
  current: string | undefined
  disabled: boolean
  onPick: (sheetName: string) => void
}) {
  const name = useId()
  // the pick shows at once, while the sheet is read
  const [picked, setPicked] = useState<string>()
  const checked = picked ?? current
  return (
    <fieldset className="sheet-choice" disabled={disabled}>
      <legend>Which sheet of {fileName} do you want to import?</legend>
      <p className="hint">
        The workbook has {sheetNames.length} sheets and HubSpot imports one. The chosen sheet is
        uploaded on its own, as a CSV named after it.
      </p>
      {sheetNames.map((sheetName) => (
        <label key={sheetName} className="radio">
          <input
            type="radio"
            name={name}
            value={sheetName}
            checked={sheetName === checked}
            onChange={() => {
              setPicked(sheetName)
              onPick(sheetName)
            }}
          />
          {sheetName}
        </label>
      ))}
    </fieldset>
  )
}

function ReadSettings({
  inspection,
  overrides,
  workbook,
  disabled,
  onChange,
}: {
  inspection: FileInspection
  overrides: SettingsOverrides
  /** a workbook's sheet: its CSV is written by the wizard, only the header row is a choice */
  workbook: boolean
  disabled: boolean
  onChange: (overrides: SettingsOverrides) => void
}) {
  const { register, control } = useForm<SettingsForm, unknown, z.output<typeof settingsSchema>>({
    resolver: zodResolver(settingsSchema),
    values: {
      encoding: inspection.settings.encoding,
      delimiter: inspection.settings.delimiter,
      headerRowIndex: String(inspection.settings.headerRowIndex),
    },
  })
  const values = useWatch({ control })
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  useEffect(() => {
    const parsed = settingsSchema.safeParse(values)
    if (!parsed.success) return
    const next = parsed.data
    const current = inspection.settings
    if (
      next.encoding === current.encoding &&
      next.delimiter === current.delimiter &&
      next.headerRowIndex === current.headerRowIndex
    ) {
      return
    }
    // only the field the person changed becomes an override; the others keep being detected
    onChangeRef.current({
      ...overrides,
      ...(next.encoding !== current.encoding ? { encoding: next.encoding } : {}),
      ...(next.delimiter !== current.delimiter ? { delimiter: next.delimiter } : {}),
      ...(next.headerRowIndex !== current.headerRowIndex
        ? { headerRowIndex: next.headerRowIndex }
        : {}),
    })
  }, [values, inspection, overrides])

  const { detected } = inspection
  const id = useId()
  return (
    <fieldset className="read-settings" disabled={disabled}>
      <legend>How the file is read</legend>
      {!workbook && (
        <>
          <div className="field">
            <label htmlFor={`${id}-encoding`}>Encoding</label>
            <select
              id={`${id}-encoding`}
              {...register('encoding')}
              aria-describedby={`${id}-encoding-why`}
            >
              {ENCODINGS.map((e) => (
                <option key={e.value} value={e.value}>
                  {e.label}
                </option>
              ))}
            </select>
            <small id={`${id}-encoding-why`}>Detected: {detected.encoding.reason}</small>
          </div>
          <div className="field">
            <label htmlFor={`${id}-delimiter`}>Delimiter</label>
            <select
              id={`${id}-delimiter`}
              {...register('delimiter')}
              aria-describedby={`${id}-delimiter-why`}
            >
              {DELIMITERS.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </select>
            <small id={`${id}-delimiter-why`}>Detected: {detected.delimiter.reason}</small>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-header-row`}>Header row</label>
        <select
          id={`${id}-header-row`}
          {...register('headerRowIndex')}
          aria-describedby={`${id}-header-row-why`}
        >
          {inspection.headRows.slice(0, 15).map((row, index) => (
            <option key={index} value={String(index)}>
              {`Row ${index + 1}: ${summariseRow(row)}`}
            </option>
          ))}
        </select>
        <small id={`${id}-header-row-why`}>Detected: {detected.headerRow.reason}</small>
      </div>
    </fieldset>
  )
}

function summariseRow(row: readonly string[]): string {
  const text = row
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(', ')
  if (!text) return '(blank)'
  return text.length > 70 ? `${text.slice(0, 69)}…` : text
}

function PreviewTable({ inspection }: { inspection: FileInspection }) {
  const rows = inspection.previewRows.slice(0, 10)
  if (inspection.columnNames.length === 0) return null
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="File preview">
      <table>
        <caption>
          Preview: the first {rows.length} {rows.length === 1 ? 'row' : 'rows'} as they will be
          imported
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            {inspection.columnNames.map((name, index) => (
              <th key={index} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              <th scope="row">{inspection.previewLineNumbers[rowIndex]}</th>
              {row.map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
