// The import wizard: one step at a time over a reducer, saved in this browser as it goes
import { useEffect, useReducer, useState } from 'react'
import { SectionErrorBoundary } from '#client/components/ui/section-error-boundary.tsx'
import { navigate, paths } from '#client/lib/router.tsx'
import { clearDraft, loadDraft, useAutosave } from './persist-wizard.ts'
import { useReimportStart, type LoadReimportSeed } from './use-reimport-start.ts'
import { twoFileWizardReducer } from './two-files/second-file-state.ts'
import { CurrentStep } from './current-step.tsx'
import {
  initialWizardState,
  reachableSteps,
  WIZARD_STEPS,
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
