// The common column of a two-file import: who owns it, and what can't join the files
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '../fixtures/properties.ts'
import type { MappingDraft } from '../mapping-draft.ts'
import {
  guessCommonColumns,
  resolveCommonColumn,
  type CommonColumnPick,
  type TwoFileSideDraft,
} from './common-column.ts'

const mapped = (columns: [string, string | null][], objectTypeId: '0-1' | '0-2'): MappingDraft =>
  columns.map(([columnName, propertyName], columnIndex) => ({
    columnIndex,
    columnName,
    objectTypeId: propertyName ? objectTypeId : null,
    propertyName,
  }))

const contacts = (columns: [string, string | null][]): TwoFileSideDraft => ({
  fileName: 'contacts.csv',
  objectTypeId: '0-1',
  columnNames: columns.map(([name]) => name),
  mapping: mapped(columns, '0-1'),
})
const companies = (columns: [string, string | null][]): TwoFileSideDraft => ({
  fileName: 'companies.csv',
  objectTypeId: '0-2',
  columnNames: columns.map(([name]) => name),
  mapping: mapped(columns, '0-2'),
})

const CONTACTS = contacts([
  ['Email', 'email'],
  ['First Name', 'firstname'],
  ['Code', 'customer_code'],
  ['Company', null],
])
const COMPANIES = companies([
  ['Name', 'name'],
  ['Domain', 'domain'],
  ['Contact email', null],
])

describe('resolveCommonColumn', () => {
  it.each<[string, TwoFileSideDraft, TwoFileSideDraft, CommonColumnPick | undefined, object]>([
    [
      'the contacts file owns email; companies refer to it with the 280-style default',
      CONTACTS,
      COMPANIES,
      { first: 0, second: 2 },
      { ok: true, owner: 'first', associationTypeId: 280 },
    ],
    [
      'the second file owns the domain; contacts refer to companies',
      CONTACTS,
      companies([
        ['Name', 'name'],
        ['Domain', 'domain'],
      ]),
      { first: 3, second: 1 },
      { ok: true, owner: 'second', associationTypeId: 279 },
    ],
    [
      'a unique property may be the common column',
      CONTACTS,
      COMPANIES,
      { first: 2, second: 2 },
      { ok: true, owner: 'first' },
    ],
    [
      'the first file wins when both columns are mapped',
      CONTACTS,
      companies([['Domain', 'domain']]),
      { first: 0, second: 0 },
      { ok: true, owner: 'first' },
    ],
  ])('%s', (_label, first, second, pick, expected) => {
    expect(resolveCommonColumn(first, second, pick, CATALOGS)).toMatchObject(expected)
  })

  it.each<[string, TwoFileSideDraft, TwoFileSideDraft, CommonColumnPick | undefined, RegExp]>([
    ['no column picked', CONTACTS, COMPANIES, undefined, /Choose the column the two files share/],
    [
      'a property whose values identify nothing',
      CONTACTS,
      COMPANIES,
      { first: 1, second: 2 },
      /"First Name" can't be the common column: its values don't identify one contact\. Use the contact's email, the record ID or a property with unique values\./,
    ],
    [
      'neither column mapped',
      CONTACTS,
      COMPANIES,
      { first: 3, second: 2 },
      /Map "Company" of contacts\.csv to the contact property its values are/,
    ],
    [
      'one object in both files',
      CONTACTS,
      { ...CONTACTS, fileName: 'more.csv' },
      { first: 0, second: 0 },
      /different objects/,
    ],
  ])('refuses %s', (_label, first, second, pick, problem) => {
    const result = resolveCommonColumn(first, second, pick, CATALOGS)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problem).toMatch(problem)
  })
})

describe('guessCommonColumns', () => {
  it.each<[string, string[], CommonColumnPick | undefined]>([
    ['the same name', ['Name', 'email'], { first: 0, second: 1 }],
    ['a name ending in it', ['Name', 'Contact email'], { first: 0, second: 1 }],
    ['nothing alike', ['Name', 'Website'], undefined],
  ])('%s', (_label, secondColumns, expected) => {
    expect(guessCommonColumns(CONTACTS, secondColumns)).toEqual(expected)
  })
})
