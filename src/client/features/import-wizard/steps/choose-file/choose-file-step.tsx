// The file step: choose or drop a file, see how it is read, change the encoding, delimiter or header row
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as z from 'zod'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { formatBytes } from '#client/lib/format.ts'
import { inspectFile } from '../../core/inspect-file.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import { DELIMITERS, ENCODINGS, type SettingsOverrides } from '../../core/parse-settings.ts'
import type { FileStage } from '../../wizard-state.ts'
import { FileIssues } from '../file-issues.tsx'

const ACCEPT = '.csv,.tsv,.txt'

const settingsSchema = z.object({
  encoding: z.enum(ENCODINGS.map((e) => e.value)),
  delimiter: z.enum(DELIMITERS.map((d) => d.value)),
  headerRowIndex: z.coerce.number<string>().int().min(0),
})
type SettingsForm = z.input<typeof settingsSchema>

interface ChooseFileStepProps {
  source: FileStage | undefined
  onRead: (source: FileStage) => void
  /** another file was picked: what depended on the previous one goes before it is read */
  onChoose?: () => void
  onNext: () => void
}

export function ChooseFileStep({ source, onRead, onChoose, onNext }: ChooseFileStepProps) {
  const [reading, setReading] = useState(false)
  const [readError, setReadError] = useState<string>()
  const [dragging, setDragging] = useState(false)
  const inputId = useId()

  const read = async (file: File, overrides: SettingsOverrides) => {
    setReading(true)
    setReadError(undefined)
    try {
      const inspection = await inspectFile(file, overrides, file.name)
      onRead({ file, overrides, inspection })
    } catch (error) {
      // NotReadableError: the file changed on disk or was moved after it was chosen
      setReadError(
        `Could not read "${file.name}": ${getErrorMessage(error)}. Choose the file again.`,
      )
    } finally {
      setReading(false)
    }
  }

  const choose = (file: File) => {
    onChoose?.()
    void read(file, {})
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) choose(file)
  }

  const blocked = !source || source.inspection.issues.some((issue) => issue.severity === 'error')

  return (
    <section aria-labelledby="choose-file-heading" className="wizard-step">
      <h2 tabIndex={-1} id="choose-file-heading">
        Choose a file
      </h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId}>Choose a CSV file</label>
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
          or drop it here. CSV, TSV or text exported from Excel, Google Sheets or another CRM; up to
          512 MB.
        </p>
      </div>
      {reading && <p role="status">Reading the file…</p>}
      {readError && <p role="alert">{readError}</p>}

      {source && (
        <>
          <p>
            <strong>{source.file.name}</strong> ({formatBytes(source.file.size)}
            {source.inspection.sampled
              ? `, about ${source.inspection.estimatedRows.toLocaleString()} rows`
              : `, ${source.inspection.estimatedRows.toLocaleString()} rows`}
            )
          </p>
          {/* nothing to detect in an empty file: hints and overrides would only distract */}
          {!isEmpty(source.inspection) && (
            <ReadSettings
              key={source.file.name + source.file.lastModified}
              inspection={source.inspection}
              overrides={source.overrides}
              disabled={reading}
              onChange={(overrides) => void read(source.file, overrides)}
            />
          )}
          <FileIssues issues={source.inspection.issues} />
          <PreviewTable inspection={source.inspection} />
        </>
      )}

      <div className="wizard-actions">
        <button type="button" className="primary" disabled={blocked || reading} onClick={onNext}>
          Next
        </button>
      </div>
    </section>
  )
}

const isEmpty = (inspection: FileInspection) =>
  inspection.issues.some((issue) => issue.code === 'EMPTY_FILE')

function ReadSettings({
  inspection,
  overrides,
  disabled,
  onChange,
}: {
  inspection: FileInspection
  overrides: SettingsOverrides
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
  return (
    <fieldset className="read-settings" disabled={disabled}>
      <legend>How the file is read</legend>
      <div className="field">
        <label htmlFor="read-encoding">Encoding</label>
        <select id="read-encoding" {...register('encoding')} aria-describedby="read-encoding-why">
          {ENCODINGS.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
        <small id="read-encoding-why">Detected: {detected.encoding.reason}</small>
      </div>
      <div className="field">
        <label htmlFor="read-delimiter">Delimiter</label>
        <select
          id="read-delimiter"
          {...register('delimiter')}
          aria-describedby="read-delimiter-why"
        >
          {DELIMITERS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
        <small id="read-delimiter-why">Detected: {detected.delimiter.reason}</small>
      </div>
      <div className="field">
        <label htmlFor="read-header-row">Header row</label>
        <select
          id="read-header-row"
          {...register('headerRowIndex')}
          aria-describedby="read-header-row-why"
        >
          {inspection.headRows.slice(0, 15).map((row, index) => (
            <option key={index} value={String(index)}>
              {`Row ${index + 1}: ${summariseRow(row)}`}
            </option>
          ))}
        </select>
        <small id="read-header-row-why">Detected: {detected.headerRow.reason}</small>
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
