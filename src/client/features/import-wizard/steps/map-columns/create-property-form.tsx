// "Create a property" for a column no property fits: definition suggested from the column, sent to HubSpot
import { useId, useState } from 'react'
import { OBJECT_TYPES, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import {
  groupsOf,
  propertyCreateProblems,
  type PropertyCreate,
} from '#shared/hubspot/property-create.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { useCreateProperty } from '#client/api/create-property.ts'
import { getErrorMessage } from '#client/lib/api-client.ts'
import { PROPERTY_KINDS, suggestProperty, type PropertyKind } from '../../core/suggest-property.ts'

interface Props {
  columnName: string
  values: readonly string[]
  objectTypeId: ObjectTypeId
  catalog: readonly Property[]
  /** the property exists in HubSpot: map the column to it */
  onCreated: (objectTypeId: ObjectTypeId, propertyName: string) => void
}

/**
 * A fieldset, not a form: it sits inside the mapping form. What HubSpot's own import tool offers
 * for an unmatched column: name, label, field type (a dropdown's options from the column's
 * distinct values) and group, checked with the same rules the simulator and HubSpot apply. The
 * fields are built when the person opens it: the mapping step mounts only a summary per column.
 */
export function CreatePropertyForm(props: Props) {
  const [open, setOpen] = useState(false)
  return (
    <details className="create-property" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Create a property for {props.columnName}</summary>
      {open && <CreatePropertyFields {...props} />}
    </details>
  )
}

function CreatePropertyFields({ columnName, values, objectTypeId, catalog, onCreated }: Props) {
  const id = useId()
  const objectName = OBJECT_TYPES.find((o) => o.objectTypeId === objectTypeId)!.name
  const [draft, setDraft] = useState(() => suggestProperty(columnName, values, objectTypeId))
  const [optionsText, setOptionsText] = useState(() =>
    (draft.options ?? []).map((o) => o.value).join('\n'),
  )
  const create = useCreateProperty(objectName)
  const groups = groupsOf(catalog)
  const body: PropertyCreate = {
    name: draft.name,
    label: draft.label,
    type: PROPERTY_KINDS[draft.kind].type,
    fieldType: PROPERTY_KINDS[draft.kind].fieldType,
    groupName: draft.groupName,
    ...(draft.kind === 'select'
      ? {
          options: [
            ...new Set(
              optionsText
                .split('\n')
                .map((v) => v.trim())
                .filter(Boolean),
            ),
          ].map((value, displayOrder) => ({ value, label: value, hidden: false, displayOrder })),
        }
      : {}),
  }
  const taken = catalog.some((p) => p.name === body.name)
  const problems = [
    ...(taken
      ? [`A property named ${body.name} exists already: map the column to it instead.`]
      : []),
    ...propertyCreateProblems(body, groups),
  ]

  return (
    <fieldset>
      <legend className="visually-hidden">New property for column {columnName}</legend>
      <div className="field">
        <label htmlFor={`${id}-label`}>Property label</label>
        <input
          id={`${id}-label`}
          value={draft.label}
          onChange={(event) => setDraft({ ...draft, label: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Internal name</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Field type</label>
        <select
          id={`${id}-kind`}
          value={draft.kind}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value as PropertyKind })}
        >
          {Object.entries(PROPERTY_KINDS).map(([kind, { label }]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {draft.kind === 'select' && (
        <div className="field">
          <label htmlFor={`${id}-options`}>Options, one per line</label>
          <textarea
            id={`${id}-options`}
            rows={4}
            value={optionsText}
            onChange={(event) => setOptionsText(event.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-group`}>Group</label>
        <select
          id={`${id}-group`}
          value={draft.groupName}
          onChange={(event) => setDraft({ ...draft, groupName: event.target.value })}
        >
          {groups.map((group) => (
            <option key={group} value={group}>
              {group}
            </option>
          ))}
        </select>
      </div>
      {problems.length > 0 && (
        <p className="error-text" id={`${id}-problem`}>
          {problems[0]}
        </p>
      )}
      {create.isError && <p role="alert">HubSpot refused it: {getErrorMessage(create.error)}</p>}
      <button
        type="button"
        disabled={problems.length > 0 || create.isPending}
        aria-describedby={problems.length > 0 ? `${id}-problem` : undefined}
        onClick={() =>
          create.mutate(body, { onSuccess: (created) => onCreated(objectTypeId, created.name) })
        }
      >
        {create.isPending ? 'Creating…' : 'Create property in HubSpot'}
      </button>
    </fieldset>
  )
}
