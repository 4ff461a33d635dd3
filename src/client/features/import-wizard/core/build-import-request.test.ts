// The importRequest the wizard builds: one mapping per column, column types, operations, throws on gaps
import { describe, expect, it } from 'vitest'
import { importRequestSchema } from '#shared/hubspot/import-request.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { buildImportRequest, type BuildImportRequestInput } from './build-import-request.ts'
import { CATALOGS } from './fixtures/properties.ts'

const base: BuildImportRequestInput = {
  name: 'November leads',
  fileName: 'leads.csv',
  mapping: [
    { columnIndex: 0, columnName: 'First Name', objectTypeId: '0-1', propertyName: 'firstname' },
    { columnIndex: 1, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
  ],
  operations: { '0-1': 'CREATE' },
  catalogs: CATALOGS,
}

describe('buildImportRequest', () => {
  it('builds the guide example: one object, email as alternate id', () => {
    const request = buildImportRequest({ ...base, dateFormat: 'DAY_MONTH_YEAR' })
    expect(request).toEqual(
      contactsImportRequest(
        'leads.csv',
        [
          { columnName: 'First Name', propertyName: 'firstname', columnType: 'STANDARD' },
          { columnName: 'Email', propertyName: 'email' },
        ],
        'November leads',
        { importOperations: { '0-1': 'CREATE' }, dateFormat: 'DAY_MONTH_YEAR' },
      ),
    )
    expect(importRequestSchema.safeParse(request).success).toBe(true)
  })

  it.each([
    {
      description: 'contacts and companies in one file, with an association label column',
      input: {
        ...base,
        mapping: [
          { columnIndex: 0, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
          {
            columnIndex: 1,
            columnName: 'Company domain',
            objectTypeId: '0-2',
            propertyName: 'domain',
          },
          {
            columnIndex: 2,
            columnName: 'Record ID',
            objectTypeId: '0-2',
            propertyName: 'hs_object_id',
          },
          {
            columnIndex: 3,
            columnName: 'Association Label',
            objectTypeId: null,
            propertyName: null,
          },
        ],
        operations: { '0-1': 'UPSERT', '0-2': 'UPDATE', '0-3': 'CREATE' },
        associationLabelColumn: { columnIndex: 3, fromObjectTypeId: '0-1', toObjectTypeId: '0-2' },
      },
      operations: { '0-1': 'UPSERT', '0-2': 'UPDATE' },
      mappings: [
        {
          columnObjectTypeId: '0-1',
          columnName: 'Email',
          propertyName: 'email',
          columnType: 'HUBSPOT_ALTERNATE_ID',
        },
        {
          columnObjectTypeId: '0-2',
          columnName: 'Company domain',
          propertyName: 'domain',
          columnType: 'HUBSPOT_ALTERNATE_ID',
        },
        {
          columnObjectTypeId: '0-2',
          columnName: 'Record ID',
          propertyName: 'hs_object_id',
          columnType: 'HUBSPOT_OBJECT_ID',
        },
        {
          columnObjectTypeId: '0-1',
          toColumnObjectTypeId: '0-2',
          columnName: 'Association Label',
          columnType: 'FLEXIBLE_ASSOCIATION_LABEL',
        },
      ],
    },
    {
      description: 'a unique custom property as identifier',
      input: {
        ...base,
        mapping: [
          {
            columnIndex: 0,
            columnName: 'Code',
            objectTypeId: '0-1',
            propertyName: 'customer_code',
          },
        ],
        operations: { '0-1': 'UPDATE' },
      },
      operations: { '0-1': 'UPDATE' },
      mappings: [
        {
          columnObjectTypeId: '0-1',
          columnName: 'Code',
          propertyName: 'customer_code',
          columnType: 'HUBSPOT_ALTERNATE_ID',
        },
      ],
    },
  ] satisfies {
    description: string
    input: BuildImportRequestInput
    operations: unknown
    mappings: unknown[]
  }[])('$description', ({ input, operations, mappings }) => {
    const request = buildImportRequest(input)
    expect(request.importOperations).toEqual(operations)
    expect(request.files[0]!.fileImportPage.columnMappings).toEqual(mappings)
  })

  it('sends the contact options only when contacts are imported', () => {
    const flags = { marketableContactImport: false, createContactListFromImport: true }
    expect(buildImportRequest({ ...base, ...flags })).toMatchObject(flags)
    const companies = buildImportRequest({
      ...base,
      ...flags,
      mapping: [{ columnIndex: 0, columnName: 'Name', objectTypeId: '0-2', propertyName: 'name' }],
      operations: { '0-2': 'CREATE' },
    })
    expect(companies).not.toHaveProperty('marketableContactImport')
    expect(companies).not.toHaveProperty('createContactListFromImport')
  })

  it('falls back to the file name and caps the name at 255 characters', () => {
    expect(buildImportRequest({ ...base, name: '  ' }).name).toBe('leads.csv')
    expect(buildImportRequest({ ...base, name: 'x'.repeat(300) }).name).toHaveLength(255)
  })

  it('refuses an unmapped column: it must be left out of the uploaded file', () => {
    const mapping = [
      ...base.mapping,
      { columnIndex: 2, columnName: 'Notes', objectTypeId: null, propertyName: null },
    ]
    expect(() => buildImportRequest({ ...base, mapping })).toThrow(/"Notes" is not mapped/)
  })
})
