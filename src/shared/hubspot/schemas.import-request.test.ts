// What we send HubSpot, checked strictly (the importRequest), and the object types with their associations
import { describe, expect, it } from 'vitest'
import {
  importRequestSchema,
  normalizeColumnMapping,
  operationFor,
  type ImportRequest,
} from './import-request.ts'
import { associationPair, defaultAssociationTypeId, findObjectType } from './object-types.ts'
import { contactsImportRequest } from '../testing/contacts-import.ts'

describe('importRequest: what we send is strict', () => {
  const request: ImportRequest = contactsImportRequest(
    'leads.csv',
    [
      { columnName: 'Email', propertyName: 'email' },
      { columnName: 'First Name', propertyName: 'firstname' },
    ],
    'November leads',
    { importOperations: { '0-1': 'CREATE' }, dateFormat: 'DAY_MONTH_YEAR' },
  )

  it('accepts the guide’s example shape', () => {
    expect(importRequestSchema.parse(request)).toEqual(request)
  })

  it.each([
    ['an unknown top-level key', { ...request, importTemplate: { templateId: 1 } }],
    ['an unknown operation', { ...request, importOperations: { '0-1': 'MERGE' } }],
    [
      'an object name instead of an objectTypeId in importOperations',
      { ...request, importOperations: { contacts: 'CREATE' } },
    ],
    ['an unknown date format', { ...request, dateFormat: 'DD/MM/YYYY' }],
    ['no files', { ...request, files: [] }],
    ['an empty name', { ...request, name: '' }],
    [
      'a mapping with a typo in a key',
      {
        ...request,
        files: [
          {
            ...request.files[0],
            fileImportPage: {
              hasHeader: true,
              columnMappings: [
                { columnObjectTypeId: '0-1', columnName: 'E', propertyname: 'email' },
              ],
            },
          },
        ],
      },
    ],
    [
      'an unknown columnType',
      {
        ...request,
        files: [
          {
            ...request.files[0],
            fileImportPage: {
              hasHeader: true,
              columnMappings: [
                { columnObjectTypeId: '0-1', columnName: 'E', columnType: 'PRIMARY' },
              ],
            },
          },
        ],
      },
    ],
  ])('rejects %s', (_name, body) => {
    expect(importRequestSchema.safeParse(body).success).toBe(false)
  })

  it.each([
    [
      'the legacy spelling from HubSpot’s Node README',
      {
        ignored: false,
        columnName: 'Email',
        idColumnType: 'HUBSPOT_ALTERNATE_ID',
        propertyName: 'email',
        foreignKeyType: null,
        columnObjectType: 'CONTACT',
        associationIdentifierColumn: false,
      },
      {
        columnName: 'Email',
        columnObjectTypeId: '0-1',
        propertyName: 'email',
        columnType: 'HUBSPOT_ALTERNATE_ID',
        associationIdentifierColumn: false,
        ignored: false,
      },
    ],
    [
      'a legacy company-id association column',
      {
        columnName: 'Company ID',
        idColumnType: 'HUBSPOT_OBJECT_ID',
        propertyName: null,
        columnObjectType: 'COMPANY',
        foreignKeyType: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
      },
      {
        columnName: 'Company ID',
        columnObjectTypeId: '0-2',
        propertyName: null,
        columnType: 'HUBSPOT_OBJECT_ID',
        foreignKeyType: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
        associationIdentifierColumn: false,
        ignored: false,
      },
    ],
    [
      'an ignored legacy column',
      { columnName: 'Notes', columnObjectType: 'CONTACT', ignored: true },
      {
        columnName: 'Notes',
        columnObjectTypeId: '0-1',
        propertyName: null,
        columnType: 'STANDARD',
        associationIdentifierColumn: false,
        ignored: true,
      },
    ],
    [
      'the current spelling with an object name',
      { columnObjectTypeId: 'contacts', columnName: 'Email', propertyName: 'email' },
      {
        columnName: 'Email',
        columnObjectTypeId: '0-1',
        propertyName: 'email',
        columnType: 'STANDARD',
        associationIdentifierColumn: false,
        ignored: false,
      },
    ],
    [
      'a two-file join column',
      {
        columnObjectTypeId: '0-2',
        toColumnObjectTypeId: '0-1',
        columnName: 'Email',
        propertyName: null,
        foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
      },
      {
        columnName: 'Email',
        columnObjectTypeId: '0-2',
        toColumnObjectTypeId: '0-1',
        propertyName: null,
        columnType: 'STANDARD',
        foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
        associationIdentifierColumn: false,
        ignored: false,
      },
    ],
  ])('normalizes %s', (_name, mapping, expected) => {
    const page = importRequestSchema.parse({
      ...request,
      files: [
        { fileName: 'a.csv', fileImportPage: { hasHeader: true, columnMappings: [mapping] } },
      ],
    }).files[0]!.fileImportPage
    expect(normalizeColumnMapping(page.columnMappings[0]!)).toEqual(expected)
  })

  it('defaults the operation to UPSERT, as HubSpot does', () => {
    expect(operationFor(request, '0-1')).toBe('CREATE')
    expect(operationFor(request, '0-2')).toBe('UPSERT')
  })
})

describe('object types', () => {
  it.each([
    ['0-1', '0-1'],
    ['contacts', '0-1'],
    ['contact', '0-1'],
    ['CONTACT', '0-1'],
    ['Companies', '0-2'],
    ['DEAL', '0-3'],
    ['tickets', '0-5'],
    ['0-7', undefined],
    ['notes', undefined],
  ])('findObjectType(%s) → %s', (input, id) => {
    expect(findObjectType(input)?.objectTypeId).toBe(id)
  })

  it.each([
    ['0-1', '0-2', 279],
    ['0-2', '0-1', 280],
    ['0-3', '0-2', 341],
    ['0-5', '0-1', 16],
  ] as const)('the default association %s → %s is %i', (from, to, id) => {
    expect(defaultAssociationTypeId(from, to)).toBe(id)
  })

  it.each([
    [1, ['0-1', '0-2']],
    [26, ['0-5', '0-2']],
    [279, ['0-1', '0-2']],
    [280, ['0-2', '0-1']],
    [342, ['0-2', '0-3']],
    [9999, undefined],
  ])('association type %i joins %j', (associationTypeId, pair) => {
    expect(associationPair(associationTypeId)).toEqual(pair)
  })
})
