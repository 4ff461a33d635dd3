// The wizard's reducer that moves between the steps, and which steps the stepper may open (types: wizard-types.ts)
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import {
  EMPTY_EDITS,
  WIZARD_STEPS,
  type FileStage,
  type ObjectsChoice,
  type WizardAction,
  type WizardOrigin,
  type WizardState,
  type WizardStep,
} from './wizard-types.ts'

export * from './wizard-types.ts'

export const initialWizardState: WizardState = { step: 'file' }

/** everything the state holds, whichever step it is on */
function flatten(state: WizardState) {
  return {
    reimportOf: state.reimportOf,
    reimportNotes: state.reimportNotes,
    lineOrigin: state.lineOrigin,
    second: state.second,
    source: state.source,
    objects: 'objects' in state ? state.objects : undefined,
    mapping: 'mapping' in state ? state.mapping : undefined,
    mappingBlocked: 'mappingBlocked' in state ? state.mappingBlocked : undefined,
    options: 'options' in state ? state.options : undefined,
    edits: 'edits' in state ? state.edits : undefined,
  }
}

function originOf(state: WizardOrigin): WizardOrigin {
  return {
    ...(state.reimportOf ? { reimportOf: state.reimportOf } : {}),
    ...(state.reimportNotes ? { reimportNotes: state.reimportNotes } : {}),
    ...(state.lineOrigin ? { lineOrigin: state.lineOrigin } : {}),
    ...(state.second ? { second: state.second } : {}),
  }
}

/** the same chosen file (re-read with other settings), not another one with equal columns */
const sameFileOf = (a: File, b: File) =>
  a === b || (a.name === b.name && a.size === b.size && a.lastModified === b.lastModified)

const sameObjects = (a: ObjectsChoice | undefined, b: ObjectsChoice) =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b)

/**
 * Builds the state for a step from what is known, or undefined when a step before it is not
 * done yet (the stepper only offers steps this returns a state for).
 */
/** The file has a problem that stops the import (the file step shows it as an error). */
export function blocksImport(source: FileStage): boolean {
  return source.inspection.issues.some((issue) => issue.severity === 'error')
}

export function stateAt(state: WizardState, step: WizardStep): WizardState | undefined {
  const {
    reimportOf,
    reimportNotes,
    lineOrigin,
    second,
    source,
    objects,
    mapping,
    mappingBlocked,
    options,
    edits,
  } = flatten(state)
  // a blocked mapping travels with the state, for the mapping step, but opens no step after it
  const origin = {
    ...originOf({ reimportOf, reimportNotes, lineOrigin, second }),
    ...(mappingBlocked ? { mappingBlocked } : {}),
  }
  // a file the file step refuses (empty, not text, …) opens no later step, from Next or the stepper
  const usable = source && !blocksImport(source) && !(second && blocksImport(second.source))
  switch (step) {
    case 'file':
      return { ...origin, step, source, objects, mapping, options, edits }
    case 'objects':
      return usable ? { ...origin, step, source, objects, mapping, options, edits } : undefined
    case 'mapping':
      return usable && objects
        ? { ...origin, step, source, objects, mapping, options, edits }
        : undefined
    case 'options':
      return usable && objects && mapping && !mappingBlocked
        ? { ...origin, step, source, objects, mapping, options, edits }
        : undefined
    case 'check':
      return usable && objects && mapping && !mappingBlocked && options
        ? { ...origin, step, source, objects, mapping, options, edits: edits ?? EMPTY_EDITS }
        : undefined
    case 'submit':
      // only through check-done, which makes the submission key
      return state.step === 'submit' ? state : undefined
  }
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'file-chosen':
      return { ...originOf(state), step: 'file', objects: flatten(state).objects }
    case 'file-read': {
      // another file or other read settings change the columns: what was mapped no longer fits
      const { source, objects } = flatten(state)
      const next = action.source
      const sameFile = source !== undefined && sameFileOf(source.file, next.file)
      const sameColumns =
        sameFile &&
        JSON.stringify(source.inspection.columnNames) ===
          JSON.stringify(next.inspection.columnNames)
      // the re-import's line origin describes its own file's rows only
      const { lineOrigin: _lines, ...otherOrigin } = originOf(state)
      const origin = sameFile ? originOf(state) : otherOrigin
      if (!sameColumns) return { ...origin, step: 'file', source: next, objects }
      // edits name rows by index: another delimiter or header row may number them differently
      const sameRows =
        source.inspection.settings.delimiter === next.inspection.settings.delimiter &&
        source.inspection.settings.headerRowIndex === next.inspection.settings.headerRowIndex
      const kept = flatten(state)
      return {
        ...kept,
        ...origin,
        step: 'file',
        source: next,
        edits: sameRows ? kept.edits : undefined,
      }
    }
    case 'file-done':
      return stateAt(state, 'objects') ?? state
    case 'objects-done': {
      if (!state.source) return state
      const keep = sameObjects(flatten(state).objects, action.objects)
      const next = flatten(state)
      return {
        ...originOf(next),
        step: 'mapping',
        source: state.source,
        objects: action.objects,
        mapping: keep ? next.mapping : undefined,
        ...(keep && next.mappingBlocked ? { mappingBlocked: true as const } : {}),
        options: next.options,
        edits: keep ? next.edits : undefined,
      }
    }
    case 'mapping-changed':
      if (state.step !== 'mapping') return state
      return { ...state, mapping: action.mapping, mappingBlocked: action.blocked || undefined }
    case 'mapping-done': {
      if (state.step !== 'mapping') return state
      const { mappingBlocked: _was, ...rest } = state
      return { ...rest, step: 'options', mapping: action.mapping }
    }
    case 'options-changed':
      return state.step === 'options' ? { ...state, options: action.options } : state
    case 'options-done':
      if (state.step !== 'options') return state
      return { ...state, step: 'check', options: action.options, edits: state.edits ?? EMPTY_EDITS }
    case 'edits-changed':
      return state.step === 'check' ? { ...state, edits: action.update(state.edits) } : state
    case 'check-done':
      if (state.step !== 'check') return state
      return {
        ...state,
        step: 'submit',
        source:
          action.fileRows === undefined
            ? state.source
            : { ...state.source, countedRows: action.fileRows },
        submissionKey: action.submissionKey,
        ambiguities: action.ambiguities,
        rowLines: action.rowLines,
        rowCount: action.rowCount,
        problemRows: action.problemRows,
      }
    case 'go-to':
      return stateAt(state, action.step) ?? state
    case 'replace':
      return action.state
  }
}

/** Steps the person may jump to from the stepper. */
export function reachableSteps(state: WizardState): Set<WizardStep> {
  const steps = new Set<WizardStep>()
  for (const { step } of WIZARD_STEPS) if (stateAt(state, step)) steps.add(step)
  return steps
}

/** Display name of an object choice's objects, in mapping order. */
export function chosenObjectTypeIds(objects: ObjectsChoice): ObjectTypeId[] {
  return objects.kind === 'one' ? [objects.objectTypeId] : [objects.primary, objects.secondary]
}
