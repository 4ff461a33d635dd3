// The contacts properties the generated bench file's columns map to (bench page and Node scan bench)
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { autoMatchColumns } from '../../src/client/features/import-wizard/core/auto-match-columns.ts'
import {
  buildCheckPlan,
  type CheckPlan,
} from '../../src/client/features/import-wizard/core/check-plan.ts'

// a contacts catalogue for the generated file's columns, shaped like the properties API's answer
const prop = (
  name: string,
  label: string,
  type: string,
  fieldType: string,
  extra: Partial<Property> = {},
) =>
  ({
    name,
    label,
    type,
    fieldType,
    groupName: 'contactinformation',
    description: '',
    options: [],
    ...extra,
  }) as Property
export const CONTACTS: Property[] = [
  prop('hs_object_id', 'Record ID', 'number', 'number', {
    hasUniqueValue: true,
    modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true },
  }),
  prop('email', 'Email', 'string', 'text', { hasUniqueValue: true, textDisplayHint: 'email' }),
  prop('firstname', 'First Name', 'string', 'text'),
  prop('lastname', 'Last Name', 'string', 'text'),
  prop('company', 'Company Name', 'string', 'text'),
  prop('jobtitle', 'Job Title', 'string', 'text'),
  prop('phone', 'Phone Number', 'string', 'phonenumber'),
  prop('city', 'City', 'string', 'text'),
  prop('country', 'Country/Region', 'string', 'text'),
  prop('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', {
    options: [
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
    ].map((value, displayOrder) => ({ value, label: value, hidden: false, displayOrder })),
  }),
  prop('date_of_birth', 'Date of birth', 'date', 'date'),
  prop('annualrevenue', 'Annual Revenue', 'number', 'number'),
  prop('message', 'Notes', 'string', 'textarea'),
]

const CATALOGS: Partial<Record<ObjectTypeId, Property[]>> = { '0-1': CONTACTS }

/** The wizard's own auto-mapping of the bench file's headers to contacts. */
export function contactsMapping(headers: string[]) {
  return autoMatchColumns(headers, CATALOGS, ['0-1']).map((match) => ({
    columnIndex: match.columnIndex,
    columnName: match.columnName,
    objectTypeId: match.objectTypeId ?? null,
    propertyName: match.propertyName ?? null,
  }))
}

/** The check plan the wizard builds for that mapping: contacts upserted, dates year-month-day. */
export function contactsCheckPlan(
  mapping: ReturnType<typeof contactsMapping>,
  columnCount: number,
): CheckPlan {
  return buildCheckPlan({
    mapping,
    operations: { '0-1': 'UPSERT' },
    catalogs: CATALOGS,
    columnCount,
    dateFormat: 'YEAR_MONTH_DAY',
  })
}
