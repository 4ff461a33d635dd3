// Plain words for every errorType HubSpot documents
import type { ImportErrorType } from '#shared/hubspot/public-import-error.ts'

/** A plain-words label for every errorType HubSpot documents; `satisfies` makes a missing one a type error. */
export const ERROR_TYPE_DESCRIPTIONS = {
  AMBIGUOUS_ENUMERATION_OPTION: 'The value matches more than one dropdown option',
  ASSOCIATION_LABEL_NOT_FOUND: 'The association label does not exist',
  ASSOCIATION_LIMIT_EXCEEDED: 'Too many associations for this record',
  ASSOCIATION_RECORD_NOT_FOUND: 'The record to associate with was not found',
  COLUMN_TOO_LARGE: 'The value is too long for this column',
  COULD_NOT_FIND_BUSINESS_UNIT: 'The business unit was not found',
  COULD_NOT_FIND_OWNER: 'No HubSpot user matches this owner',
  COULD_NOT_PARSE_DATE: 'The date is not in the expected format',
  COULD_NOT_PARSE_NUMBER: 'The value is not a number',
  COULD_NOT_PARSE_ROW: 'The row could not be read',
  COULD_NOT_PARSE_TERM: 'The term could not be read',
  CREATE_ONLY_IMPORT: 'The record already exists, and this import only creates records',
  DUPLICATE_ALTERNATE_ID: 'The unique ID appears more than once in the file',
  DUPLICATE_ASSOCIATION_ID: 'The association ID appears more than once',
  DUPLICATE_EVENT: 'The event was already imported',
  DUPLICATE_OBJECT_ID: 'The record ID appears more than once in the file',
  DUPLICATE_RECORD_ID: 'The record ID appears more than once in the file',
  DUPLICATE_ROW_CONTENT: 'The row repeats another row',
  DUPLICATE_UNIQUE_CREATION_KEY: 'Another row would create the same record',
  DUPLICATE_UNIQUE_PROPERTY_VALUE: 'Another record already has this unique value',
  FAILED_TO_CREATE_ASSOCIATION: 'The association could not be created',
  FAILED_TO_FIND_RECORD_FOR_ASSOCIATIONS: 'No record was found to associate',
  FAILED_TO_OPT_OUT_CONTACT: 'The contact could not be opted out of email',
  FAILED_TO_PROCESS_OBJECT_WITH_EMPTY_PROPERTY_VALUES: 'The row has no values to import',
  FAILED_VALIDATION: 'The value failed the property’s validation rules',
  FILE_NOT_FOUND: 'The file was not found',
  GDPR_BLACKLISTED_EMAIL: 'The email address is blocked for privacy reasons',
  INCORRECT_NUMBER_OF_COLUMNS: 'The row has a different number of columns than the header',
  INVALID_ALTERNATE_ID: 'The unique ID is not valid',
  INVALID_ASSOCIATION_IDENTIFIER: 'The association identifier is not valid',
  INVALID_ASSOCIATION_KEY: 'The association key is not valid',
  INVALID_COLUMN_CONFIGURATION: 'The column mapping is not valid',
  INVALID_CUSTOM_PROPERTY_VALIDATION: 'The value breaks the property’s custom validation',
  INVALID_DOMAIN: 'The company domain is not valid',
  INVALID_EMAIL: 'The email address is not valid',
  INVALID_ENUM_FILE_ID_OR_URL: 'The file ID or URL is not valid',
  INVALID_ENUMERATION_OPTION: 'The value is not one of the property’s options',
  INVALID_EVENT: 'The event is not valid',
  INVALID_EVENT_TIMESTAMP: 'The event timestamp is not valid',
  INVALID_FILE_TYPE: 'The file type is not supported',
  INVALID_NUMBER_SIZE: 'The number is too large or too small',
  INVALID_OBJECT_ID: 'The record ID is not valid',
  INVALID_PROPERTY_VALUE_FORMAT: 'The value is not in the property’s format',
  INVALID_RECORD_ID: 'The record ID is not valid',
  INVALID_REQUIRED_PROPERTY: 'A required value is not valid',
  INVALID_SHEET_COUNT: 'The spreadsheet has the wrong number of sheets',
  INVALID_SPREADSHEET: 'The spreadsheet could not be read',
  LIMIT_EXCEEDED: 'A HubSpot limit was reached',
  LINE_ITEM_MULTIPLE_PARENTS_IN_ROW: 'The line item has more than one parent in this row',
  MANY_ERRORS_IN_ROW: 'The row has many errors',
  MISSING_EVENT_DEFINITION: 'The event definition is missing',
  MISSING_EVENT_TIMESTAMP: 'The event timestamp is missing',
  MISSING_OBJECT_DEFINITION: 'The object type is not defined',
  MISSING_REQUIRED_PROPERTY: 'A required value is missing',
  MULTIPLE_COMPANIES_WITH_THIS_DOMAIN: 'More than one company has this domain',
  MULTIPLE_OWNERS_FOUND: 'More than one HubSpot user matches this owner',
  NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER: 'No record matches the association identifier',
  OUTSIDE_VALID_TERM_RANGE: 'The term is outside the allowed range',
  OUTSIDE_VALID_TIME_RANGE: 'The date or time is outside the allowed range',
  PORTAL_WIDE_CUSTOM_OBJECT_LIMIT_EXCEEDED: 'The account’s custom object limit was reached',
  PROPERTY_DEFINITION_NOT_FOUND: 'The property does not exist',
  PROPERTY_VALUE_NOT_FOUND: 'The value was not found',
  ROW_DATA_TOO_LARGE: 'The row is too large',
  SECONDARY_EMAIL_WRITE_FAILURE: 'The additional email address could not be saved',
  UNKNOWN_ASSOCIATION_RECORD_ID: 'The record to associate with does not exist',
  UNKNOWN_BAD_REQUEST: 'HubSpot rejected the row',
  UNKNOWN_ERROR: 'An unknown error occurred',
  UPDATE_ONLY_IMPORT: 'The record does not exist, and this import only updates records',
} as const satisfies Record<ImportErrorType, string>

/** `SOME_NEW_TYPE` → "Some new type", for errorTypes newer than this build. */
export function humanizeConstant(value: string): string {
  const words = value
    .trim()
    .replace(/[_\s]+/g, ' ')
    .toLowerCase()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown error'
}

export function describeErrorType(errorType: string): string {
  return Object.hasOwn(ERROR_TYPE_DESCRIPTIONS, errorType)
    ? ERROR_TYPE_DESCRIPTIONS[errorType as ImportErrorType]
    : humanizeConstant(errorType)
}
