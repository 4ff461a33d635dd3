// The importRequest of a two-file import, from what the person chose
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { companyEmail, contactEmail } from '#shared/testing/two-file-import.ts'
import { CATALOGS } from '../fixtures/properties.ts'
import type { MappingDraft } from '../mapping-draft.ts'
import { buildTwoFileRequest, distinctFileNames, uploadMapping } from './two-file-request.ts'

const CONTACTS: MappingDraft = [
  { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
  { columnIndex: 1, columnName: 'First Name', objectTypeId: '0-1', propertyName: 'firstname' },
]
const COMPANIES: MappingDraft = [
  { columnIndex: 0, columnName: 'Name', objectTypeId: '0-2', propertyName: 'name' },
  { columnIndex: 1, columnName: 'Notes', objectTypeId: null, propertyName: null },
  // mapped to a company property by mistake: as the reference it is uploaded as the reference only
  { columnIndex: 2, columnName: 'Contact email', objectTypeId: '0-2', propertyName: 'city' },
]

describe('buildTwoFileRequest', () => {
  it('marks the owner column, turns the other into a reference, leaves unmapped columns out', () => {
    const first = uploadMapping('first', 'first', '0-1', CONTACTS, 0)
    const second = uploadMapping('second', 'first', '0-2', COMPANIES, 2)
    const request = buildTwoFileRequest({
      name: 'Contacts and companies',
      sides: [
        {
          fileName: 'contacts.csv',
          fileFormat: 'CSV',
          objectTypeId: '0-1',
          mapping: first,
          headerNames: ['Email', 'First Name'],
          commonColumnIndex: 0,
        },
        {
          fileName: 'companies.xlsx',
          fileFormat: 'SPREADSHEET',
          objectTypeId: '0-2',
          mapping: second,
          headerNames: ['Name', 'Notes', 'Contact email'],
          commonColumnIndex: 2,
        },
      ],
      operations: { '0-1': 'UPSERT', '0-2': 'CREATE' },
      catalogs: CATALOGS,
      dateFormat: 'DAY_MONTH_YEAR',
      marketableContactImport: false,
    })
    expect(request).toEqual({
      name: 'Contacts and companies',
      importOperations: { '0-1': 'UPSERT', '0-2': 'CREATE' },
      dateFormat: 'DAY_MONTH_YEAR',
      marketableContactImport: false,
      files: [
        contactsImportRequest('contacts.csv', [
          { ...contactEmail, propertyName: 'email', columnType: 'HUBSPOT_ALTERNATE_ID' },
          { columnName: 'First Name', propertyName: 'firstname', columnType: 'STANDARD' },
        ]).files[0],
        {
          fileName: 'companies.xlsx',
          fileFormat: 'SPREADSHEET',
          fileImportPage: {
            hasHeader: true,
            columnMappings: [
              {
                columnObjectTypeId: '0-2',
                columnName: 'Name',
                propertyName: 'name',
                columnType: 'STANDARD',
              },
              { ...companyEmail, columnName: 'Contact email' },
            ],
          },
        },
      ],
    })
  })

  it('keeps the reference column in the upload though it maps to nothing', () => {
    const unmapped = COMPANIES.map((c) =>
      c.columnIndex === 2 ? { ...c, objectTypeId: null, propertyName: null } : c,
    )
    const kept = uploadMapping('second', 'first', '0-2', unmapped, 2).filter((c) => c.propertyName)
    expect(kept.map((c) => c.columnIndex)).toEqual([0, 2])
    expect(uploadMapping('first', 'first', '0-1', CONTACTS, 0)).toBe(CONTACTS)
  })
})

describe('distinctFileNames', () => {
  it.each([
    ['contacts.csv', 'companies.csv', ['contacts.csv', 'companies.csv']],
    ['export.csv', 'Export.csv', ['export.csv', 'Export (2).csv']],
    ['export', 'export', ['export', 'export (2)']],
  ])('%s + %s', (first, second, expected) => {
    expect(distinctFileNames(first, second)).toEqual(expected)
  })
})
