import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useMemo, useRef } from 'react'
import { useForm, useWatch, type UseFormReset } from 'react-hook-form'
import * as z from 'zod'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { autoMatchColumns } from '#client/wizard/core/auto-match-columns.ts'
import { evaluateMapping, mappingIssues } from '#client/wizard/core/mapping-rules.ts'
import type {
  ColumnMatch,
  FileInspection,
  ImportOperations,
  MappingDraft,
  MatchConfidence,
  PropertyCatalogs,
} from '#client/wizard/core/types.ts'
import { operationsFor, useCatalogs } from '../use-catalogs.ts'
import { chosenObjectTypeIds, type ObjectsChoice } from '../wizard-state.ts'
import { IssueList } from './file-issues.tsx'
import { MappingSources } from './mapping-sources.tsx'

/** a select's value: `<objectTypeId>/<propertyName>`, or '' for "Don't import" */
type Target = string
const NOT_IMPORTED = ''
const targetOf = (objectTypeId: string | null, propertyName: string | null): Target =>
  objectTypeId && propertyName ? `${objectTypeId}/${propertyName}` : NOT_IMPORTED

interface MappingForm {
  columns: { target: Target }[]
}

function toForm(mapping: MappingDraft): MappingForm {
  return { columns: mapping.map((c) => ({ target: targetOf(c.objectTypeId, c.propertyName) })) }
}

function toDraft(form: MappingForm, columnNames: readonly string[]): MappingDraft {
  return columnNames.map((columnName, columnIndex) => {
    const target = form.columns[columnIndex]?.target ?? NOT_IMPORTED
    const slash = target.indexOf('/')
    return slash < 0
      ? { columnIndex, columnName, objectTypeId: null, propertyName: null }
      : {
          columnIndex,
          columnName,
          objectTypeId: target.slice(0, slash) as ObjectTypeId,
          propertyName: target.slice(slash + 1),
        }
  })
}

function draftFromMatches(
  matches: readonly ColumnMatch[],
  columnNames: readonly string[],
): MappingDraft {
  return columnNames.map((columnName, columnIndex) => {
    const match = matches[columnIndex]
    return match?.objectTypeId && match.propertyName && match.confidence !== 'ambiguous'
      ? {
          columnIndex,
          columnName,
          objectTypeId: match.objectTypeId,
          propertyName: match.propertyName,
        }
      : { columnIndex, columnName, objectTypeId: null, propertyName: null }
  })
}

interface MapColumnsStepProps {
  inspection: FileInspection
  objects: ObjectsChoice
  mapping: MappingDraft | undefined
  /** the operations chosen so far (Options comes later; until then HubSpot's default) */
  operations: ImportOperations | undefined
  onChange: (mapping: MappingDraft) => void
  onBack: () => void
  onNext: (mapping: MappingDraft) => void
}

export function MapColumnsStep(props: MapColumnsStepProps) {
  const { catalogs, isPending, error, refetch } = useCatalogs(props.objects)
  return (
    <section aria-labelledby="map-columns-heading" className="wizard-step">
      <h2 tabIndex={-1} id="map-columns-heading">
        Map columns to HubSpot properties
      </h2>
      {isPending && <p role="status">Loading HubSpot properties…</p>}
      {error && (
        <div role="alert">
          <p>Could not load the HubSpot properties: {getErrorMessage(error)}</p>
          <button type="button" onClick={refetch}>
            Try again
          </button>
        </div>
      )}
      {!isPending && !error && <MappingEditor {...props} catalogs={catalogs} />}
      {(isPending || error) && (
        <div className="wizard-actions">
          <button type="button" onClick={props.onBack}>
            Back
          </button>
        </div>
      )}
    </section>
  )
}

function MappingEditor({
  inspection,
  objects,
  mapping,
  operations: chosenOperations,
  catalogs,
  onChange,
  onBack,
  onNext,
}: MapColumnsStepProps & { catalogs: PropertyCatalogs }) {
  const { columnNames } = inspection
  const objectIds = useMemo(() => chosenObjectTypeIds(objects), [objects])
  const operations = useMemo(
    () => operationsFor(objects, chosenOperations),
    [objects, chosenOperations],
  )
  const matches = useMemo(
    () => autoMatchColumns(columnNames, catalogs, objectIds),
    [columnNames, catalogs, objectIds],
  )
  const initial = useMemo(
    () => mapping ?? draftFromMatches(matches, columnNames),
    // the form owns the mapping after the first render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  const schema = useMemo(
    () =>
      z.object({ columns: z.array(z.object({ target: z.string() })) }).superRefine((value, ctx) => {
        const evaluation = evaluateMapping(toDraft(value, columnNames), operations, catalogs)
        for (const issue of mappingIssues(evaluation)) {
          const path = issue.path.map((part) => (part === 'propertyName' ? 'target' : part))
          ctx.addIssue({ code: 'custom', path, message: issue.message })
        }
      }),
    [columnNames, operations, catalogs],
  )

  const { register, handleSubmit, control, reset } = useForm<MappingForm>({
    resolver: zodResolver(schema),
    defaultValues: toForm(initial),
  })
  const watched = useWatch({ control, name: 'columns' })
  const draft = useMemo(() => toDraft({ columns: watched }, columnNames), [watched, columnNames])
  const evaluation = useMemo(
    () => evaluateMapping(draft, operations, catalogs),
    [draft, operations, catalogs],
  )

  // every change is saved with the wizard, so a reload in the middle of mapping loses nothing
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })
  const lastSent = useRef<string>('')
  useEffect(() => {
    const json = JSON.stringify(draft)
    if (json === lastSent.current) return
    lastSent.current = json
    onChangeRef.current(draft)
  }, [draft])

  const used = useMemo(() => {
    const counts = new Map<Target, number>()
    for (const column of watched) {
      if (column.target) counts.set(column.target, (counts.get(column.target) ?? 0) + 1)
    }
    return counts
  }, [watched])

  const options = useMemo(() => propertyOptions(catalogs, objectIds), [catalogs, objectIds])
  const samples = useMemo(() => sampleValues(inspection), [inspection])
  const invalidColumns = new Set(
    evaluation.problems.filter((p) => p.severity === 'error').flatMap((p) => p.columnIndexes),
  )
  const errors = evaluation.problems.filter((p) => p.severity === 'error')
  const mappedCount = draft.filter((c) => c.propertyName).length

  return (
    <form onSubmit={handleSubmit(() => onNext(draft))} noValidate>
      <MappingSources
        mapping={draft}
        objectIds={objectIds}
        onApply={(next) => applyMapping(reset, next)}
      />
      <p>
        {mappedCount} of {columnNames.length} columns will be imported. Columns set to "Don't
        import" are left out of the upload.
      </p>
      <div className="table-scroll">
        <table className="mapping-table">
          <caption className="visually-hidden">Column mapping</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Sample values</th>
              <th scope="col">HubSpot property</th>
              <th scope="col">Match</th>
            </tr>
          </thead>
          <tbody>
            {columnNames.map((name, index) => {
              const current = watched[index]?.target ?? NOT_IMPORTED
              const match = matches[index]
              const selectId = `map-column-${index}`
              const problemId = `map-column-${index}-problem`
              const columnError = errors.find((p) => p.columnIndexes.includes(index))
              return (
                <tr key={index}>
                  <th scope="row">{name}</th>
                  <td className="samples">{samples[index]?.join(', ') || <em>(empty)</em>}</td>
                  <td>
                    <label htmlFor={selectId} className="visually-hidden">
                      HubSpot property for column {name}
                    </label>
                    <select
                      id={selectId}
                      aria-invalid={invalidColumns.has(index) ? true : undefined}
                      aria-describedby={columnError ? problemId : undefined}
                      {...register(`columns.${index}.target`)}
                    >
                      <option value={NOT_IMPORTED}>Don't import</option>
                      {options.map((group) => (
                        <optgroup key={group.objectTypeId} label={group.label}>
                          {group.properties.map((property) => {
                            const value = targetOf(group.objectTypeId, property.name)
                            const takenElsewhere = value !== current && (used.get(value) ?? 0) > 0
                            return (
                              <option key={value} value={value} disabled={takenElsewhere}>
                                {optionText(property, group.label, objectIds.length > 1)}
                                {takenElsewhere ? ' (already mapped)' : ''}
                              </option>
                            )
                          })}
                        </optgroup>
                      ))}
                    </select>
                    {columnError && (
                      <p id={problemId} className="error-text">
                        {columnError.message}
                      </p>
                    )}
                  </td>
                  <td>
                    <MatchNote match={match} current={current} catalogs={catalogs} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <IssueList issues={evaluation.problems} errorTitle="Fix the mapping to continue:" />

      <div className="wizard-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary" disabled={!evaluation.ok}>
          Next
        </button>
      </div>
    </form>
  )
}

function applyMapping(reset: UseFormReset<MappingForm>, mapping: MappingDraft) {
  reset(toForm(mapping))
}

const CONFIDENCE_TEXT: Record<MatchConfidence, string> = {
  exact: 'Exact match',
  high: 'Likely match',
  fuzzy: 'Guess: check it',
  ambiguous: 'Ambiguous',
  none: 'No match found',
}

function MatchNote({
  match,
  current,
  catalogs,
}: {
  match: ColumnMatch | undefined
  current: Target
  catalogs: PropertyCatalogs
}) {
  if (!match) return null
  if (match.confidence === 'ambiguous') {
    const names = match.alternatives
      .slice(0, 3)
      .map((c) => `${c.label} (${objectLabel(c.objectTypeId)})`)
    return (
      <span className="match match-ambiguous">
        Ambiguous: could be {names.join(' or ')}. Pick one.
      </span>
    )
  }
  if (match.confidence === 'none' || !match.objectTypeId || !match.propertyName) {
    return <span className="match match-none">{CONFIDENCE_TEXT.none}</span>
  }
  const suggested = targetOf(match.objectTypeId, match.propertyName)
  if (suggested !== current) {
    const label =
      catalogs[match.objectTypeId]?.find((p) => p.name === match.propertyName)?.label ??
      match.propertyName
    return <span className="match match-changed">Changed by you (suggested: {label})</span>
  }
  return (
    <span className={`match match-${match.confidence}`}>{CONFIDENCE_TEXT[match.confidence]}</span>
  )
}

const objectLabel = (id: ObjectTypeId) =>
  OBJECT_TYPES.find((o) => o.objectTypeId === id)?.label ?? id

/**
 * An option's text. With two objects the object is part of the text, not only the optgroup's
 * label: a closed select and a screen reader announce only the selected option's own text.
 */
export function optionText(property: Property, objectLabel: string, twoObjects: boolean): string {
  if (property.name === 'hs_object_id')
    return `Record ID (identifies existing ${objectLabel.toLowerCase()})`
  return twoObjects ? `${property.label} — ${objectLabel}` : property.label
}

/** Properties a column can go to: writable ones, plus the record ID as an identifier. */
function propertyOptions(catalogs: PropertyCatalogs, objectIds: readonly ObjectTypeId[]) {
  return objectIds.map((objectTypeId) => {
    const properties = (catalogs[objectTypeId] ?? []).filter(
      (p: Property) => p.name === 'hs_object_id' || (!p.archived && !p.hidden && isWritable(p)),
    )
    properties.sort((a, b) =>
      a.name === 'hs_object_id'
        ? -1
        : b.name === 'hs_object_id'
          ? 1
          : a.label.localeCompare(b.label),
    )
    return { objectTypeId, label: objectLabel(objectTypeId), properties }
  })
}

/** up to three distinct non-blank values per column from the preview */
function sampleValues(inspection: FileInspection): string[][] {
  return inspection.columnNames.map((_, index) => {
    const values: string[] = []
    for (const row of inspection.previewRows) {
      const value = row[index]?.trim()
      if (value && !values.includes(value))
        values.push(value.length > 40 ? `${value.slice(0, 39)}…` : value)
      if (values.length === 3) break
    }
    return values
  })
}
