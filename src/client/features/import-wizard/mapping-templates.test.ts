// Mapping templates: saved, listed, deleted and applied by column name
import { describe, expect, it } from 'vitest'
import type { MappingDraft } from './core/mapping-draft.ts'
import { applyTemplateColumns, templateColumnsFromImport } from './mapping-templates.ts'

const blank = (names: string[]): MappingDraft =>
  names.map((columnName, columnIndex) => ({
    columnIndex,
    columnName,
    objectTypeId: null,
    propertyName: null,
  }))

describe('applyTemplateColumns', () => {
  it('matches columns by name, ignoring case, spaces and punctuation', () => {
    const { mapping, applied } = applyTemplateColumns(
      blank(['E-mail', 'First name', 'Notes']),
      [
        { columnName: 'email', objectTypeId: '0-1', propertyName: 'email' },
        { columnName: 'First Name', objectTypeId: '0-1', propertyName: 'firstname' },
      ],
      ['0-1'],
    )
    expect(applied).toBe(2)
    expect(mapping.map((c) => c.propertyName)).toEqual(['email', 'firstname', null])
  })

  it('skips objects that are not part of this import', () => {
    const { applied } = applyTemplateColumns(
      blank(['Domain']),
      [{ columnName: 'Domain', objectTypeId: '0-2', propertyName: 'domain' }],
      ['0-1'],
    )
    expect(applied).toBe(0)
  })

  it('never maps one property twice', () => {
    const { mapping } = applyTemplateColumns(
      blank(['Email', 'email ']),
      [{ columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' }],
      ['0-1'],
    )
    expect(mapping.map((c) => c.propertyName)).toEqual(['email', null])
  })
})

describe('templateColumnsFromImport', () => {
  it('reads legacy object names and ignored columns', () => {
    expect(
      templateColumnsFromImport([
        { columnName: 'Email', objectTypeId: 'CONTACT', propertyName: 'email', ignored: false },
        { columnName: 'Skip', objectTypeId: '0-1', propertyName: 'x', ignored: true },
      ]),
    ).toEqual([
      { columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
      { columnName: 'Skip', objectTypeId: '0-1', propertyName: null },
    ])
  })
})
