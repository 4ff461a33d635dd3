// A two-file import's turns: the mapping and check steps once per file, the second file's edits its own
import { describe, expect, it } from 'vitest'
import { withCellEdit } from '../core/edits.ts'
import type { FileInspection } from '../core/inspect-file.ts'
import type { MappingDraft } from '../core/mapping-draft.ts'
import { EMPTY_EDITS, type FileStage, type WizardState } from '../wizard-state.ts'
import { twoFileWizardReducer, type TwoFileWizardAction } from './second-file-state.ts'

function stage(name: string, columnNames: string[]): FileStage {
  return {
    file: new File(['x'], name),
    overrides: {},
    inspection: {
      columnNames,
      settings: { encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 },
      issues: [],
    } as unknown as FileInspection,
  }
}

const contactsMapping: MappingDraft = [
  { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
]
const companiesMapping: MappingDraft = [
  { columnIndex: 0, columnName: 'Name', objectTypeId: '0-2', propertyName: 'name' },
  { columnIndex: 1, columnName: 'Contact email', objectTypeId: null, propertyName: null },
]
const options = {
  name: 'x',
  operations: { '0-1': 'UPSERT' as const, '0-2': 'UPSERT' as const },
  dateFormat: 'MONTH_DAY_YEAR' as const,
  marketableContactImport: false,
  createContactListFromImport: false,
}
const ambiguities = { blankRows: 0, quoteRows: 0 }

const run = (state: WizardState, ...actions: TwoFileWizardAction[]) =>
  actions.reduce(twoFileWizardReducer, state)

describe('twoFileWizardReducer', () => {
  it('takes the mapping and check steps once per file, then submits with both scans kept', () => {
    let state = run(
      { step: 'file' },
      { type: 'file-read', source: stage('contacts.csv', ['Email']) },
      { type: 'second-file-read', source: stage('companies.csv', ['Name', 'Contact email']) },
      { type: 'file-done' },
      { type: 'objects-done', objects: { kind: 'one', objectTypeId: '0-1' } },
      { type: 'mapping-done', mapping: contactsMapping },
    )
    expect(state).toMatchObject({ step: 'mapping', secondPart: true, mapping: contactsMapping })
    // options can't be reached before the second file is mapped
    expect(run(state, { type: 'go-to', step: 'options' })).toBe(state)

    state = run(
      state,
      {
        type: 'second-changed',
        update: (s) => ({
          ...s,
          objectTypeId: '0-2',
          common: { first: 0, second: 1 },
          mapping: companiesMapping,
        }),
      },
      { type: 'second-mapping-done' },
    )
    expect(state.step).toBe('options')
    expect(state.secondPart).toBeUndefined()

    state = run(
      state,
      { type: 'options-done', options },
      { type: 'check-done', submissionKey: 'k1', ambiguities: { blankRows: 2, quoteRows: 0 } },
    )
    expect(state).toMatchObject({ step: 'check', secondPart: true })
    // edits on the second file's turn are the second file's
    state = run(state, {
      type: 'edits-changed',
      update: (edits) => withCellEdit(edits, 0, 0, 'Acme'),
    })
    expect(state.second?.edits?.cells).toEqual([{ rowIndex: 0, columnIndex: 0, value: 'Acme' }])
    expect('edits' in state && state.edits).toEqual(EMPTY_EDITS)

    state = run(state, { type: 'check-done', submissionKey: 'k2', ambiguities })
    expect(state).toMatchObject({
      step: 'submit',
      submissionKey: 'k2',
      ambiguities: { blankRows: 2, quoteRows: 0 },
      second: { ambiguities },
    })
    expect(state.secondPart).toBeUndefined()

    // back to the check step from the stepper: the first file's turn
    expect(run(state, { type: 'go-to', step: 'check' })).toMatchObject({ step: 'check' })
    expect(run(state, { type: 'go-to', step: 'check' }).secondPart).toBeUndefined()
  })

  it('another second file drops what depended on the old one and goes back to the file step', () => {
    const state = run(
      { step: 'file' },
      { type: 'file-read', source: stage('contacts.csv', ['Email']) },
      { type: 'second-file-read', source: stage('companies.csv', ['Name', 'Contact email']) },
      {
        type: 'second-changed',
        update: (s) => ({ ...s, objectTypeId: '0-2', mapping: companiesMapping }),
      },
      { type: 'second-file-read', source: stage('deals.csv', ['Deal']) },
    )
    expect(state.step).toBe('file')
    expect(state.second).toEqual({
      source: expect.objectContaining({ file: expect.any(File) }),
      objectTypeId: '0-2',
    })
    expect(run(state, { type: 'second-file-removed' }).second).toBeUndefined()
  })
})
