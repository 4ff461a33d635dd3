// The import wizard: one step at a time over a reducer, saved in this browser as it goes
import { useEffect, useReducer, useRef, useState } from 'react'
import { SectionErrorBoundary } from '#client/components/ui/section-error-boundary.tsx'
import { navigate, paths } from '#client/lib/router.tsx'
import { clearDraft, loadDraft, useAutosave } from './persist-wizard.ts'
import { CheckStep } from './steps/check/check-step.tsx'
import { ChooseFileStep } from './steps/choose-file/choose-file-step.tsx'
import { ChooseObjectsStep } from './steps/choose-objects/choose-objects-step.tsx'
import { ImportOptionsStep } from './steps/import-options/import-options-step.tsx'
import { MapColumnsStep } from './steps/map-columns/map-columns-step.tsx'
import { SubmitStep } from './steps/submit/submit-step.tsx'
import type { MappingDraft } from './core/mapping-draft.ts'
import { useReimportStart, type LoadReimportSeed } from './use-reimport-start.ts'
import { twoFileWizardReducer, type TwoFileWizardAction } from './two-files/second-file-state.ts'
import { SecondFileCheckStep } from './two-files/second-file-check-step.tsx'
import { SecondFileMappingStep } from './two-files/second-file-mapping-step.tsx'
import { TwoFileSubmitStep } from './two-files/two-file-submit-step.tsx'
import {
  initialWizardState,
  reachableSteps,
  WIZARD_STEPS,
  type ObjectsChoice,
  type WizardState,
} from './wizard-state.ts'
import './wizard.css'

type Boot =
  | { status: 'loading' }
  | { status: 'ready'; restored: boolean }
  | { status: 'failed'; message: string }

export function WizardPage({
  reimportOf,
  loadReimportSeed,
}: {
  /** the import whose failed rows are fixed and imported again */
  reimportOf?: string | undefined
  loadReimportSeed: LoadReimportSeed
}) {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' })
  const [state, dispatch] = useReducer(twoFileWizardReducer, initialWizardState)
  const [startKey, setStartKey] = useState(0)
  const startReimport = useReimportStart(loadReimportSeed)

  useEffect(() => {
    let cancelled = false
    setBoot({ status: 'loading' })
    void (async () => {
      const draft = await loadDraft()
      // a saved draft wins unless the page was opened for a different re-import
      if (draft && (!reimportOf || draft.reimportOf === reimportOf)) {
        if (cancelled) return
        dispatch({ type: 'replace', state: draft })
        setBoot({ status: 'ready', restored: true })
        return
      }
      if (!reimportOf) {
        if (!cancelled) {
          dispatch({ type: 'replace', state: initialWizardState })
          setBoot({ status: 'ready', restored: false })
        }
        return
      }
      try {
        const seeded = await startReimport(reimportOf)
        if (cancelled) return
        dispatch({ type: 'replace', state: seeded })
        setBoot({ status: 'ready', restored: false })
      } catch (error) {
        if (!cancelled) {
          setBoot({
            status: 'failed',
            message: error instanceof Error ? error.message : 'Could not prepare the re-import.',
          })
        }
      }
    })()
    return () => {
      cancelled = true
    }
  }, [reimportOf, startKey, startReimport])

  useAutosave(state, boot.status === 'ready')

  const startOver = async () => {
    await clearDraft()
    dispatch({ type: 'replace', state: initialWizardState })
    setBoot({ status: 'ready', restored: false })
    if (reimportOf) navigate(paths.newImport())
    else setStartKey((key) => key + 1)
  }

  return (
    <section className="wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title">
        {reimportOf ? `Fix and re-import (import ${reimportOf})` : 'New import'}
      </h1>
      {boot.status === 'loading' && <p role="status">Loading…</p>}
      {boot.status === 'failed' && (
        <div role="alert">
          <p>{boot.message}</p>
          <button type="button" onClick={() => void startOver()}>
            Start a new import instead
          </button>
        </div>
      )}
      {boot.status === 'ready' && (
        <>
          {boot.restored && (
            <div className="notice" role="status">
              <p>Restored your import in progress.</p>
              <button type="button" onClick={() => void startOver()}>
                Start over
              </button>
            </div>
          )}
          <Stepper state={state} onGo={(step) => dispatch({ type: 'go-to', step })} />
          <SectionErrorBoundary
            what="This step"
            keeps="Your import in progress is kept: try again, or go to another step above."
            resetKeys={[state.step]}
          >
            <CurrentStep state={state} dispatch={dispatch} />
          </SectionErrorBoundary>
        </>
      )}
    </section>
  )
}

function Stepper({
  state,
  onGo,
}: {
  state: WizardState
  onGo: (step: WizardState['step']) => void
}) {
  const reachable = reachableSteps(state)
  const currentIndex = WIZARD_STEPS.findIndex(({ step }) => step === state.step)
  return (
    <nav aria-label="Import steps" className="stepper">
      <ol>
        {WIZARD_STEPS.map(({ step, label }, index) => {
          const current = index === currentIndex
          const done = index < currentIndex
          return (
            <li key={step} className={current ? 'step-current' : done ? 'step-done' : undefined}>
              {/* the current step stays a focusable, full-contrast button: disabling it greyed it out */}
              <button
                type="button"
                aria-current={current ? 'step' : undefined}
                disabled={!current && !reachable.has(step)}
                onClick={current ? undefined : () => onGo(step)}
              >
                <span className="step-marker" aria-hidden="true">
                  {done ? '✓' : index + 1}
                </span>
                <span className="visually-hidden">{index + 1}. </span>
                {label}
                {done && <span className="visually-hidden"> (done)</span>}
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

function CurrentStep({
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
    container.current?.querySelector<HTMLElement>('h2')?.focus()
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
