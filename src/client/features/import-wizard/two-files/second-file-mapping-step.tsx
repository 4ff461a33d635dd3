// The mapping step's second turn in a two-file import: the second file's object, the common column, then its columns
import { useMemo, useState } from 'react'
import {
  defaultAssociationTypeId,
  OBJECT_TYPES,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import { autoMatchColumns } from '../core/auto-match-columns.ts'
import type { MappingDraft } from '../core/mapping-draft.ts'
import {
  guessCommonColumns,
  resolveCommonColumn,
  type CommonColumnPick,
} from '../core/two-files/common-column.ts'
import { MapColumnsStep } from '../steps/map-columns/map-columns-step.tsx'
import { draftFromMatches } from '../steps/map-columns/mapping-form.ts'
import { useCatalogs } from '../use-catalogs.ts'
import type { FileStage, ImportOptions, ObjectsChoice } from '../wizard-state.ts'
import type { SecondFile } from './second-file-state.ts'

interface SecondFileMappingStepProps {
  first: { source: FileStage; objects: ObjectsChoice; mapping: MappingDraft }
  second: SecondFile
  options: ImportOptions | undefined
  onChange: (update: (second: SecondFile) => SecondFile) => void
  onBack: () => void
  onNext: () => void
}

const labelOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.label

/** Objects HubSpot associates with `first` by default, both ways. */
export function pairableObjects(first: ObjectTypeId): ObjectTypeId[] {
  return OBJECT_TYPES.map((o) => o.objectTypeId).filter(
    (id) =>
      id !== first &&
      defaultAssociationTypeId(first, id) !== undefined &&
      defaultAssociationTypeId(id, first) !== undefined,
  )
}

export function SecondFileMappingStep(props: SecondFileMappingStepProps) {
  const { first, second, onChange } = props
  const firstObject = first.objects.kind === 'one' ? first.objects.objectTypeId : undefined
  const choices = firstObject ? pairableObjects(firstObject) : []
  const secondObject =
    second.objectTypeId && choices.includes(second.objectTypeId) ? second.objectTypeId : choices[0]
  const secondName = second.source.workbook?.file.name ?? second.source.file.name
  const firstName = first.source.workbook?.file.name ?? first.source.file.name

  return (
    <section aria-labelledby="second-file-mapping-heading" className="wizard-step">
      <h2 tabIndex={-1} id="second-file-mapping-heading">
        Map the second file: {secondName}
      </h2>
      {!firstObject || !secondObject ? (
        <>
          <p role="alert">
            A two-file import holds one object per file: go back and choose one object for{' '}
            {firstName}.
          </p>
          <div className="wizard-actions">
            <button type="button" onClick={props.onBack}>
              Back
            </button>
          </div>
        </>
      ) : (
        <SecondFileMapping
          {...props}
          firstObject={firstObject}
          secondObject={secondObject}
          choices={choices}
          firstName={firstName}
          secondName={secondName}
          onObject={(objectTypeId) =>
            onChange((s) => ({ ...s, objectTypeId, mapping: undefined, edits: undefined }))
          }
        />
      )}
    </section>
  )
}

function SecondFileMapping({
  first,
  second,
  options,
  onChange,
  onBack,
  onNext,
  firstObject,
  secondObject,
  choices,
  firstName,
  secondName,
  onObject,
}: SecondFileMappingStepProps & {
  firstObject: ObjectTypeId
  secondObject: ObjectTypeId
  choices: ObjectTypeId[]
  firstName: string
  secondName: string
  onObject: (objectTypeId: ObjectTypeId) => void
}) {
  const objects = useMemo<ObjectsChoice>(
    () => ({ kind: 'one', objectTypeId: secondObject }),
    [secondObject],
  )
  const both = useMemo<ObjectsChoice>(
    () => ({ kind: 'two', primary: firstObject, secondary: secondObject, associationTypeId: 0 }),
    [firstObject, secondObject],
  )
  const { catalogs, isPending } = useCatalogs(both)
  const firstColumns = first.source.inspection.columnNames
  const secondColumns = second.source.inspection.columnNames
  // the auto-matched mapping until the person changes one (the mapping step saves only changes)
  const secondMapping = useMemo(
    () =>
      second.mapping ??
      draftFromMatches(autoMatchColumns(secondColumns, catalogs, [secondObject]), secondColumns),
    [second.mapping, secondColumns, catalogs, secondObject],
  )
  const pick: CommonColumnPick | undefined =
    second.common ??
    guessCommonColumns({ columnNames: firstColumns, mapping: first.mapping }, secondColumns)
  const resolution = resolveCommonColumn(
    {
      fileName: firstName,
      objectTypeId: firstObject,
      columnNames: firstColumns,
      mapping: first.mapping,
    },
    {
      fileName: secondName,
      objectTypeId: secondObject,
      columnNames: secondColumns,
      mapping: secondMapping,
    },
    pick,
    catalogs,
  )
  const [tried, setTried] = useState(false)
  const setPick = (next: Partial<CommonColumnPick>) =>
    onChange((s) => ({
      ...s,
      common: { first: pick?.first ?? 0, second: pick?.second ?? 0, ...next },
    }))

  return (
    <>
      <div className="field">
        <label htmlFor="second-file-object">Object in {secondName}</label>
        <select
          id="second-file-object"
          value={secondObject}
          onChange={(event) => onObject(event.currentTarget.value as ObjectTypeId)}
        >
          {choices.map((id) => (
            <option key={id} value={id}>
              {labelOf(id)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="common-column">
        <legend>The column both files share</legend>
        <p className="hint">
          Each {labelOf(secondObject).toLowerCase()} row is associated with the{' '}
          {labelOf(firstObject).toLowerCase()} row holding the same value (or the other way round).
          The column must be an email, a domain, a record ID or a property with unique values,
          mapped to its property in the file whose object has it.
        </p>
        <ColumnSelect
          id="common-column-first"
          label={`Common column in ${firstName}`}
          columns={firstColumns}
          value={pick?.first}
          onPick={(first) => setPick({ first })}
        />
        <ColumnSelect
          id="common-column-second"
          label={`Same values in ${secondName}`}
          columns={secondColumns}
          value={pick?.second}
          onPick={(second) => setPick({ second })}
        />
        {!isPending && resolution.ok && (
          <p role="status">
            {resolution.owner === 'first' ? firstName : secondName} owns the common column (
            {resolution.property.label}); in {resolution.owner === 'first' ? secondName : firstName}{' '}
            it associates each row, whatever it is mapped to below.
          </p>
        )}
        {!isPending && !resolution.ok && (
          <p role={tried ? 'alert' : 'status'} className={tried ? 'error-text' : undefined}>
            {resolution.problem}
          </p>
        )}
      </fieldset>
      <MapColumnsStep
        key={secondObject}
        inspection={second.source.inspection}
        objects={objects}
        mapping={second.mapping}
        operations={options?.operations}
        onChange={(mapping) => onChange((s) => ({ ...s, mapping }))}
        onBack={onBack}
        onNext={(mapping) => {
          setTried(true)
          onChange((s) => ({ ...s, objectTypeId: secondObject, common: pick, mapping }))
          const final = resolveCommonColumn(
            {
              fileName: firstName,
              objectTypeId: firstObject,
              columnNames: firstColumns,
              mapping: first.mapping,
            },
            {
              fileName: secondName,
              objectTypeId: secondObject,
              columnNames: secondColumns,
              mapping,
            },
            pick,
            catalogs,
          )
          if (final.ok) onNext()
        }}
      />
    </>
  )
}

/** One file's pick of the common column, by position; empty until a column is chosen. */
function ColumnSelect({
  id,
  label,
  columns,
  value,
  onPick,
}: {
  id: string
  label: string
  columns: readonly string[]
  value: number | undefined
  onPick: (columnIndex: number) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => onPick(Number(event.currentTarget.value))}
      >
        {value === undefined && <option value="">Choose a column</option>}
        {columns.map((name, index) => (
          <option key={index} value={String(index)}>
            {name}
          </option>
        ))}
      </select>
    </div>
  )
}
