// Test fixture: the imports guide's two-file example, contacts and companies joined on the contact's email
import type { ColumnMapping, ImportRequest } from '../hubspot/import-request.ts'

/** The contact file's Email column: the common column, owned by contacts. */
export const contactEmail: ColumnMapping = {
  columnObjectTypeId: '0-1',
  columnName: 'Email',
  propertyName: 'email',
  associationIdentifierColumn: true,
}

/** The company file's Email column: a reference to the contact with that email (company → contact). */
export const companyEmail: ColumnMapping = {
  columnObjectTypeId: '0-2',
  toColumnObjectTypeId: '0-1',
  columnName: 'Email',
  propertyName: null,
  foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
}

/**
 * The guide's two-file import as a request: contacts.csv (`Email,First Name`, Email owning the
 * common column) and companies.csv (`Company name,Company domain,Email`, Email referring to the
 * contact), both upserting.
 */
export function twoFileImportRequest(name = 'Contacts and companies'): ImportRequest {
  return {
    name,
    importOperations: { '0-1': 'UPSERT', '0-2': 'UPSERT' },
    files: [
      {
        fileName: 'contacts.csv',
        fileFormat: 'CSV',
        fileImportPage: {
          hasHeader: true,
          columnMappings: [
            contactEmail,
            { columnObjectTypeId: '0-1', columnName: 'First Name', propertyName: 'firstname' },
          ],
        },
      },
      {
        fileName: 'companies.csv',
        fileFormat: 'CSV',
        fileImportPage: {
          hasHeader: true,
          columnMappings: [
            { columnObjectTypeId: '0-2', columnName: 'Company name', propertyName: 'name' },
            { columnObjectTypeId: '0-2', columnName: 'Company domain', propertyName: 'domain' },
            companyEmail,
          ],
        },
      },
    ],
  }
}
