// The two-file importRequest: both files' mappings, the common column, the association
import { describe, expect, it } from 'vitest'
import {
  buildTwoFileImportRequest,
  type TwoFileImportInput,
  type TwoFileSide,
} from './build-two-file-request.ts'
import { importRequestSchema } from './import-request.ts'

const contacts: TwoFileSide = {
  fileName: 'contacts.csv',
  objectTypeId: '0-1',
  columns: [
    { columnName: 'First Name', propertyName: 'firstname' },
    { columnName: 'Email', propertyName: 'email' },
  ],
  commonColumn: 'Email',
}
const companies: TwoFileSide = {
  fileName: 'companies.xlsx',
  fileFormat: 'SPREADSHEET',
  objectTypeId: '0-2',
  columns: [
    { columnName: 'Company', propertyName: 'name' },
    { columnName: 'Domain', propertyName: 'domain', columnType: 'HUBSPOT_ALTERNATE_ID' },
    { columnName: 'Email', propertyName: null },
  ],
  commonColumn: 'Email',
}
const base: TwoFileImportInput = { name: 'Spring fair', files: [contacts, companies] }

describe('buildTwoFileImportRequest', () => {
  it("builds the guide's two-file example: contacts and companies joined on email", () => {
    const request = buildTwoFileImportRequest({
      ...base,
      dateFormat: 'DAY_MONTH_YEAR',
      importOperations: { '0-1': 'UPSERT', '0-2': 'CREATE', '0-3': 'UPDATE' },
      createContactListFromImport: true,
    })
    expect(request).toEqual({
      name: 'Spring fair',
      importOperations: { '0-1': 'UPSERT', '0-2': 'CREATE' },
      dateFormat: 'DAY_MONTH_YEAR',
      createContactListFromImport: true,
      files: [
        {
          fileName: 'contacts.csv',
          fileFormat: 'CSV',
          fileImportPage: {
            hasHeader: true,
            columnMappings: [
              { columnObjectTypeId: '0-1', columnName: 'First Name', propertyName: 'firstname' },
              {
                columnObjectTypeId: '0-1',
                columnName: 'Email',
                propertyName: 'email',
                columnType: 'HUBSPOT_ALTERNATE_ID',
                associationIdentifierColumn: true,
              },
            ],
          },
        },
        {
          fileName: 'companies.xlsx',
          fileFormat: 'SPREADSHEET',
          fileImportPage: {
            hasHeader: true,
            columnMappings: [
              { columnObjectTypeId: '0-2', columnName: 'Company', propertyName: 'name' },
              {
                columnObjectTypeId: '0-2',
                columnName: 'Domain',
                propertyName: 'domain',
                columnType: 'HUBSPOT_ALTERNATE_ID',
              },
              {
                columnObjectTypeId: '0-2',
                toColumnObjectTypeId: '0-1',
                columnName: 'Email',
                propertyName: null,
                foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
              },
            ],
          },
        },
      ],
    })
    expect(importRequestSchema.safeParse(request).success).toBe(true)
  })

  it.each<[string, TwoFileImportInput, unknown]>([
    [
      'the owner second in upload order; headers that differ',
      {
        name: '',
        files: [
          {
            ...contacts,
            columns: [{ columnName: 'Company domain', propertyName: null }],
            commonColumn: 'Company domain',
          },
          { ...companies, columns: companies.columns.slice(0, 2), commonColumn: 'Domain' },
        ],
      },
      {
        name: 'contacts.csv + companies.xlsx',
        files: [
          {
            fileName: 'contacts.csv',
            fileFormat: 'CSV',
            fileImportPage: {
              hasHeader: true,
              columnMappings: [
                {
                  columnObjectTypeId: '0-1',
                  toColumnObjectTypeId: '0-2',
                  columnName: 'Company domain',
                  propertyName: null,
                  foreignKeyType: {
                    associationTypeId: 279,
                    associationCategory: 'HUBSPOT_DEFINED',
                  },
                },
              ],
            },
          },
          {
            fileName: 'companies.xlsx',
            fileFormat: 'SPREADSHEET',
            fileImportPage: {
              hasHeader: true,
              columnMappings: [
                { columnObjectTypeId: '0-2', columnName: 'Company', propertyName: 'name' },
                {
                  columnObjectTypeId: '0-2',
                  columnName: 'Domain',
                  propertyName: 'domain',
                  columnType: 'HUBSPOT_ALTERNATE_ID',
                  associationIdentifierColumn: true,
                },
              ],
            },
          },
        ],
      },
    ],
    [
      'a record ID as the common column, deals to contacts',
      {
        name: 'deals',
        files: [
          {
            fileName: 'people.csv',
            objectTypeId: '0-1',
            columns: [{ columnName: 'Record ID', propertyName: 'hs_object_id' }],
            commonColumn: 'Record ID',
          },
          {
            fileName: 'deals.csv',
            objectTypeId: '0-3',
            columns: [
              { columnName: 'Deal', propertyName: 'dealname' },
              { columnName: 'Contact', propertyName: null },
            ],
            commonColumn: 'Contact',
          },
        ],
      },
      expect.objectContaining({
        files: [
          expect.objectContaining({
            fileImportPage: {
              hasHeader: true,
              columnMappings: [
                {
                  columnObjectTypeId: '0-1',
                  columnName: 'Record ID',
                  propertyName: 'hs_object_id',
                  columnType: 'HUBSPOT_OBJECT_ID',
                  associationIdentifierColumn: true,
                },
              ],
            },
          }),
          expect.objectContaining({
            fileImportPage: expect.objectContaining({
              columnMappings: expect.arrayContaining([
                expect.objectContaining({
                  toColumnObjectTypeId: '0-1',
                  foreignKeyType: { associationTypeId: 3, associationCategory: 'HUBSPOT_DEFINED' },
                }),
              ]),
            }),
          }),
        ],
      }),
    ],
  ])('%s', (_case, input, expected) => {
    expect(buildTwoFileImportRequest(input)).toEqual(expected)
  })

  it('leaves marketing options out when no file holds contacts', () => {
    const request = buildTwoFileImportRequest({
      name: 'x',
      marketableContactImport: true,
      files: [
        {
          fileName: 'companies.csv',
          objectTypeId: '0-2',
          columns: [{ columnName: 'Domain', propertyName: 'domain' }],
          commonColumn: 'Domain',
        },
        {
          fileName: 'deals.csv',
          objectTypeId: '0-3',
          columns: [
            { columnName: 'Deal', propertyName: 'dealname' },
            { columnName: 'Domain', propertyName: null },
          ],
          commonColumn: 'Domain',
        },
      ],
    })
    expect(request.marketableContactImport).toBeUndefined()
    expect(request.files[1]?.fileImportPage.columnMappings[1]).toMatchObject({
      foreignKeyType: { associationTypeId: 341 },
    })
  })

  it.each<[string, TwoFileImportInput, string]>([
    [
      'both common columns mapped',
      { ...base, files: [contacts, { ...companies, commonColumn: 'Domain' }] },
      'Map the common column to its property in exactly one file: the file whose object owns it.',
    ],
    [
      'neither common column mapped',
      {
        ...base,
        files: [{ ...contacts, columns: [{ columnName: 'Email', propertyName: null }] }, companies],
      },
      'Map the common column to its property in exactly one file: the file whose object owns it.',
    ],
    [
      'a common column the file lacks',
      { ...base, files: [{ ...contacts, commonColumn: 'E-mail' }, companies] },
      'contacts.csv has no column "E-mail".',
    ],
    [
      'the same object twice',
      { ...base, files: [contacts, { ...companies, objectTypeId: '0-1' }] },
      'The two files must hold different objects.',
    ],
    [
      'an unmapped column left in a file',
      {
        ...base,
        files: [
          {
            ...contacts,
            columns: [...contacts.columns, { columnName: 'Notes', propertyName: null }],
          },
          companies,
        ],
      },
      'Column "Notes" of contacts.csv is not mapped; leave it out of the uploaded file.',
    ],
  ])('refuses %s', (_case, input, message) => {
    expect(() => buildTwoFileImportRequest(input)).toThrow(message)
  })
})
