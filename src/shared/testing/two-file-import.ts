// Test fixture: the imports guide's two-file example, contacts and companies joined on the contact's email
import type { ColumnMapping } from '../hubspot/import-request.ts'

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
