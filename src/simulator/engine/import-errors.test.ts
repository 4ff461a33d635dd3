// PublicImportError records as the simulator writes them
import { describe, expect, it } from 'vitest'
import { publicImportErrorSchema } from '#shared/hubspot/public-import-error.ts'
import { TEST_FILE } from './column-fixtures.ts'
import {
  ImportFailure,
  failureErrorFields,
  objectName,
  publicImportError,
  type ImportErrorFields,
} from './import-errors.ts'
import type { ImportJob } from './types.ts'

const fields: ImportErrorFields = {
  errorType: 'INVALID_EMAIL',
  message: 'bad',
  objectTypeId: '0-1',
  file: TEST_FILE,
  lineNumber: 3,
  rowData: ['nope', 'Ann'],
}

describe('publicImportError', () => {
  it.each([
    ['a row error without a column', fields, {}],
    [
      'a cell error',
      { ...fields, column: 0, invalidValue: 'nope' },
      { knownColumnNumber: 0, invalidValue: 'nope' },
    ],
    [
      'an object type we do not name, without a file',
      { ...fields, objectTypeId: '2-99', file: undefined },
      { objectType: 'UNKNOWN', objectTypeId: '2-99', sourceData: { fileId: 0, pageName: '' } },
    ],
  ])('%s', (_case, input, expected) => {
    const error = publicImportError('7001', 4, new Date(1_000), input)
    expect(publicImportErrorSchema.parse(error)).toEqual(error)
    expect(error).toMatchObject({
      id: '7001-4',
      createdAt: 1_000,
      errorType: 'INVALID_EMAIL',
      errorMessage: 'bad',
      objectType: 'CONTACT',
      objectTypeId: '0-1',
      sourceData: {
        rowData: ['nope', 'Ann'],
        additionalRowData: [],
        containsEncryptedProperties: false,
        fileId: 1,
        lineNumber: 3,
        pageName: 'test.csv',
      },
      ...expected,
    })
    expect('knownColumnNumber' in error).toBe(input.column !== undefined)
    expect('invalidValue' in error).toBe(input.invalidValue !== undefined)
  })

  it('copies the row, so later edits do not leak in', () => {
    const rowData = ['a']
    const error = publicImportError('1', 1, new Date(0), { ...fields, rowData })
    rowData.push('b')
    expect(error.sourceData.rowData).toEqual(['a'])
  })
})

describe('failureErrorFields', () => {
  const job = (mappingObjectTypeId?: string): ImportJob => ({
    importId: '1',
    request: {
      name: 'x',
      files: [
        {
          fileName: 'test.csv',
          fileFormat: 'CSV',
          fileImportPage: {
            hasHeader: true,
            columnMappings: mappingObjectTypeId
              ? [{ columnName: 'A', columnObjectTypeId: mappingObjectTypeId, propertyName: 'a' }]
              : [],
          },
        },
      ],
    },
    files: [TEST_FILE],
  })
  it.each([
    [
      'the failure’s own object and details',
      new ImportFailure('INCORRECT_NUMBER_OF_COLUMNS', 'm', undefined, {
        objectTypeId: '0-2',
        rowData: ['a', 'b'],
        knownColumnNumber: 1,
        invalidValue: 'b',
      }),
      job('0-1'),
      { objectTypeId: '0-2', rowData: ['a', 'b'], column: 1, invalidValue: 'b' },
    ],
    [
      'the first mapping’s object, the first file',
      new ImportFailure('FILE_NOT_FOUND', 'm', undefined),
      job('0-3'),
      { objectTypeId: '0-3', rowData: [] },
    ],
    [
      'contacts when nothing is mapped',
      new ImportFailure('FILE_NOT_FOUND', 'm', undefined),
      job(),
      { objectTypeId: '0-1', rowData: [] },
    ],
  ])('%s', (_case, failure, importJob, expected) => {
    expect(failureErrorFields(failure, importJob)).toEqual({
      errorType: failure.errorType,
      message: 'm',
      file: TEST_FILE,
      lineNumber: 0,
      ...expected,
    })
  })
})

describe('objectName', () => {
  it.each([
    ['0-1', 'contact'],
    ['0-5', 'ticket'],
    ['2-99', '2-99'],
  ])('%s → %s', (objectTypeId, name) => {
    expect(objectName(objectTypeId)).toBe(name)
  })
})
