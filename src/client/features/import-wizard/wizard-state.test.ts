// The wizard's reducer: steps forward and back, and what a new file or new read settings reset
import { describe, expect, it } from 'vitest'
import { withCellEdit, withReplacement, withRowExcluded } from './core/edits.ts'
import type { FileInspection } from './core/inspect-file.ts'
import type { MappingDraft } from './core/mapping-draft.ts'
import {
  EMPTY_EDITS,
  reachableSteps,
  wizardReducer,
  type FileStage,
  type WizardState,
} from './wizard-state.ts'

function stage(
  columnNames: string[],
  file = new File(['x'], 'a.csv'),
  settings = { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
): FileStage {
  return {
    file,
    overrides: {},
    inspection: { columnNames, settings, issues: [] } as unknown as FileInspection,
  }
}

const mapping: MappingDraft = [
  { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
]
const options = {
  name: 'x',
  operations: { '0-1': 'UPSERT' as const },
  dateFormat: 'MONTH_DAY_YEAR' as const,
  marketableContactImport: false,
  createContactListFromImport: false,
}

describe('wizardReducer', () => {
  it('walks forward through every step', () => {
    let state: WizardState = { step: 'file' }
    state = wizardReducer(state, { type: 'file-read', source: stage(['Email']) })
    state = wizardReducer(state, { type: 'file-done' })
    expect(state.step).toBe('objects')
    state = wizardReducer(state, {
      type: 'objects-done',
      objects: { kind: 'one', objectTypeId: '0-1' },
    })
    expect(state.step).toBe('mapping')
    state = wizardReducer(state, { type: 'mapping-done', mapping })
    state = wizardReducer(state, { type: 'options-done', options })
    expect(state).toMatchObject({ step: 'check', edits: EMPTY_EDITS })
    const ambiguities = { blankRows: 2, quoteRows: 0 }
    const rowLines = [[0, 2]] as const
    state = wizardReducer(state, {
      type: 'check-done',
      submissionKey: 'k1',
      ambiguities,
      rowLines,
      problemRows: 12,
    })
    expect(state).toMatchObject({
      step: 'submit',
      submissionKey: 'k1',
      ambiguities,
      rowLines,
      // the start summary says these rows go as they are
      problemRows: 12,
    })
  })

  it("keeps a re-import's line origin while its file stays, and drops it for another file", () => {
    const source = stage(['Email'])
    const lineOrigin = { fileName: 'kontakte.csv', lines: [15] }
    const at: WizardState = { step: 'objects', source, reimportOf: '7', lineOrigin }
    const back = wizardReducer(wizardReducer(at, { type: 'go-to', step: 'file' }), {
      type: 'file-read',
      source: { ...source, overrides: { delimiter: ';' } },
    })
    expect(back.lineOrigin).toEqual(lineOrigin)
    const other = wizardReducer(at, {
      type: 'file-read',
      source: stage(['Email'], new File(['y'], 'b.csv')),
    })
    expect(other.lineOrigin).toBeUndefined()
    expect(other.reimportOf).toBe('7')
  })

  it('keeps later answers when stepping back and forward again', () => {
    const source = stage(['Email'])
    const at: WizardState = {
      step: 'check',
      source,
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
      options,
      edits: { ...EMPTY_EDITS, excludedRows: [3] },
    }
    const back = wizardReducer(at, { type: 'go-to', step: 'mapping' })
    expect(back).toMatchObject({ step: 'mapping', mapping, options })
    const forward = wizardReducer(back, { type: 'go-to', step: 'check' })
    expect(forward).toMatchObject({ step: 'check', edits: { excludedRows: [3] } })
  })

  it('drops the mapping when a file with other columns is read', () => {
    const at: WizardState = {
      step: 'file',
      source: stage(['Email']),
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
    }
    const next = wizardReducer(at, { type: 'file-read', source: stage(['Name', 'Mail']) })
    expect(next).toMatchObject({ step: 'file', objects: { kind: 'one' } })
    expect('mapping' in next ? next.mapping : undefined).toBeUndefined()
  })

  it('drops the mapping when other objects are chosen, keeps it for the same ones', () => {
    const at: WizardState = {
      step: 'objects',
      source: stage(['Email']),
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
    }
    const same = wizardReducer(at, {
      type: 'objects-done',
      objects: { kind: 'one', objectTypeId: '0-1' },
    })
    expect(same).toMatchObject({ step: 'mapping', mapping })
    const other = wizardReducer(at, {
      type: 'objects-done',
      objects: { kind: 'one', objectTypeId: '0-2' },
    })
    expect(other).toMatchObject({ step: 'mapping', mapping: undefined })
  })

  it('offers in the stepper only steps whose inputs exist', () => {
    const at: WizardState = {
      step: 'mapping',
      source: stage(['Email']),
      objects: { kind: 'one', objectTypeId: '0-1' },
    }
    expect([...reachableSteps(at)]).toEqual(['file', 'objects', 'mapping'])
  })

  it('opens no step after the file step while the file (or the second file) is refused', () => {
    const empty: FileStage = {
      ...stage([]),
      inspection: {
        columnNames: [],
        issues: [{ code: 'EMPTY_FILE', severity: 'error', message: 'The file is empty.' }],
      } as unknown as FileInspection,
    }
    const objects = { kind: 'one', objectTypeId: '0-1' } as const
    const at: WizardState = { step: 'file', source: empty, objects, mapping, options }
    expect([...reachableSteps(at)]).toEqual(['file'])
    expect(wizardReducer(at, { type: 'go-to', step: 'mapping' })).toBe(at)
    expect(wizardReducer(at, { type: 'file-done' })).toBe(at)
    const withSecond: WizardState = {
      step: 'file',
      source: stage(['Email']),
      second: { source: empty },
      objects,
    }
    expect([...reachableSteps(withSecond)]).toEqual(['file'])
  })

  it('opens no step after a mapping changed into one the mapping step refuses', () => {
    const objects = { kind: 'one', objectTypeId: '0-1' } as const
    const at: WizardState = { step: 'mapping', source: stage(['Email']), objects, mapping, options }
    expect(reachableSteps(at).has('check')).toBe(true)
    const unmapped = mapping.map((column) => ({ ...column, propertyName: null }))
    const blocked = wizardReducer(at, { type: 'mapping-changed', mapping: unmapped, blocked: true })
    expect([...reachableSteps(blocked)]).toEqual(['file', 'objects', 'mapping'])
    expect(wizardReducer(blocked, { type: 'go-to', step: 'options' })).toBe(blocked)
    // stepping back keeps both the mapping and the block
    const back = wizardReducer(blocked, { type: 'go-to', step: 'objects' })
    expect(back).toMatchObject({ step: 'objects', mapping: unmapped })
    expect([...reachableSteps(back)]).toEqual(['file', 'objects', 'mapping'])
    const same = wizardReducer(back, { type: 'objects-done', objects })
    expect([...reachableSteps(same)]).toEqual(['file', 'objects', 'mapping'])
    // fixed, the way forward opens again
    const fixed = wizardReducer(same, { type: 'mapping-changed', mapping })
    expect(reachableSteps(fixed).has('check')).toBe(true)
  })

  it('keeps the re-import origin through every transition', () => {
    const at: WizardState = { step: 'file', reimportOf: '42', source: stage(['Email']) }
    const next = wizardReducer(wizardReducer(at, { type: 'file-done' }), {
      type: 'objects-done',
      objects: { kind: 'one', objectTypeId: '0-1' },
    })
    expect(next.reimportOf).toBe('42')
  })

  it('choosing another file leaves only the file step and the objects reachable', () => {
    const at: WizardState = {
      step: 'file',
      source: stage(['Email']),
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
      options,
      edits: { ...EMPTY_EDITS, excludedRows: [3] },
    }
    expect(reachableSteps(at).has('options')).toBe(true)
    const chosen = wizardReducer(at, { type: 'file-chosen' })
    expect([...reachableSteps(chosen)]).toEqual(['file'])
    // another file with the very same columns still starts the mapping over
    const read = wizardReducer(chosen, {
      type: 'file-read',
      source: stage(['Email'], new File(['y'], 'b.csv')),
    })
    expect(read).toMatchObject({ step: 'file', objects: { kind: 'one', objectTypeId: '0-1' } })
    expect([...reachableSteps(read)]).toEqual(['file', 'objects', 'mapping'])
    expect('options' in read ? read.options : undefined).toBeUndefined()
    expect('edits' in read ? read.edits : undefined).toBeUndefined()
  })

  it('keeps the answers when the same file is re-read, but not edits if rows may move', () => {
    const file = new File(['x'], 'a.csv')
    const at: WizardState = {
      step: 'file',
      source: stage(['Email'], file),
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
      options,
      edits: { ...EMPTY_EDITS, excludedRows: [3] },
    }
    const encoding = wizardReducer(at, {
      type: 'file-read',
      source: stage(['Email'], file, {
        encoding: 'windows-1252',
        delimiter: ',',
        headerRowIndex: 0,
      }),
    })
    expect(encoding).toMatchObject({ mapping, options, edits: { excludedRows: [3] } })
    const delimiter = wizardReducer(at, {
      type: 'file-read',
      source: stage(['Email'], file, { encoding: 'utf-8', delimiter: ';', headerRowIndex: 0 }),
    })
    expect(delimiter).toMatchObject({ mapping, options })
    expect('edits' in delimiter ? delimiter.edits : undefined).toBeUndefined()
  })

  it('applies edit changes to the latest edits, so quick changes never drop each other', () => {
    const at: WizardState = {
      step: 'check',
      source: stage(['Email']),
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
      options,
      edits: EMPTY_EDITS,
    }
    // "Apply to all" and "Exclude" dispatched before a render: both made from the same old edits
    const applied = wizardReducer(at, {
      type: 'edits-changed',
      update: (edits) => withReplacement(withCellEdit(edits, 0, 0, 'a@x.com'), 0, 'a[at]x', 'a@x'),
    })
    const excluded = wizardReducer(applied, {
      type: 'edits-changed',
      update: (edits) => withRowExcluded(edits, 1, true),
    })
    expect('edits' in excluded && excluded.edits).toEqual({
      cells: [{ rowIndex: 0, columnIndex: 0, value: 'a@x.com' }],
      replacements: [{ columnIndex: 0, from: 'a[at]x', to: 'a@x' }],
      excludedRows: [1],
    })
  })

  it("keeps the scan's exact row count on the file for the file step, until the file is read again", () => {
    const source = stage(['Email'])
    const check: WizardState = {
      step: 'check',
      source,
      objects: { kind: 'one', objectTypeId: '0-1' },
      mapping,
      options,
      edits: EMPTY_EDITS,
    }
    const done = wizardReducer(check, {
      type: 'check-done',
      submissionKey: 'k',
      ambiguities: { blankRows: 0, quoteRows: 0 },
      rowCount: 1_998,
      fileRows: 2_000,
    })
    const back = wizardReducer(done, { type: 'go-to', step: 'file' })
    expect(back).toMatchObject({ step: 'file', source: { countedRows: 2_000 } })
    const reread = wizardReducer(back, {
      type: 'file-read',
      source: { ...source, overrides: { delimiter: ';' } },
    })
    expect(reread.source?.countedRows).toBeUndefined()
  })
})
