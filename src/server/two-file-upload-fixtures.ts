// Test fixture for the two-file upload suites: a contacts file, a companies file and their importRequest
import type { ColumnMapping, ImportRequest } from '#shared/hubspot/import-request.ts'

export const CONTACTS_CSV = 'First Name,Email\nAnn,ann@example.com\nBea,bea@example.com\n'
export const COMPANIES_CSV =
  'Company,Domain,Email\nAcme,acme.com,ann@example.com\nAcme,acme.com,bea@example.com\n'

/** Contacts joined to companies on Email; the companies file may be renamed or a workbook. */
export function twoFileRequest(
  companiesName = 'companies.csv',
  companiesFormat: 'CSV' | 'SPREADSHEET' = 'CSV',
): ImportRequest {
  const company = (columnName: string, propertyName: string): ColumnMapping => ({
    columnObjectTypeId: '0-2',
    columnName,
    propertyName,
  })
  return {
    name: 'Contacts and companies',
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
              associationIdentifierColumn: true,
            },
          ],
        },
      },
      {
        fileName: companiesName,
        fileFormat: companiesFormat,
        fileImportPage: {
          hasHeader: true,
          columnMappings: [
            company('Company', 'name'),
            company('Domain', 'domain'),
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
  }
}
