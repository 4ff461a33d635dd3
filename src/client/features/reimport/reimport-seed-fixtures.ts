// Test fixture for the re-import seed's tests: a contacts import, its row errors and fake fetchers
import Papa from 'papaparse'
import { expect } from 'vitest'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import type { PublicImportResponse } from '#shared/hubspot/public-import-response.ts'
import type { ImportErrorsPage } from '#client/api/imports/get-import-errors.ts'
import type { ReimportFetchers } from './build-reimport-seed.ts'

/** The original import's request: one contacts file, three mapped columns. */
const request = {
  name: 'Contacts May',
  importOperations: { '0-1': 'UPSERT' },
  dateFormat: 'DAY_MONTH_YEAR',
  files: [
    {
      fileName: 'contacts may.csv',
      fileFormat: 'CSV',
      fileImportPage: {
        hasHeader: true,
        columnMappings: [
          { columnObjectTypeId: '0-1', columnName: 'Email', propertyName: 'email' },
          { columnObjectTypeId: '0-1', columnName: 'Name', propertyName: 'firstname' },
          { columnObjectTypeId: '0-1', columnName: 'Stage', propertyName: 'lifecyclestage' },
        ],
      },
    },
  ],
}

export const importResponse = (importRequestJson: unknown = request): PublicImportResponse => ({
  id: '42',
  createdAt: '2026-05-01T10:00:00Z',
  updatedAt: '2026-05-01T10:01:00Z',
  state: 'DONE',
  optOutImport: false,
  mappedObjectTypeIds: ['0-1'],
  importName: 'Contacts May',
  importRequestJson,
  metadata: { counters: { TOTAL_ROWS: 5, ERRORS: 4 }, fileIds: ['9'], objectLists: [] },
})

let nextId = 0
/** A row error on `lineNumber` with the row's cells; ids count up. */
export const error = (
  lineNumber: number,
  rowData: string[],
  overrides: Partial<PublicImportError> = {},
): PublicImportError => ({
  id: String((nextId += 1)),
  createdAt: 0,
  errorType: 'INVALID_EMAIL',
  errorMessage: 'bad',
  knownColumnNumber: 0,
  invalidValue: rowData[0],
  sourceData: {
    rowData,
    additionalRowData: [],
    containsEncryptedProperties: false,
    fileId: 9,
    lineNumber,
  },
  ...overrides,
})

/** Serves the errors in pages of two, as HubSpot's cursor paging does. */
export function fakeFetchers(
  errors: PublicImportError[],
  json?: unknown,
  lineMap?: ReturnType<ReimportFetchers['lineMap']>,
): ReimportFetchers & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    lineMap: () => lineMap,
    getImport: async (id) => {
      asked.push(`import ${id}`)
      return importResponse(json)
    },
    getErrorsPage: async (id, after) => {
      asked.push(`errors ${id} ${after ?? ''}`)
      const start = Number(after ?? 0)
      const page: ImportErrorsPage = { results: errors.slice(start, start + 2) }
      if (start + 2 < errors.length) page.paging = { next: { after: String(start + 2) } }
      return page
    },
  }
}

/** The rows of a CSV file, parsed without errors. */
export const rowsOf = async (file: File) => {
  const parsed = Papa.parse<string[]>(await file.text(), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return parsed.data
}
