// Test fixture: a contacts importRequest (one CSV, every column mapped to a contact property)
import type { ColumnMapping, ImportRequest } from '../hubspot/import-request.ts'

/**
 * A column: a header that is also the property's name, or a header and the property it maps to
 * (null: not imported), with any other key of the mapping (`columnType`, …).
 */
export type ContactsColumn =
  | string
  | ({ columnName: string; propertyName: string | null } & Partial<
      Omit<ColumnMapping, 'columnName' | 'propertyName'>
    >)

/** What else a contacts request may hold: its operation, date format, options. */
export type ContactsRequestExtras = Partial<Omit<ImportRequest, 'name' | 'files'>>

/** The columns of the usual contacts file, `Email,First Name,Last Name`. */
export const CONTACTS_COLUMNS: readonly ContactsColumn[] = [
  { columnName: 'Email', propertyName: 'email' },
  { columnName: 'First Name', propertyName: 'firstname' },
  { columnName: 'Last Name', propertyName: 'lastname' },
]

/**
 * A contacts import of one CSV with a header, upserting. The email column is the alternate id,
 * as the wizard maps it.
 */
export function contactsImportRequest(
  fileName = 'contacts.csv',
  columns: readonly ContactsColumn[] = CONTACTS_COLUMNS,
  name = 'Contacts import',
  extras: ContactsRequestExtras = {},
): ImportRequest {
  return {
    name,
    importOperations: { '0-1': 'UPSERT' },
    ...extras,
    files: [
      {
        fileName,
        fileFormat: 'CSV',
        fileImportPage: {
          hasHeader: true,
          columnMappings: columns.map((column) => {
            const { columnName, propertyName, ...rest } =
              typeof column === 'string' ? { columnName: column, propertyName: column } : column
            return {
              columnObjectTypeId: '0-1',
              columnName,
              propertyName,
              ...(propertyName === 'email' ? { columnType: 'HUBSPOT_ALTERNATE_ID' as const } : {}),
              ...rest,
            }
          }),
        },
      },
    ],
  }
}

/** `rows` (header first) as CSV text: every cell quoted, CRLF after each record. */
export function quotedCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => `${row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')}\r\n`)
    .join('')
}
