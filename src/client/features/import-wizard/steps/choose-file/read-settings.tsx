// How the file is read: encoding, delimiter and header row, each with what was detected and why
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useId, useRef } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as z from 'zod'
import type { FileInspection } from '../../core/inspect-file.ts'
import { DELIMITERS, ENCODINGS, type SettingsOverrides } from '../../core/parse-settings.ts'

const settingsSchema = z.object({
  encoding: z.enum(ENCODINGS.map((e) => e.value)),
  delimiter: z.enum(DELIMITERS.map((d) => d.value)),
  headerRowIndex: z.coerce.number<string>().int().min(0),
})
type SettingsForm = z.input<typeof settingsSchema>

export function ReadSettings({
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
