// The options step: the import's name, the operation per object, the date format, contact options
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as z from 'zod'
import { DATE_FORMATS, IMPORT_OPERATIONS } from '#shared/hubspot/import-request.ts'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { DATE_FORMAT_HINTS } from '#shared/value-rules/date-rules.ts'
import { suggestDateFormat } from '#shared/value-rules/suggest-date-format.ts'
import { IssueList } from '#client/components/ui/issue-list.tsx'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { MappingDraft, PropertyCatalogs } from '../../core/mapping-draft.ts'
import { evaluateMapping } from '../../core/mapping-rules.ts'
import { DATE_FORMAT_LABELS, OPERATION_LABELS } from '../../labels.ts'
import { operationsFor, useCatalogs } from '../../use-catalogs.ts'
import { chosenObjectTypeIds, type ImportOptions, type ObjectsChoice } from '../../wizard-state.ts'

const optionsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Give the import a name, so you can find it in the imports list.' })
    .max(255, { error: 'Keep the name under 256 characters.' }),
  operations: z.partialRecord(
    z.enum(OBJECT_TYPES.map((o) => o.objectTypeId)),
    z.enum(IMPORT_OPERATIONS),
  ),
  dateFormat: z.enum(DATE_FORMATS),
  marketableContactImport: z.boolean(),
  createContactListFromImport: z.boolean(),
})

const labelOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.label

/** Non-blank preview values of the columns mapped to date or datetime properties. */
function dateSamples(
  inspection: FileInspection,
  mapping: MappingDraft,
  catalogs: PropertyCatalogs,
): { columns: string[]; samples: string[] } {
  const dateColumns = mapping.filter((column) => {
    if (!column.objectTypeId || !column.propertyName) return false
    const property = catalogs[column.objectTypeId]?.find((p) => p.name === column.propertyName)
    return property?.type === 'date' || property?.type === 'datetime'
  })
  const samples = dateColumns.flatMap((column) =>
    inspection.previewRows.map((row) => row[column.columnIndex] ?? '').filter((v) => v.trim()),
  )
  return { columns: dateColumns.map((c) => c.columnName), samples }
}

function defaultName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '')
  return `${base} – ${new Date().toLocaleDateString()}`
}

interface ImportOptionsStepProps {
  inspection: FileInspection
  objects: ObjectsChoice
  mapping: MappingDraft
  options: ImportOptions | undefined
  onChange: (options: ImportOptions) => void
  onBack: () => void
  onNext: (options: ImportOptions) => void
}

export function ImportOptionsStep({
  inspection,
  objects,
  mapping,
  options,
  onChange,
  onBack,
  onNext,
}: ImportOptionsStepProps) {
  const { catalogs } = useCatalogs(objects)
  const objectIds = chosenObjectTypeIds(objects)
  const hasContacts = objectIds.includes('0-1')
  const dates = useMemo(
    () => dateSamples(inspection, mapping, catalogs),
    [inspection, mapping, catalogs],
  )
  const suggestion = useMemo(() => suggestDateFormat(dates.samples), [dates])

  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useForm<ImportOptions>({
    resolver: zodResolver(optionsSchema),
    defaultValues: options ?? {
      name: defaultName(inspection.fileName),
      operations: operationsFor(objects, undefined),
      dateFormat: suggestion.suggested ?? 'MONTH_DAY_YEAR',
      marketableContactImport: false,
      createContactListFromImport: false,
    },
  })

  const values = useWatch({ control }) as ImportOptions
  const operations = useMemo(
    () => operationsFor(objects, values.operations),
    [objects, values.operations],
  )
  const evaluation = useMemo(
    () => evaluateMapping(mapping, operations, catalogs),
    [mapping, operations, catalogs],
  )
  const mappingErrors = evaluation.problems.filter((p) => p.severity === 'error')

  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })
  useEffect(() => {
    onChangeRef.current({ ...values, operations })
  }, [values, operations])

  const submit = handleSubmit((value) => onNext({ ...value, operations }))
  const dateFormatHelp = dates.columns.length
    ? suggestion.suggested
      ? `Suggested from ${dates.columns.join(', ')}: ${DATE_FORMAT_LABELS[suggestion.suggested]}.`
      : `No single format reads every date in ${dates.columns.join(', ')}; the check step lists the ones that don't fit.`
    : 'No column is mapped to a date property, so this only matters if you map one.'

  return (
    <form onSubmit={submit} aria-labelledby="options-heading" className="wizard-step" noValidate>
      <h2 tabIndex={-1} id="options-heading">
        Import options
      </h2>
      <div className="field">
        <label htmlFor="import-name">Import name</label>
        <input
          id="import-name"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'import-name-error' : undefined}
          {...register('name')}
        />
        {errors.name && (
          <p id="import-name-error" role="alert">
            {errors.name.message}
          </p>
        )}
      </div>

      {objectIds.map((id) => (
        <div className="field" key={id}>
          <label htmlFor={`operation-${id}`}>Operation for {labelOf(id)}</label>
          <select id={`operation-${id}`} {...register(`operations.${id}`)}>
            {IMPORT_OPERATIONS.map((operation) => (
              <option key={operation} value={operation}>
                {OPERATION_LABELS[operation]}
              </option>
            ))}
          </select>
        </div>
      ))}

      <div className="field">
        <label htmlFor="date-format">Date format</label>
        <select id="date-format" aria-describedby="date-format-help" {...register('dateFormat')}>
          {DATE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {DATE_FORMAT_LABELS[format]} ({DATE_FORMAT_HINTS[format].split(', such as ')[1]})
            </option>
          ))}
        </select>
        <div id="date-format-help" className="hint">
          <p>{dateFormatHelp}</p>
          {suggestion.candidates.length > 1 && suggestion.ambiguousExamples.length > 0 && (
            <p>
              These dates read differently depending on the format:{' '}
              {suggestion.ambiguousExamples.map((example, i) => (
                <span key={example}>
                  {i > 0 ? ', ' : ''}
                  <code>{example}</code>
                </span>
              ))}
              . Check which one your file uses.
            </p>
          )}
        </div>
      </div>

      {hasContacts && (
        <fieldset>
          <legend>Contacts</legend>
          <label className="choice">
            <input type="checkbox" {...register('marketableContactImport')} />
            Set the imported contacts as marketing contacts
          </label>
          <label className="choice">
            <input type="checkbox" {...register('createContactListFromImport')} />
            Create a list of the imported contacts
          </label>
        </fieldset>
      )}

      <IssueList
        issues={evaluation.problems}
        errorTitle="With these operations, the mapping needs a change:"
      />

      <div className="wizard-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary" disabled={mappingErrors.length > 0}>
          Next
        </button>
      </div>
    </form>
  )
}
