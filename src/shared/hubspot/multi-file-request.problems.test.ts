// Checks of imports joined on a common column: owner, references, association types, names, the schema
import { describe, expect, it } from 'vitest'
import { companyEmail, contactEmail } from '../testing/two-file-import.ts'
import type { ColumnMapping, ImportRequest, LegacyColumnMapping } from './import-request.ts'
import {
  multiFileRequestProblems,
  twoFileImportRequestSchema,
  type CommonPropertyInfo,
} from './multi-file-request.ts'

type Mapping = ColumnMapping | LegacyColumnMapping

const firstName: ColumnMapping = {
  columnObjectTypeId: '0-1',
  columnName: 'First Name',
  propertyName: 'firstname',
}
const companyName: ColumnMapping = {
  columnObjectTypeId: '0-2',
  columnName: 'Company',
  propertyName: 'name',
}

function request(
  contacts: Mapping[],
  companies: Mapping[],
  names = ['contacts.csv', 'companies.csv'],
): ImportRequest {
  return {
    name: 'two files',
    files: [
      {
        fileName: names[0] as string,
        fileFormat: 'CSV',
        fileImportPage: { hasHeader: true, columnMappings: contacts },
      },
      {
        fileName: names[1] as string,
        fileFormat: 'CSV',
        fileImportPage: { hasHeader: true, columnMappings: companies },
      },
    ],
  }
}

const CATALOGUE: Record<string, CommonPropertyInfo[]> = {
  '0-1': [
    { name: 'email', label: 'Email' },
    { name: 'firstname', label: 'First name' },
    { name: 'hs_object_id', label: 'Record ID' },
    { name: 'customer_number', label: 'Customer number', hasUniqueValue: true },
  ],
  '0-2': [
    { name: 'name', label: 'Company name' },
    { name: 'domain', label: 'Company domain name' },
  ],
}
const propertyOf = (objectTypeId: string, name: string) =>
  CATALOGUE[objectTypeId]?.find((p) => p.name === name)

describe('multiFileRequestProblems', () => {
  it.each<[string, ImportRequest, [string, string][]]>([
    ["the guide's example", request([firstName, contactEmail], [companyName, companyEmail]), []],
    [
      'headers that differ when the object has one common column',
      request([contactEmail], [companyName, { ...companyEmail, columnName: 'Contact email' }]),
      [],
    ],
    [
      'the reference given only by its association type',
      request([contactEmail], [companyName, { ...companyEmail, toColumnObjectTypeId: undefined }]),
      [],
    ],
    [
      'the legacy spelling',
      request(
        [
          {
            columnObjectType: 'CONTACT',
            columnName: 'Email',
            propertyName: 'email',
            idColumnType: 'HUBSPOT_ALTERNATE_ID',
            associationIdentifierColumn: true,
          },
        ],
        [
          {
            columnObjectType: 'COMPANY',
            toColumnObjectType: 'CONTACT',
            columnName: 'Email',
            propertyName: null,
            foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
          },
        ],
      ),
      [],
    ],
    [
      'a unique custom property',
      request(
        [{ ...contactEmail, columnName: 'Customer', propertyName: 'customer_number' }],
        [{ ...companyEmail, columnName: 'Customer' }],
      ),
      [],
    ],
    [
      'a record-ID column needs no common column',
      request(
        [firstName, contactEmail],
        [
          companyName,
          {
            columnObjectTypeId: '0-2',
            toColumnObjectTypeId: '0-1',
            columnName: 'Contact ID',
            propertyName: null,
            columnType: 'HUBSPOT_OBJECT_ID',
          },
        ],
      ),
      [],
    ],
    [
      'two files with the same name',
      request([contactEmail], [companyEmail], ['a.csv', 'a.csv']),
      [['DUPLICATE_FILE_NAME', 'files.1.fileName']],
    ],
    [
      'a common column without a property',
      request([{ ...contactEmail, propertyName: null }], [companyEmail]),
      [['COMMON_COLUMN_WITHOUT_PROPERTY', 'files.0.fileImportPage.columnMappings.0']],
    ],
    [
      'a common property that is not unique',
      request(
        [contactEmail],
        [
          { ...companyName, associationIdentifierColumn: true },
          {
            columnObjectTypeId: '0-1',
            toColumnObjectTypeId: '0-2',
            columnName: 'Company',
            propertyName: null,
          },
        ],
        ['contacts.csv', 'companies.csv'],
      ),
      [
        ['COMMON_PROPERTY_NOT_UNIQUE', 'files.1.fileImportPage.columnMappings.0'],
        ['NO_COMMON_COLUMN', 'files.1.fileImportPage.columnMappings.1'],
      ],
    ],
    [
      'a common property the portal lacks',
      request([{ ...contactEmail, propertyName: 'no_such' }], [companyEmail]),
      [['COMMON_PROPERTY_NOT_FOUND', 'files.0.fileImportPage.columnMappings.0']],
    ],
    [
      'a reference with no common column to join',
      request([firstName, { ...contactEmail, associationIdentifierColumn: false }], [companyEmail]),
      [['NO_COMMON_COLUMN', 'files.1.fileImportPage.columnMappings.0']],
    ],
    [
      'the identifier in the same file does not count',
      request([contactEmail, { ...companyEmail, columnName: 'Email 2' }], [companyName]),
      [['NO_COMMON_COLUMN', 'files.0.fileImportPage.columnMappings.1']],
    ],
    [
      'two common columns of the object, neither with the same header',
      request(
        [
          contactEmail,
          { ...contactEmail, columnName: 'Customer', propertyName: 'customer_number' },
        ],
        [{ ...companyEmail, columnName: 'Who' }],
      ),
      [['AMBIGUOUS_COMMON_COLUMN', 'files.1.fileImportPage.columnMappings.0']],
    ],
    [
      'two common columns, one with the same header',
      request(
        [
          contactEmail,
          { ...contactEmail, columnName: 'Customer', propertyName: 'customer_number' },
        ],
        [companyEmail],
      ),
      [],
    ],
    [
      'an association type for the other direction',
      request(
        [contactEmail],
        [
          {
            ...companyEmail,
            foreignKeyType: { associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED' },
          },
        ],
      ),
      [['WRONG_ASSOCIATION_TYPE', 'files.1.fileImportPage.columnMappings.0.foreignKeyType']],
    ],
    [
      'a user-defined type is the portal’s to check',
      request(
        [contactEmail],
        [
          {
            ...companyEmail,
            foreignKeyType: { associationTypeId: 279, associationCategory: 'USER_DEFINED' },
          },
        ],
      ),
      [],
    ],
  ])('%s', (_case, input, expected) => {
    expect(multiFileRequestProblems(input, propertyOf).map((p) => [p.code, p.in])).toEqual(expected)
  })

  it('says what is wrong in words a person can act on', () => {
    const problems = multiFileRequestProblems(
      request(
        [contactEmail],
        [
          { ...companyName, associationIdentifierColumn: true },
          {
            ...companyEmail,
            foreignKeyType: { associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED' },
          },
        ],
      ),
      propertyOf,
    )
    expect(problems.map((p) => p.message)).toEqual([
      `Column "Company" of companies.csv: "Company name" can't be the common column: its values don't identify one company. Use the company's domain, the record ID or a property with unique values.`,
      'Column "Email" of companies.csv associates company records with contact records, but association type 279 goes from contact to company.',
    ])
  })

  it('checks nothing in a single-file request', () => {
    const single = request([contactEmail], [companyEmail])
    expect(
      multiFileRequestProblems({ ...single, files: single.files.slice(1) }, propertyOf),
    ).toEqual([])
  })
})

describe('twoFileImportRequestSchema', () => {
  it.each<[string, ImportRequest, string[]]>([
    ["the guide's example", request([firstName, contactEmail], [companyName, companyEmail]), []],
    [
      'one file',
      {
        ...request([contactEmail], [companyEmail]),
        files: request([contactEmail], [companyEmail]).files.slice(0, 1),
      },
      ['files'],
    ],
    ['no column joining the files', request([contactEmail], [companyName]), ['files']],
    [
      'a reference with no common column',
      request([{ ...contactEmail, associationIdentifierColumn: false }], [companyEmail]),
      ['files.1.fileImportPage.columnMappings.0'],
    ],
  ])('%s', (_case, input, paths) => {
    const parsed = twoFileImportRequestSchema.safeParse(input)
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(paths)
  })
})
