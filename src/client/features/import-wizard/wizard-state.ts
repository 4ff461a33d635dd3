// The wizard's state, one variant per step, and the reducer that moves between them
import type { DateFormat } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { LineOrigin } from '#client/lib/hubspot/import-line-maps.ts'
import type { OffsetRuns } from '#client/lib/offset-runs.ts'
import type { Edits } from './core/edits.ts'
import type { FileInspection } from './core/inspect-file.ts'
import type { ImportOperations, MappingDraft } from './core/mapping-draft.ts'
import type { SettingsOverrides } from './core/parse-settings.ts'
import type { ScanAmbiguities } from './core/scan-result.ts'
import type { WorkbookSource } from './core/spreadsheet/workbook-source.ts'
import type { SecondFile } from './two-files/second-file-state.ts'

/** The chosen file, how it is read, and what the head of it looks like. */
export interface FileStage {
  /** the CSV the wizard reads: the chosen file, or the chosen sheet of a workbook written as CSV */
  file: File
  /** the `.xlsx` workbook `file` was written from */
  workbook?: WorkbookSource | undefined
  /** what the person changed from the detection; kept so a restore re-reads the same way */
  overrides: SettingsOverrides
  inspection: FileInspection
}

/** One object, or one file holding two objects and the association between them. */
export type ObjectsChoice =
  | { kind: 'one'; objectTypeId: ObjectTypeId }
  | {
      kind: 'two'
      /** the object each row is mainly about (its columns come first in the mapping's object list) */
      primary: ObjectTypeId
      secondary: ObjectTypeId
      /** HubSpot-defined association type from primary to secondary */
      associationTypeId: number
    }

export interface ImportOptions {
  name: string
  operations: ImportOperations
  dateFormat: DateFormat
  marketableContactImport: boolean
  createContactListFromImport: boolean
}

export const EMPTY_EDITS: Edits = { cells: [], replacements: [], excludedRows: [] }

/** values of later steps, kept when the person steps back so going forward again loses nothing */
interface Later {
  objects?: ObjectsChoice | undefined
  mapping?: MappingDraft | undefined
  /** the mapping was changed into one its step refuses: no later step opens until it is fixed */
  mappingBlocked?: true | undefined
  options?: ImportOptions | undefined
  edits?: Edits | undefined
}

/** where the wizard was started from, for the notice and the re-import's link back */
export interface WizardOrigin {
  reimportOf?: string | undefined
  /** what HubSpot reported for the re-imported rows, shown on the check step */
  reimportNotes?: ReimportNotes | undefined
  /** the chosen file is a re-import's failed rows: the line of the person's file for each row */
  lineOrigin?: LineOrigin | undefined
  /** a second file joined to the first on a common column (see two-files/second-file-state.ts) */
  second?: SecondFile | undefined
}

/** The mapping and check steps run once per file of a two-file import: true on the second file's turn. */
export interface TwoFilePart {
  secondPart?: boolean | undefined
}

export interface ReimportNotes {
  warnings: string[]
  /** by line of the person's file (or HubSpot's line when that is unknown) */
  problems: { lineNumber: number; message: string }[]
}

/**
 * One variant per step, each holding what its step needs to render (style-guide habit 7), plus
 * whatever later steps already hold.
 */
export type WizardState = WizardOrigin &
  TwoFilePart &
  (
    | ({ step: 'file'; source?: FileStage | undefined } & Later)
    | ({ step: 'objects'; source: FileStage } & Later)
    | ({ step: 'mapping'; source: FileStage; objects: ObjectsChoice } & Omit<Later, 'objects'>)
    | ({
        step: 'options'
        source: FileStage
        objects: ObjectsChoice
        mapping: MappingDraft
      } & Pick<Later, 'options' | 'edits'>)
    | {
        step: 'check'
        source: FileStage
        objects: ObjectsChoice
        mapping: MappingDraft
        options: ImportOptions
        edits: Edits
      }
    | {
        step: 'submit'
        source: FileStage
        objects: ObjectsChoice
        mapping: MappingDraft
        options: ImportOptions
        edits: Edits
        /** Idempotency-Key: made once on entering this step, kept across retries and double clicks */
        submissionKey: string
        /** what the check step's scan found another reader may read differently (a draft saved before it was kept: undefined) */
        ambiguities?: ScanAmbiguities | undefined
        /** the scan's data row → physical line, recorded with the import (see upload-line-map.ts) */
        rowLines?: OffsetRuns | undefined
        /** the scan's data rows, not excluded: HubSpot gets as many when the file goes as it is */
        rowCount?: number | undefined
        /** rows the scan still found problems in, neither fixed nor excluded: they are sent as they are */
        problemRows?: number | undefined
      }
  )

export type WizardStep = WizardState['step']

export const WIZARD_STEPS: readonly { step: WizardStep; label: string }[] = [
  { step: 'file', label: 'Choose file' },
  { step: 'objects', label: 'Choose objects' },
  { step: 'mapping', label: 'Map columns' },
  { step: 'options', label: 'Options' },
  { step: 'check', label: 'Check' },
  { step: 'submit', label: 'Import' },
]

export type WizardAction =
  /** another file was picked and is being read: nothing of the previous file stays reachable */
  | { type: 'file-chosen' }
  | { type: 'file-read'; source: FileStage }
  | { type: 'file-done' }
  | { type: 'objects-done'; objects: ObjectsChoice }
  | { type: 'mapping-changed'; mapping: MappingDraft; blocked?: boolean }
  | { type: 'mapping-done'; mapping: MappingDraft }
  | { type: 'options-changed'; options: ImportOptions }
  | { type: 'options-done'; options: ImportOptions }
  /** a function of the current edits, so two quick changes never both start from the same edits */
  | { type: 'edits-changed'; update: (edits: Edits) => Edits }
  | {
      type: 'check-done'
      submissionKey: string
      ambiguities: ScanAmbiguities
      rowLines?: OffsetRuns | undefined
      rowCount?: number | undefined
      problemRows?: number | undefined
    }
  | { type: 'go-to'; step: WizardStep }
  | { type: 'replace'; state: WizardState }

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
