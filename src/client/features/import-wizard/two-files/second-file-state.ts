/**
 * A second file joined to the first on a common column: what the wizard holds of it, and the
 * reducer around the wizard's own that walks the mapping and check steps once per file.
 *
 * The second file goes through the same steps as the first: it is read and detected on the file
 * step, mapped on the mapping step (after the first file, with its object and the common column),
 * and checked on the check step (after the first file, with the cross-file check). Options are
 * shared. `secondPart` says which file's turn it is on the mapping and check steps.
 */
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { OffsetRuns } from '#client/lib/offset-runs.ts'
import type { Edits } from '../core/edits.ts'
import type { MappingDraft } from '../core/mapping-draft.ts'
import type { ScanAmbiguities } from '../core/scan-result.ts'
import {
  EMPTY_EDITS,
  wizardReducer,
  type FileStage,
  type WizardAction,
  type WizardState,
} from '../wizard-state.ts'

/** The common column: its index in each file. */
export interface CommonColumns {
  first: number
  second: number
}

export interface SecondFile {
  source: FileStage
  objectTypeId?: ObjectTypeId | undefined
  common?: CommonColumns | undefined
  mapping?: MappingDraft | undefined
  edits?: Edits | undefined
  /** what the first file's scan found, kept while the second file is checked */
  firstScan?: { ambiguities: ScanAmbiguities; rowLines?: OffsetRuns | undefined } | undefined
  /** what the second file's scan found another reader may read differently */
  ambiguities?: ScanAmbiguities | undefined
}

export type SecondFileAction =
  | { type: 'second-file-read'; source: FileStage }
  | { type: 'second-file-removed' }
  /** the second file's object, common column, mapping or edits changed */
  | { type: 'second-changed'; update: (second: SecondFile) => SecondFile }
  | { type: 'second-mapping-done' }

export type TwoFileWizardAction = WizardAction | SecondFileAction

function withoutPart<S extends WizardState>(state: S): S {
  if (!state.secondPart) return state
  const { secondPart: _part, ...rest } = state
  return rest as S
}

/** the same file read again (other settings), not another one */
const sameFile = (a: File, b: File) =>
  a === b || (a.name === b.name && a.size === b.size && a.lastModified === b.lastModified)

/** The wizard's reducer, with the second file's actions and turns. */
export function twoFileWizardReducer(state: WizardState, action: TwoFileWizardAction): WizardState {
  switch (action.type) {
    case 'second-file-read': {
      const before = state.second
      const keepColumns =
        before !== undefined &&
        sameFile(before.source.file, action.source.file) &&
        JSON.stringify(before.source.inspection.columnNames) ===
          JSON.stringify(action.source.inspection.columnNames)
      const second: SecondFile = keepColumns
        ? { ...before, source: action.source, edits: undefined }
        : { source: action.source, objectTypeId: before?.objectTypeId }
      // later steps depend on the second file too: back to the file step
      return withoutPart({
        ...(wizardReducer(state, { type: 'go-to', step: 'file' }) as WizardState),
        second,
      })
    }
    case 'second-file-removed': {
      const { second: _second, ...rest } = withoutPart(state)
      return wizardReducer(rest as WizardState, { type: 'go-to', step: 'file' })
    }
    case 'second-changed':
      return state.second ? { ...state, second: action.update(state.second) } : state
    case 'second-mapping-done':
      if (state.step !== 'mapping' || !state.secondPart || !state.mapping) return state
      return { ...withoutPart(state), step: 'options', mapping: state.mapping }
  }

  const second = state.second
  if (!second) return wizardReducer(state, action)
  // options and check follow the second file's mapping: the stepper can't skip it
  const secondMapped = second.mapping !== undefined && second.common !== undefined
  if (
    action.type === 'go-to' &&
    !secondMapped &&
    (action.step === 'options' || action.step === 'check')
  ) {
    return state
  }
  if (action.type === 'mapping-done' && state.step === 'mapping' && !state.secondPart) {
    return { ...state, mapping: action.mapping, secondPart: true }
  }
  if (action.type === 'mapping-changed' && state.secondPart) return state
  if (action.type === 'edits-changed' && state.step === 'check' && state.secondPart) {
    return { ...state, second: { ...second, edits: action.update(second.edits ?? EMPTY_EDITS) } }
  }
  if (action.type === 'check-done' && state.step === 'check') {
    const found = { ambiguities: action.ambiguities, rowLines: action.rowLines }
    if (!state.secondPart)
      return { ...state, secondPart: true, second: { ...second, firstScan: found } }
    return {
      ...withoutPart(state),
      step: 'submit',
      submissionKey: action.submissionKey,
      ambiguities: second.firstScan?.ambiguities,
      rowLines: second.firstScan?.rowLines,
      second: { ...second, ambiguities: action.ambiguities },
    }
  }
  const next = wizardReducer(state, action)
  // a turn ends with its step
  return next.step !== state.step || action.type === 'go-to' ? withoutPart(next) : next
}
