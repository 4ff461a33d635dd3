// The wizard's current step: the view for the step (and, in a two-file import, the file's turn) the state is on
import { useEffect, useRef } from 'react'
import { CheckStep } from './steps/check/check-step.tsx'
import { ChooseFileStep } from './steps/choose-file/choose-file-step.tsx'
import { ChooseObjectsStep } from './steps/choose-objects/choose-objects-step.tsx'
import { ImportOptionsStep } from './steps/import-options/import-options-step.tsx'
import { MapColumnsStep } from './steps/map-columns/map-columns-step.tsx'
import { SubmitStep } from './steps/submit/submit-step.tsx'
import type { MappingDraft } from './core/mapping-draft.ts'
import type { TwoFileWizardAction } from './two-files/second-file-state.ts'
import { SecondFileCheckStep } from './two-files/second-file-check-step.tsx'
import { SecondFileMappingStep } from './two-files/second-file-mapping-step.tsx'
import { TwoFileSubmitStep } from './two-files/two-file-submit-step.tsx'
import type { ObjectsChoice, WizardState } from './wizard-state.ts'

export function CurrentStep({
  state,
  dispatch,
}: {
  state: WizardState
  dispatch: React.Dispatch<TwoFileWizardAction>
}) {
  // a two-file import takes the mapping and check steps once per file: each turn is its own view
  const turn = state.secondPart ? `${state.step}-second` : state.step
  // move focus to the new step's heading so keyboard and screen reader users start there
  const container = useRef<HTMLDivElement>(null)
  const previous = useRef(turn)
  useEffect(() => {
    if (previous.current === turn) return
    previous.current = turn
    // in the next frame: focusing lays the new step out, which then belongs to the frame's own
    // layout rather than lengthening the task that rendered the step
    const frame = requestAnimationFrame(() =>
      container.current?.querySelector<HTMLElement>('h2')?.focus(),
    )
    return () => cancelAnimationFrame(frame)
  }, [turn])
  const { second } = state
  // the options step sets an operation for each file's object
  const optionObjects = (objects: ObjectsChoice): ObjectsChoice =>
    second?.objectTypeId && objects.kind === 'one'
      ? {
          kind: 'two',
          primary: objects.objectTypeId,
          secondary: second.objectTypeId,
          associationTypeId: 0,
        }
      : objects
  // …and checks the operations against both files' columns (the second's numbered after the first's)
  const optionMapping = (width: number, mapping: MappingDraft): MappingDraft =>
    second?.mapping
      ? [...mapping, ...second.mapping.map((c) => ({ ...c, columnIndex: c.columnIndex + width }))]
      : mapping

  const back = (step: WizardState['step']) => () => dispatch({ type: 'go-to', step })
  let content: React.ReactNode
  switch (state.step) {
    case 'file':
      content = (
        <ChooseFileStep
          source={state.source}
          onRead={(source) => dispatch({ type: 'file-read', source })}
          onChoose={() => dispatch({ type: 'file-chosen' })}
          onNext={() => dispatch({ type: 'file-done' })}
          secondFile={{
            second,
            onRead: (source) => dispatch({ type: 'second-file-read', source }),
            onRemove: () => dispatch({ type: 'second-file-removed' }),
          }}
        />
      )
      break
    case 'objects':
      content = (
        <ChooseObjectsStep
          objects={state.objects}
          inspection={state.source.inspection}
          onBack={back('file')}
          onNext={(objects) => dispatch({ type: 'objects-done', objects })}
        />
      )
      break
    case 'mapping':
      content =
        second && state.secondPart && state.mapping ? (
          <SecondFileMappingStep
            first={{ source: state.source, objects: state.objects, mapping: state.mapping }}
            second={second}
            options={state.options}
            onChange={(update) => dispatch({ type: 'second-changed', update })}
            onBack={back('mapping')}
            onNext={() => dispatch({ type: 'second-mapping-done' })}
          />
        ) : (
          <MapColumnsStep
            inspection={state.source.inspection}
            objects={state.objects}
            mapping={state.mapping}
            operations={state.options?.operations}
            onChange={(mapping, blocked) => dispatch({ type: 'mapping-changed', mapping, blocked })}
            onBack={back('objects')}
            onNext={(mapping) => dispatch({ type: 'mapping-done', mapping })}
          />
        )
      break
    case 'options':
      content = (
        <ImportOptionsStep
          inspection={state.source.inspection}
          objects={optionObjects(state.objects)}
          mapping={optionMapping(state.source.inspection.headers.length, state.mapping)}
          options={state.options}
          onChange={(options) => dispatch({ type: 'options-changed', options })}
          onBack={back('mapping')}
          onNext={(options) => dispatch({ type: 'options-done', options })}
        />
      )
      break
    case 'check':
      content =
        second && state.secondPart ? (
          <SecondFileCheckStep
            state={{ ...state, second }}
            onEdits={(update) => dispatch({ type: 'edits-changed', update })}
            onBack={back('check')}
            onNext={(found) =>
              dispatch({ type: 'check-done', submissionKey: crypto.randomUUID(), ...found })
            }
          />
        ) : (
          <CheckStep
            state={state}
            onEdits={(update) => dispatch({ type: 'edits-changed', update })}
            onBack={back('options')}
            onNext={(found) =>
              dispatch({ type: 'check-done', submissionKey: crypto.randomUUID(), ...found })
            }
          />
        )
      break
    case 'submit':
      content = second ? (
        <TwoFileSubmitStep state={{ ...state, second }} onBack={back('check')} />
      ) : (
        <SubmitStep state={state} onBack={back('check')} />
      )
      break
  }
  return (
    <div ref={container} key={turn}>
      {content}
    </div>
  )
}
