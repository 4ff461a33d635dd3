/**
 * The simulator's property definitions: a realistic slice of HubSpot's default catalogues for
 * contacts, companies, deals and tickets, covering every `type` and `fieldType` the importer has
 * to handle (see src/shared/hubspot/README.md, Properties), plus one archived property per object.
 */
import type { Option, Property, PropertyType } from '#shared/hubspot/property.ts'
import type { PropertyCatalogueLike } from './types.ts'

/** The property HubSpot keeps the last-modified time in: only contacts use the unprefixed name. */
export function lastModifiedProperty(objectTypeId: string): string {
  return objectTypeId === '0-1' ? 'lastmodifieddate' : 'hs_lastmodifieddate'
}

const CATALOGUE_CREATED_AT = '2019-08-06T02:41:08.029Z'
const CATALOGUE_UPDATED_AT = '2024-05-14T10:12:33.412Z'

type Spec = Pick<Property, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'> &
  Partial<Omit<Property, 'modificationMetadata'>> & {
    /** HubSpot's own read-only values (ids, timestamps, calculations) */
    readOnly?: boolean
  }

let nextDisplayOrder = 0

function property(spec: Spec): Property {
  const { readOnly = false, ...rest } = spec
  const custom = spec.hubspotDefined === false
  return {
    description: '',
    options: [],
    hasUniqueValue: false,
    hidden: false,
    calculated: false,
    externalOptions: false,
    hubspotDefined: true,
    formField: !readOnly,
    displayOrder: nextDisplayOrder++,
    archived: false,
    createdAt: CATALOGUE_CREATED_AT,
    updatedAt: CATALOGUE_UPDATED_AT,
    dataSensitivity: 'non_sensitive',
    ...rest,
    modificationMetadata: {
      archivable: custom,
      readOnlyDefinition: !custom,
      readOnlyValue: readOnly,
    },
  }
}

function options(pairs: readonly (readonly [value: string, label: string])[]): Option[] {
  return pairs.map(([value, label], displayOrder) => ({
    label,
    value,
    hidden: false,
    displayOrder,
  }))
}

/** Properties every object has, with the object's own labels. */
function commonProperties(
  objectLabel: string,
  groupName: string,
  objectTypeId: string,
): Property[] {
  return [
    property({
      name: 'hs_object_id',
      label: 'Record ID',
      type: 'number',
      fieldType: 'number',
      groupName,
      description: `The unique ID for this ${objectLabel}. This unique ID is automatically populated by HubSpot and cannot be changed.`,
      hasUniqueValue: true,
      readOnly: true,
      numberDisplayHint: 'unformatted',
    }),
    property({
      name: 'createdate',
      label: 'Create Date',
      type: 'datetime',
      fieldType: 'date',
      groupName,
      description: `The date the ${objectLabel} was created. This property is set automatically by HubSpot.`,
      readOnly: true,
      dateDisplayHint: 'absolute',
    }),
    property({
      name: lastModifiedProperty(objectTypeId),
      label: 'Last Modified Date',
      type: 'datetime',
      fieldType: 'date',
      groupName,
      description: `Most recent timestamp of any property update for this ${objectLabel}.`,
      readOnly: true,
      dateDisplayHint: 'absolute',
    }),
  ]
}

function archived(
  name: string,
  label: string,
  groupName: string,
  type: PropertyType = 'string',
): Property {
  return property({
    name,
    label,
    type,
    fieldType: type === 'number' ? 'number' : 'text',
    groupName,
    hubspotDefined: false,
    archived: true,
    archivedAt: '2023-02-01T09:00:00.000Z',
  })
}

function contacts(): Property[] {
  const g = 'contactinformation'
  return [
    property({
      name: 'email',
      label: 'Email',
      type: 'string',
      fieldType: 'text',
      groupName: g,
      description: "A contact's email address",
      hasUniqueValue: true,
      textDisplayHint: 'email',
    }),
    property({
      name: 'firstname',
      label: 'First Name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'lastname',
      label: 'Last Name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'phone',
      label: 'Phone Number',
      type: 'string',
      fieldType: 'phonenumber',
      groupName: g,
      textDisplayHint: 'phone_number',
    }),
    property({
      name: 'mobilephone',
      label: 'Mobile Phone Number',
      type: 'string',
      fieldType: 'phonenumber',
      groupName: g,
      textDisplayHint: 'phone_number',
    }),
    property({
      name: 'hs_whatsapp_phone_number',
      label: 'WhatsApp Phone Number',
      type: 'phone_number',
      fieldType: 'phonenumber',
      groupName: g,
      textDisplayHint: 'phone_number',
    }),
    property({
      name: 'jobtitle',
      label: 'Job Title',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'company',
      label: 'Company Name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'website',
      label: 'Website URL',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({ name: 'city', label: 'City', type: 'string', fieldType: 'text', groupName: g }),
    property({
      name: 'country',
      label: 'Country/Region',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'message',
      label: 'Message',
      type: 'string',
      fieldType: 'textarea',
      groupName: g,
      textDisplayHint: 'multi_line',
    }),
    property({
      name: 'lifecyclestage',
      label: 'Lifecycle Stage',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: g,
      description: 'The qualification of contacts to sales readiness.',
      options: options([
        ['subscriber', 'Subscriber'],
        ['lead', 'Lead'],
        ['marketingqualifiedlead', 'Marketing Qualified Lead'],
        ['salesqualifiedlead', 'Sales Qualified Lead'],
        ['opportunity', 'Opportunity'],
        ['customer', 'Customer'],
        ['evangelist', 'Evangelist'],
        ['other', 'Other'],
      ]),
    }),
    property({
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'sales_properties',
      description: "The contact's sales, prospecting or outreach status",
      options: options([
        ['NEW', 'New'],
        ['OPEN', 'Open'],
        ['IN_PROGRESS', 'In Progress'],
        ['OPEN_DEAL', 'Open Deal'],
        ['UNQUALIFIED', 'Unqualified'],
        ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
        ['CONNECTED', 'Connected'],
        ['BAD_TIMING', 'Bad Timing'],
      ]),
    }),
    property({
      name: 'hs_buying_role',
      label: 'Buying Role',
      type: 'enumeration',
      fieldType: 'checkbox',
      groupName: 'sales_properties',
      description: 'Role the contact plays during the sales process.',
      options: options([
        ['BUDGET_HOLDER', 'Budget Holder'],
        ['CHAMPION', 'Champion'],
        ['DECISION_MAKER', 'Decision Maker'],
        ['END_USER', 'End User'],
        ['EXECUTIVE_SPONSOR', 'Executive Sponsor'],
        ['INFLUENCER', 'Influencer'],
        ['LEGAL_AND_COMPLIANCE', 'Legal & Compliance'],
        ['OTHER', 'Other'],
      ]),
    }),
    property({
      name: 'interests',
      label: 'Interests',
      type: 'enumeration',
      fieldType: 'checkbox',
      groupName: g,
      hubspotDefined: false,
      options: options([
        ['analytics', 'Analytics'],
        ['automation', 'Automation'],
        ['crm', 'CRM'],
        ['email_marketing', 'Email Marketing'],
      ]),
    }),
    property({
      name: 'newsletter_opt_in',
      label: 'Newsletter Opt-in',
      type: 'bool',
      fieldType: 'booleancheckbox',
      groupName: g,
      hubspotDefined: false,
      options: [
        { label: 'Yes', value: 'true', hidden: false, displayOrder: 0 },
        { label: 'No', value: 'false', hidden: false, displayOrder: 1 },
      ],
    }),
    property({
      name: 'date_of_birth',
      label: 'Date of birth',
      type: 'date',
      fieldType: 'date',
      groupName: g,
      dataSensitivity: 'non_sensitive',
    }),
    property({
      name: 'hs_last_contacted',
      label: 'Last Contacted',
      type: 'datetime',
      fieldType: 'date',
      groupName: 'sales_properties',
      description: 'The last time a call, sales email, or meeting was logged for this contact.',
      dateDisplayHint: 'absolute_with_relative',
    }),
    property({
      name: 'annualrevenue',
      label: 'Annual Revenue',
      type: 'number',
      fieldType: 'number',
      groupName: g,
      numberDisplayHint: 'currency',
    }),
    property({
      name: 'customer_number',
      label: 'Customer number',
      type: 'string',
      fieldType: 'text',
      groupName: g,
      description: 'Customer number from the billing system.',
      hubspotDefined: false,
      hasUniqueValue: true,
    }),
    property({
      // HubSpot's sensitive-data example: only listed with dataSensitivity=sensitive
      name: 'passport_number',
      label: 'Passport Number',
      type: 'string',
      fieldType: 'text',
      groupName: g,
      hubspotDefined: false,
      dataSensitivity: 'sensitive',
    }),
    property({
      name: 'resume',
      label: 'Resume',
      type: 'string',
      fieldType: 'file',
      groupName: g,
      hubspotDefined: false,
    }),
    property({
      name: 'hs_content_membership_notes',
      label: 'Membership Notes',
      type: 'string',
      fieldType: 'html',
      groupName: 'content_membership',
      description: 'Notes relating to the contact’s content membership.',
    }),
    ...commonProperties('contact', g, '0-1'),
    property({
      name: 'num_associated_deals',
      label: 'Number of Associated Deals',
      type: 'number',
      fieldType: 'number',
      groupName: 'deal_information',
      description: 'Count of deals associated with this contact. Set automatically by HubSpot.',
      calculated: true,
      readOnly: true,
    }),
    property({
      name: 'hs_is_contact',
      label: 'Is a contact',
      type: 'bool',
      fieldType: 'calculation_equation',
      groupName: g,
      description: 'Is a contact, has not been deleted and is not a visitor',
      calculated: true,
      calculationFormula: 'true',
      readOnly: true,
      hidden: true,
    }),
    property({
      name: 'hs_geolocation',
      label: 'Geolocation',
      type: 'object_coordinates',
      fieldType: 'text',
      groupName: 'analyticsinformation',
      readOnly: true,
      hidden: true,
    }),
    property({
      name: 'hs_analytics_source_data',
      label: 'Source data',
      type: 'json',
      fieldType: 'text',
      groupName: 'analyticsinformation',
      readOnly: true,
      hidden: true,
    }),
    archived('legacy_lead_score', 'Legacy lead score', g, 'number'),
  ]
}

function companies(): Property[] {
  const g = 'companyinformation'
  return [
    property({
      name: 'name',
      label: 'Company name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
      description: 'The name of the company or organization.',
    }),
    property({
      name: 'domain',
      label: 'Company Domain Name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
      // HubSpot deduplicates companies on domain without declaring it unique
      description: 'The domain name of the company or organization',
      textDisplayHint: 'domain_name',
    }),
    property({
      name: 'industry',
      label: 'Industry',
      type: 'enumeration',
      fieldType: 'select',
      groupName: g,
      options: options([
        ['ACCOUNTING', 'Accounting'],
        ['BANKING', 'Banking'],
        ['COMPUTER_SOFTWARE', 'Computer Software'],
        ['CONSTRUCTION', 'Construction'],
        ['EDUCATION_MANAGEMENT', 'Education Management'],
        ['HOSPITAL_HEALTH_CARE', 'Hospital & Health Care'],
        ['INFORMATION_TECHNOLOGY_AND_SERVICES', 'Information Technology and Services'],
        ['RETAIL', 'Retail'],
      ]),
    }),
    property({
      name: 'numberofemployees',
      label: 'Number of Employees',
      type: 'number',
      fieldType: 'number',
      groupName: g,
    }),
    property({
      name: 'annualrevenue',
      label: 'Annual Revenue',
      type: 'number',
      fieldType: 'number',
      groupName: g,
      numberDisplayHint: 'currency',
    }),
    property({ name: 'city', label: 'City', type: 'string', fieldType: 'text', groupName: g }),
    property({
      name: 'country',
      label: 'Country/Region',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'phone',
      label: 'Phone Number',
      type: 'string',
      fieldType: 'phonenumber',
      groupName: g,
      textDisplayHint: 'phone_number',
    }),
    property({
      name: 'type',
      label: 'Type',
      type: 'enumeration',
      fieldType: 'select',
      groupName: g,
      description: 'The optional classification of this company record - prospect, partner, etc.',
      options: options([
        ['PROSPECT', 'Prospect'],
        ['PARTNER', 'Partner'],
        ['RESELLER', 'Reseller'],
        ['VENDOR', 'Vendor'],
        ['OTHER', 'Other'],
      ]),
    }),
    property({
      name: 'founded_year',
      label: 'Year Founded',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'is_public',
      label: 'Is Public',
      type: 'bool',
      fieldType: 'booleancheckbox',
      groupName: g,
      options: [
        { label: 'True', value: 'true', hidden: false, displayOrder: 0 },
        { label: 'False', value: 'false', hidden: false, displayOrder: 1 },
      ],
    }),
    ...commonProperties('company', g, '0-2'),
    property({
      name: 'num_associated_contacts',
      label: 'Number of Associated Contacts',
      type: 'number',
      fieldType: 'number',
      groupName: g,
      calculated: true,
      readOnly: true,
    }),
    archived('old_account_code', 'Old account code', g),
  ]
}

function deals(): Property[] {
  const g = 'dealinformation'
  return [
    property({
      name: 'dealname',
      label: 'Deal Name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
    }),
    property({
      name: 'pipeline',
      label: 'Pipeline',
      type: 'enumeration',
      fieldType: 'select',
      groupName: g,
      options: options([['default', 'Sales Pipeline']]),
    }),
    property({
      name: 'dealstage',
      label: 'Deal Stage',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: g,
      description:
        'The stage of the deal. Deal stages allow you to categorize and track the progress of the deals that you are working on.',
      options: options([
        ['appointmentscheduled', 'Appointment Scheduled'],
        ['qualifiedtobuy', 'Qualified To Buy'],
        ['presentationscheduled', 'Presentation Scheduled'],
        ['decisionmakerboughtin', 'Decision Maker Bought-In'],
        ['contractsent', 'Contract Sent'],
        ['closedwon', 'Closed Won'],
        ['closedlost', 'Closed Lost'],
      ]),
    }),
    property({
      name: 'amount',
      label: 'Amount',
      type: 'number',
      fieldType: 'number',
      groupName: g,
      numberDisplayHint: 'currency',
    }),
    property({
      name: 'closedate',
      label: 'Close Date',
      type: 'datetime',
      fieldType: 'date',
      groupName: g,
      dateDisplayHint: 'absolute',
    }),
    property({
      name: 'dealtype',
      label: 'Deal Type',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: g,
      options: options([
        ['newbusiness', 'New Business'],
        ['existingbusiness', 'Existing Business'],
      ]),
    }),
    property({
      name: 'description',
      label: 'Deal Description',
      type: 'string',
      fieldType: 'textarea',
      groupName: g,
    }),
    ...commonProperties('deal', g, '0-3'),
    property({
      name: 'hs_closed_amount',
      label: 'Closed Deal Amount',
      type: 'number',
      fieldType: 'calculation_equation',
      groupName: g,
      description: 'Returns the amount if the deal is closed won.',
      calculated: true,
      calculationFormula: 'if is_closed_won then amount else 0',
      readOnly: true,
      numberDisplayHint: 'currency',
    }),
    archived('legacy_forecast', 'Legacy forecast', g, 'number'),
  ]
}

function tickets(): Property[] {
  const g = 'ticketinformation'
  return [
    property({
      name: 'subject',
      label: 'Ticket name',
      type: 'string',
      fieldType: 'text',
      groupName: g,
      description: 'Short summary of ticket',
    }),
    property({
      name: 'content',
      label: 'Ticket description',
      type: 'string',
      fieldType: 'textarea',
      groupName: g,
      description: 'Text in body of the ticket',
    }),
    property({
      name: 'hs_pipeline',
      label: 'Pipeline',
      type: 'enumeration',
      fieldType: 'select',
      groupName: g,
      description: 'The pipeline that contains this ticket',
      options: options([['0', 'Support Pipeline']]),
    }),
    property({
      name: 'hs_pipeline_stage',
      label: 'Ticket status',
      type: 'enumeration',
      fieldType: 'select',
      groupName: g,
      description: 'The pipeline stage that contains this ticket',
      options: options([
        ['1', 'New'],
        ['2', 'Waiting on contact'],
        ['3', 'Waiting on us'],
        ['4', 'Closed'],
      ]),
    }),
    property({
      name: 'hs_ticket_priority',
      label: 'Priority',
      type: 'enumeration',
      fieldType: 'select',
      groupName: g,
      description: 'The level of attention needed on the ticket',
      options: options([
        ['LOW', 'Low'],
        ['MEDIUM', 'Medium'],
        ['HIGH', 'High'],
        ['URGENT', 'Urgent'],
      ]),
    }),
    property({
      name: 'hs_ticket_category',
      label: 'Category',
      type: 'enumeration',
      fieldType: 'checkbox',
      groupName: g,
      description: 'The main reason customer reached out for help',
      options: options([
        ['PRODUCT_ISSUE', 'Product Issue'],
        ['BILLING_ISSUE', 'Billing Issue'],
        ['FEATURE_REQUEST', 'Feature Request'],
        ['GENERAL_INQUIRY', 'General Inquiry'],
      ]),
    }),
    ...commonProperties('ticket', g, '0-5'),
    archived('legacy_sla', 'Legacy SLA', g),
  ]
}

function defaults(): Map<string, Property[]> {
  nextDisplayOrder = 0
  return new Map<string, Property[]>([
    ['0-1', contacts()],
    ['0-2', companies()],
    ['0-3', deals()],
    ['0-5', tickets()],
  ])
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * The property definitions per objectTypeId. Definitions are deep-frozen, so callers share them
 * without copying (the import engine reads them per cell) and cannot change the catalogue.
 */
export class PropertyCatalogue implements PropertyCatalogueLike {
  private byObject = new Map<string, Map<string, Property>>()

  constructor() {
    this.reset()
  }

  /** Active properties; with `archived: true` only the archived ones, as HubSpot's `archived` flag does. */
  list(objectTypeId: string, options: { archived?: boolean } = {}): Property[] {
    const wantArchived = options.archived === true
    return [...(this.byObject.get(objectTypeId)?.values() ?? [])].filter(
      (p) => (p.archived === true) === wantArchived,
    )
  }

  /** An active property by name; archived ones are not found, as the imports API does not write them. */
  get(objectTypeId: string, propertyName: string): Property | undefined {
    const found = this.byObject.get(objectTypeId)?.get(propertyName)
    return found && !found.archived ? found : undefined
  }

  /** Adds (or replaces, by name) a property, e.g. a custom one for a test. */
  add(objectTypeId: string, property: Property): void {
    let properties = this.byObject.get(objectTypeId)
    if (!properties) {
      properties = new Map()
      this.byObject.set(objectTypeId, properties)
    }
    properties.set(property.name, deepFreeze(structuredClone(property)))
  }

  reset(): void {
    this.byObject = new Map()
    for (const [objectTypeId, properties] of defaults()) {
      for (const property of properties) this.add(objectTypeId, property)
    }
  }
}
