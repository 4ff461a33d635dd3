// The wizard's state and actions as types: one state variant per step, what each holds, the steps in order
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
  /**
   * data rows the check step's scan counted in this file as read (excluded rows too): exact,
   * where `inspection.estimatedRows` may be estimated from the head; other read settings drop it
   */
  countedRows?: number | undefined
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
      /** every data row the scan read, excluded ones too: the file's exact row count */
      fileRows?: number | undefined
    }
  | { type: 'go-to'; step: WizardStep }
  | { type: 'replace'; state: WizardState }
