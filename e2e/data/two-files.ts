// A contacts file and a companies file joined on the contact's email, for the two-file specs
import { csvFile } from '../pages/import-wizard-page.ts'

export const CONTACTS = [
  'Email,First Name',
  'ada@analytical.example,Ada',
  'grace@cobol.example,Grace',
  '',
].join('\r\n')

/** Its last company's contact email matches no contact: the cross-file check lists it. */
export const COMPANIES = [
  'Company name,Company domain,Contact email',
  'Analytical Engines,analytical.example,ADA@analytical.example',
  'Cobol Works,cobol.example,grace@cobol.example',
  'Nowhere Inc,nowhere.example,zed@nowhere.example',
  '',
].join('\r\n')

export const contactsCsv = () => csvFile('contacts.csv', CONTACTS)
export const companiesCsv = () => csvFile('companies.csv', COMPANIES)
