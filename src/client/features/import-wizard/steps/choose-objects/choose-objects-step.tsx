// The objects step: which object the file holds, or two objects and their association
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import * as z from 'zod'
import {
  defaultAssociationTypeId,
  OBJECT_TYPES,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import type { FileInspection } from '../../core/inspect-file.ts'
import type { ObjectsChoice } from '../../wizard-state.ts'
import { useSuggestedObject } from './use-suggested-object.ts'

const objectTypeIdSchema = z.enum(OBJECT_TYPES.map((o) => o.objectTypeId))

const objectsSchema = z
  .object({
    choice: z.union([objectTypeIdSchema, z.literal('two')]),
    primary: objectTypeIdSchema,
    secondary: objectTypeIdSchema,
  })
  .superRefine((value, ctx) => {
    if (value.choice !== 'two') return
    if (value.primary === value.secondary) {
      ctx.addIssue({
        code: 'custom',
        path: ['secondary'],
        message: 'Choose two different objects.',
      })
    } else if (defaultAssociationTypeId(value.primary, value.secondary) === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['secondary'],
        message: 'HubSpot has no default association between these objects.',
      })
    }
  })
type ObjectsForm = z.infer<typeof objectsSchema>

const labelOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.label
const singularOf = (id: ObjectTypeId) => OBJECT_TYPES.find((o) => o.objectTypeId === id)!.singular

function toForm(objects: ObjectsChoice | undefined): ObjectsForm {
  if (!objects) return { choice: '0-1', primary: '0-1', secondary: '0-2' }
  if (objects.kind === 'one')
    return { choice: objects.objectTypeId, primary: '0-1', secondary: '0-2' }
  return { choice: 'two', primary: objects.primary, secondary: objects.secondary }
}

interface ChooseObjectsStepProps {
  objects: ObjectsChoice | undefined
  /** the chosen file: its headers and values suggest the object */
  inspection: FileInspection
  onBack: () => void
  onNext: (objects: ObjectsChoice) => void
}

export function ChooseObjectsStep({ objects, inspection, onBack, onNext }: ChooseObjectsStepProps) {
  const {
    register,
    handleSubmit,
    control,
    setValue,
    getFieldState,
    formState: { errors },
  } = useForm<ObjectsForm>({ resolver: zodResolver(objectsSchema), defaultValues: toForm(objects) })
  const suggested = useSuggestedObject(inspection)
  // the suggestion fills an untouched first choice; a choice made before (or by hand) stays
  const offerSuggestion = objects === undefined && suggested !== undefined
  useEffect(() => {
    if (offerSuggestion && !getFieldState('choice').isDirty) setValue('choice', suggested)
  }, [offerSuggestion, suggested, getFieldState, setValue])
  const [choice, primary, secondary] = useWatch({
    control,
    name: ['choice', 'primary', 'secondary'],
  })
  const associationTypeId = defaultAssociationTypeId(primary, secondary)

  const submit = handleSubmit((value) => {
    if (value.choice !== 'two') return onNext({ kind: 'one', objectTypeId: value.choice })
    onNext({
      kind: 'two',
      primary: value.primary,
      secondary: value.secondary,
      associationTypeId: defaultAssociationTypeId(value.primary, value.secondary)!,
    })
  })

  return (
    <form
      onSubmit={submit}
      aria-labelledby="choose-objects-heading"
      className="wizard-step"
      noValidate
    >
      <h2 tabIndex={-1} id="choose-objects-heading">
        What does the file hold?
      </h2>
      {offerSuggestion && (
        <p className="note">
          The column headers look like {labelOf(suggested).toLowerCase()}, so that is chosen. Change
          it if the file holds something else.
        </p>
      )}
      <fieldset>
        <legend>Object to import</legend>
        {OBJECT_TYPES.map((object) => (
          <label key={object.objectTypeId} className="choice">
            <input type="radio" value={object.objectTypeId} {...register('choice')} />
            {object.label}
          </label>
        ))}
        <label className="choice">
          <input type="radio" value="two" {...register('choice')} />
          One file with two objects (for example contacts and their companies)
        </label>
      </fieldset>

      {choice === 'two' && (
        <fieldset>
          <legend>Two objects and their association</legend>
          <div className="field">
            <label htmlFor="objects-primary">First object</label>
            <select id="objects-primary" {...register('primary')}>
              {OBJECT_TYPES.map((o) => (
                <option key={o.objectTypeId} value={o.objectTypeId}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="objects-secondary">Second object</label>
            <select
              id="objects-secondary"
              aria-invalid={errors.secondary ? true : undefined}
              aria-describedby="objects-secondary-error objects-association"
              {...register('secondary')}
            >
              {OBJECT_TYPES.map((o) => (
                <option key={o.objectTypeId} value={o.objectTypeId}>
                  {o.label}
                </option>
              ))}
            </select>
            {errors.secondary && (
              <p id="objects-secondary-error" role="alert">
                {errors.secondary.message}
              </p>
            )}
          </div>
          {associationTypeId !== undefined && primary !== secondary && (
            <p id="objects-association">
              Each row's {singularOf(primary)} is associated with the row's {singularOf(secondary)}{' '}
              using HubSpot's default association ({labelOf(primary)} to {labelOf(secondary)}, type{' '}
              {associationTypeId}).
            </p>
          )}
        </fieldset>
      )}

      <div className="wizard-actions">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary">
          Next
        </button>
      </div>
    </form>
  )
}
