// Reading an import's importRequestJson leniently, and rebuilding a valid request from it
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { headerFromSummary, readImportRequestJson } from './import-request-json.ts'

const current = contactsImportRequest(
  'contacts.csv',
  [
    { columnName: 'Email', propertyName: 'email' },
    { columnName: 'First name', propertyName: 'firstname' },
    { columnName: 'Notes', propertyName: null },
  ],
  'Contacts May',
  { dateFormat: 'DAY_MONTH_YEAR' },
)

describe('readImportRequestJson', () => {
  it('reads columns, operations and the date format of the current spelling', () => {
    const summary = readImportRequestJson(current)
    expect(summary?.name).toBe('Contacts May')
    expect(summary?.dateFormat).toBe('DAY_MONTH_YEAR')
    expect(summary?.operations).toEqual([
      { objectTypeId: '0-1', objectLabel: 'Contacts', operation: 'UPSERT' },
    ])
    expect(summary?.columns.map((c) => [c.columnName, c.objectLabel, c.propertyName])).toEqual([
      ['Email', 'Contacts', 'email'],
      ['First name', 'Contacts', 'firstname'],
      ['Notes', 'Contacts', null],
    ])
    expect(headerFromSummary(summary)).toEqual(['Email', 'First name', 'Notes'])
    expect(summary?.request?.files[0]?.fileName).toBe('contacts.csv')
  })

  it('reads the legacy spelling', () => {
    const summary = readImportRequestJson({
      name: 'old',
      files: [
        {
          fileName: 'a.csv',
          fileImportPage: {
            hasHeader: true,
            columnMappings: [
              {
                columnObjectType: 'CONTACT',
                columnName: 'mail',
                propertyName: 'email',
                idColumnType: 'HUBSPOT_ALTERNATE_ID',
              },
              { columnObjectType: 'CONTACT', columnName: 'skip', ignored: true },
            ],
          },
        },
      ],
    })
    expect(summary?.columns.map((c) => [c.objectTypeId, c.columnType, c.ignored])).toEqual([
      ['0-1', 'HUBSPOT_ALTERNATE_ID', false],
      ['0-1', undefined, true],
    ])
    expect(summary?.request).toBeDefined()
  })

  it('keeps a request HubSpot echoed with extra keys re-usable', () => {
    const echoed = {
      ...current,
      portalId: 123,
      files: [
        {
          ...current.files[0],
          fileId: 9,
          fileImportPage: { ...current.files[0]?.fileImportPage, extra: true },
        },
      ],
    }
    expect(readImportRequestJson(echoed)?.request?.name).toBe('Contacts May')
  })

  it('parses a JSON string', () => {
    expect(readImportRequestJson(JSON.stringify(current))?.columns).toHaveLength(3)
  })

  it.each([
    { description: 'absent', input: undefined },
    { description: 'null', input: null },
    { description: 'a number', input: 42 },
    { description: 'an array', input: [current] },
    { description: 'broken JSON text', input: '{"name":' },
  ])('gives up quietly on $description', ({ input }) => {
    expect(readImportRequestJson(input)).toBeUndefined()
  })

  it.each([
    { description: 'no files', input: { name: 'x' } },
    { description: 'files not an array', input: { name: 'x', files: 'nope' } },
    {
      description: 'mappings not an array',
      input: { name: 'x', files: [{ fileImportPage: { columnMappings: {} } }] },
    },
    {
      description: 'odd mapping values',
      input: { files: [{ fileImportPage: { columnMappings: [{ columnName: 7 }, null, 'x'] } }] },
    },
  ])('tolerates $description', ({ input }) => {
    const summary = readImportRequestJson(input)
    expect(summary).toBeDefined()
    expect(summary?.request).toBeUndefined()
  })

  it('names a column without a name by its position', () => {
    const summary = readImportRequestJson({
      files: [{ fileImportPage: { columnMappings: [{ columnName: 7 }, {}] } }],
    })
    expect(headerFromSummary(summary)).toEqual(['7', 'Column 2'])
  })
})
