// The mapping step: each column of the file to a HubSpot property, auto-matched first, checked as it changes
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { IssueList } from '#client/components/ui/issue-list.tsx'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { revealBatchSize, useProgressiveReveal } from '#client/lib/use-progressive-reveal.ts'
import { previewColumnValues } from '../../core/column-values.ts'
import { suggestMappingFor } from '../../core/suggestion-cache.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { ImportOperations, MappingDraft, PropertyCatalogs } from '../../core/mapping-draft.ts'
import { evaluateMapping } from '../../core/mapping-rules.ts'
import { operationsFor, useCatalogs } from '../../use-catalogs.ts'
import { chosenObjectTypeIds, type ObjectsChoice } from '../../wizard-state.ts'
import { MatchNote, optionText, propertyOptions, sampleValues } from './column-choices.tsx'
import { CreatePropertyForm } from './create-property-form.tsx'
import {
  draftFromMatches,
  NOT_IMPORTED,
  targetOf,
  toDraft,
  toForm,
  type MappingForm,
  type Target,
} from './mapping-form.ts'
import { MappingHints } from './mapping-hints.tsx'
import { MappingSources } from './mapping-sources.tsx'

/** Options built per render while the selects' lists fill in. */
const OPTIONS_PER_RENDER = 150

interface MapColumnsStepProps {
  inspection: FileInspection
  objects: ObjectsChoice
  mapping: MappingDraft | undefined
  /** the operations chosen so far (Options comes later; until then HubSpot's default) */
  operations: ImportOperations | undefined
  /** `blocked`: the changed mapping is one this step refuses, so no later step may open */
  onChange: (mapping: MappingDraft, blocked: boolean) => void
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

/**
 * One validation path: the mapping is evaluated once per render from the form's values, and that
 * evaluation both marks the selects and gates Next. Each change is handed up as it happens (the
 * select's change, a template applied), so the wizard saves it; the auto-matched mapping needs no
 * saving, it is matched again from the same columns.
 */
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
  // usually worked out already, while the objects step waited for the person
  const matches = useMemo(
    () => suggestMappingFor(inspection, catalogs, objectIds),
    [inspection, catalogs, objectIds],
  )

  const { register, control, getValues, reset, setValue } = useForm<MappingForm>({
    defaultValues: toForm(mapping ?? draftFromMatches(matches, columnNames)),
  })
  const watched = useWatch({ control, name: 'columns' })
  const draft = useMemo(() => toDraft({ columns: watched }, columnNames), [watched, columnNames])
  const evaluation = useMemo(
    () => evaluateMapping(draft, operations, catalogs),
    [draft, operations, catalogs],
  )

  const handOver = useCallback(
    (next: MappingDraft) => onChange(next, !evaluateMapping(next, operations, catalogs).ok),
    [onChange, operations, catalogs],
  )
  const handUp = () => handOver(toDraft(getValues(), columnNames))
  const apply = (next: MappingDraft) => {
    reset(toForm(next))
    handOver(next)
  }

  const used = useMemo(() => {
    const counts = new Map<Target, number>()
    for (const column of watched) {
      if (column.target) counts.set(column.target, (counts.get(column.target) ?? 0) + 1)
    }
    return counts
  }, [watched])

  const options = useMemo(() => propertyOptions(catalogs, objectIds), [catalogs, objectIds])
  const columnValues = useMemo(
    () => previewColumnValues(inspection.previewRows, columnNames.length),
    [inspection.previewRows, columnNames.length],
  )
  // a created property is chosen once the refreshed catalogue offers it in the select
  const [created, setCreated] = useState<{ index: number; target: Target }>()
  useEffect(() => {
    if (!created) return
    const offered = options.some((group) =>
      group.properties.some((p) => targetOf(group.objectTypeId, p.name) === created.target),
    )
    if (!offered) return
    setValue(`columns.${created.index}.target`, created.target, { shouldDirty: true })
    handOver(toDraft(getValues(), columnNames))
    setCreated(undefined)
  }, [created, options, setValue, getValues, handOver, columnNames])
  const samples = useMemo(() => sampleValues(inspection), [inspection])
  // every select offers every property: the step paints with each select holding only its
  // current choice, then the lists fill in a few selects per render (all at once when a select
  // is reached), so no single task builds hundreds of options
  const optionCount = options.reduce((sum, group) => sum + group.properties.length, 0)
  const { revealed, revealAll } = useProgressiveReveal(
    columnNames.length,
    revealBatchSize(optionCount, OPTIONS_PER_RENDER),
  )
  const errors = evaluation.problems.filter((p) => p.severity === 'error')
  const mappedCount = draft.filter((c) => c.propertyName).length

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        if (evaluation.ok) onNext(draft)
      }}
      noValidate
    >
      <MappingSources mapping={draft} objectIds={objectIds} onApply={apply} />
      <MappingHints objectIds={objectIds} catalogs={catalogs} operations={operations} />
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
                      aria-invalid={columnError ? true : undefined}
                      aria-describedby={columnError ? problemId : undefined}
                      onFocus={revealAll}
                      onPointerDown={revealAll}
                      {...register(`columns.${index}.target`, { onChange: handUp })}
                    >
                      <option value={NOT_IMPORTED}>Don't import</option>
                      {options.map((group) => (
                        <optgroup key={group.objectTypeId} label={group.label}>
                          {/* same keys either way: the chosen option stays the same element */}
                          {group.properties.map((property) => {
                            const value = targetOf(group.objectTypeId, property.name)
                            if (index >= revealed && value !== current) return null
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
                    <MatchNote match={matches[index]} current={current} catalogs={catalogs} />
                    {current === NOT_IMPORTED && objectIds[0] && (
                      <CreatePropertyForm
                        columnName={name}
                        values={columnValues[index] ?? []}
                        objectTypeId={objectIds[0]}
                        catalog={catalogs[objectIds[0]] ?? []}
                        onCreated={(objectTypeId, propertyName) =>
                          setCreated({ index, target: targetOf(objectTypeId, propertyName) })
                        }
                      />
                    )}
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
