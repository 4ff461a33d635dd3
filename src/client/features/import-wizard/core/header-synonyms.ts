// Data table: header spellings people use for HubSpot properties, and words that name an object
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'

// header spellings people use, keyed by the compact form (see `compact`), per property and object
export const SYNONYMS: readonly {
  objects: readonly ObjectTypeId[]
  property: string
  words: readonly string[]
}[] = [
  {
    objects: ['0-1'],
    property: 'email',
    words: ['email', 'emailaddress', 'mail', 'emailid', 'contactemail'],
  },
  {
    objects: ['0-1'],
    property: 'firstname',
    words: ['firstname', 'first', 'givenname', 'forename', 'vorname', 'prenom'],
  },
  {
    objects: ['0-1'],
    property: 'lastname',
    words: ['lastname', 'last', 'surname', 'familyname', 'nachname', 'nom'],
  },
  {
    objects: ['0-1', '0-2'],
    property: 'phone',
    words: ['phone', 'phonenumber', 'telephone', 'tel', 'telefon', 'phoneno', 'workphone'],
  },
  {
    objects: ['0-1'],
    property: 'mobilephone',
    words: ['mobile', 'mobilephone', 'mobilenumber', 'cell', 'cellphone'],
  },
  {
    objects: ['0-1', '0-2'],
    property: 'zip',
    words: ['zip', 'zipcode', 'postcode', 'postalcode', 'plz'],
  },
  { objects: ['0-1', '0-2'], property: 'city', words: ['city', 'town', 'ort'] },
  {
    objects: ['0-1', '0-2'],
    property: 'state',
    words: ['state', 'province', 'region', 'stateregion', 'county'],
  },
  { objects: ['0-1', '0-2'], property: 'country', words: ['country', 'countryregion', 'land'] },
  {
    objects: ['0-1', '0-2'],
    property: 'address',
    words: ['address', 'street', 'streetaddress', 'address1'],
  },
  { objects: ['0-1'], property: 'jobtitle', words: ['jobtitle', 'title', 'position', 'role'] },
  {
    objects: ['0-1', '0-2'],
    property: 'website',
    words: ['website', 'websiteurl', 'url', 'web', 'homepage'],
  },
  {
    objects: ['0-1'],
    property: 'company',
    words: ['company', 'companyname', 'organization', 'organisation', 'employer', 'firma'],
  },
  {
    objects: ['0-2'],
    property: 'name',
    words: [
      'name',
      'companyname',
      'company',
      'organization',
      'organisation',
      'accountname',
      'firma',
    ],
  },
  {
    objects: ['0-2'],
    property: 'domain',
    words: ['domain', 'companydomain', 'companydomainname', 'domainname', 'websitedomain'],
  },
  {
    objects: ['0-2'],
    property: 'numberofemployees',
    words: ['employees', 'numberofemployees', 'employeecount', 'headcount'],
  },
  { objects: ['0-2'], property: 'annualrevenue', words: ['revenue', 'annualrevenue'] },
  {
    objects: ['0-3'],
    property: 'dealname',
    words: ['dealname', 'deal', 'name', 'opportunity', 'opportunityname'],
  },
  { objects: ['0-3'], property: 'amount', words: ['amount', 'dealamount', 'dealvalue', 'value'] },
  { objects: ['0-3'], property: 'dealstage', words: ['dealstage', 'stage'] },
  {
    objects: ['0-3'],
    property: 'closedate',
    words: ['closedate', 'closingdate', 'expectedclosedate'],
  },
  { objects: ['0-3', '0-5'], property: 'pipeline', words: ['pipeline', 'dealpipeline'] },
  { objects: ['0-5'], property: 'hs_pipeline', words: ['pipeline', 'ticketpipeline'] },
  {
    objects: ['0-5'],
    property: 'hs_pipeline_stage',
    words: ['ticketstatus', 'status', 'stage', 'pipelinestage'],
  },
  {
    objects: ['0-5'],
    property: 'subject',
    words: ['subject', 'ticketname', 'ticketsubject', 'name', 'title'],
  },
  {
    objects: ['0-5'],
    property: 'content',
    words: ['description', 'ticketdescription', 'content', 'body'],
  },
  {
    objects: ['0-1', '0-2', '0-3', '0-5'],
    property: 'hs_object_id',
    words: [
      'recordid',
      'hsobjectid',
      'objectid',
      'hubspotid',
      'id',
      'hubspotrecordid',
      'contactid',
      'companyid',
      'dealid',
      'ticketid',
    ],
  },
]

// a leading word that names another object in a two-object file ("Company domain" → companies)
export const OBJECT_PREFIXES: Readonly<Record<string, ObjectTypeId>> = {
  contact: '0-1',
  contacts: '0-1',
  person: '0-1',
  company: '0-2',
  companies: '0-2',
  organization: '0-2',
  organisation: '0-2',
  account: '0-2',
  deal: '0-3',
  deals: '0-3',
  ticket: '0-5',
  tickets: '0-5',
}
