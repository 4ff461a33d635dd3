// Two files joined on a common column, processed: records, associations, errors
import { describe, expect, it } from 'vitest'
import type { ColumnMapping } from '#shared/hubspot/import-request.ts'
import { sheetBytes } from '#shared/spreadsheet/test-workbooks.ts'
import { companyEmail } from '#shared/testing/two-file-import.ts'
import {
  NOW,
  all,
  brief,
  byEmail,
  company,
  contact,
  run,
  userValues,
  world,
} from './process-test-support.ts'
import type { CrmObject } from './types.ts'

/** The company file's Email column, joined to the contact file's, with changes. */
const companyEmailWith = (extra: Partial<ColumnMapping> = {}): ColumnMapping => ({
  ...companyEmail,
  ...extra,
})
const contactsFile = (content: string, extra: Partial<ColumnMapping> = {}) => ({
  name: 'contacts.csv',
  content,
  mappings: [
    contact('Email', 'email', { associationIdentifierColumn: true, ...extra }),
    contact('First Name', 'firstname'),
  ],
})
const companiesFile = (content: string, email: ColumnMapping = companyEmailWith()) => ({
  name: 'companies.csv',
  content,
  mappings: [company('Company', 'name'), company('Domain', 'domain'), email],
})

/** Each record's associations as [type, the other record's email or domain]. */
function links(store: ReturnType<typeof world>['store'], record: CrmObject | undefined) {
  return (record?.associations ?? []).map((a) => {
    const other = store.get(a.toObjectTypeId, a.toObjectId)
    return [a.associationTypeId, other?.properties.email ?? other?.properties.domain]
  })
}

describe('two files joined on a common column', () => {
  it('writes both objects and associates each pair exactly once, one company per contact row', async () => {
    const { result, store } = await run([
      companiesFile(
        [
          'Company,Domain,Email',
          'Acme,acme.com,ann@example.com',
          // the same company again for its second contact: an update and an association
          'Acme,acme.com,BEA@example.com',
          // the same pair again: no second association
          'Acme,acme.com,ann@example.com',
          'Beta,beta.com,carl@example.com',
        ].join('\n'),
      ),
      contactsFile(
        'Email,First Name\nann@example.com,Ann\nbea@example.com,Bea\ncarl@example.com,Carl\n',
      ),
    ])
    expect(result.errors).toEqual([])
    expect(all(store, '0-1').map(userValues)).toEqual([
      { email: 'ann@example.com', firstname: 'Ann' },
      { email: 'bea@example.com', firstname: 'Bea' },
      { email: 'carl@example.com', firstname: 'Carl' },
    ])
    expect(all(store, '0-2').map(userValues)).toEqual([
      { name: 'Acme', domain: 'acme.com' },
      { name: 'Beta', domain: 'beta.com' },
    ])
    const acme = store.findByUnique('0-2', 'domain', 'acme.com')
    expect(links(store, acme)).toEqual([
      [280, 'ann@example.com'],
      [280, 'bea@example.com'],
    ])
    expect(links(store, byEmail(store, 'ann@example.com'))).toEqual([[279, 'acme.com']])
    expect(links(store, byEmail(store, 'carl@example.com'))).toEqual([[279, 'beta.com']])
    expect(result.counters).toMatchObject({
      TOTAL_ROWS: 7,
      CREATED_OBJECTS: 5,
      ASSOCIATIONS_CREATED: 3,
      ERRORS: 0,
    })
  })

  it('joins within the import, and says why a row was not associated', async () => {
    const w = world()
    // already in the CRM, but in no row of the contacts file
    w.store.create('0-1', { email: 'old@example.com' }, NOW)
    // already in the CRM and in the contacts file, where CREATE refuses it
    w.store.create('0-1', { email: 'dup@example.com' }, NOW)
    const { result, store } = await run(
      [
        contactsFile('Email,First Name\nann@example.com,Ann\ndup@example.com,Dup\n'),
        companiesFile(
          [
            'Company,Domain,Email',
            'Acme,acme.com,ann@example.com',
            'Old,old.com,old@example.com',
            'Dup,dup.com,dup@example.com',
            'Bad,bad.com,not-an-email',
            'Blank,blank.com,',
          ].join('\n'),
        ),
      ],
      { importOperations: { '0-1': 'CREATE' } },
      { world: w },
    )
    expect(brief(result.errors)).toEqual([
      [3, 'CREATE_ONLY_IMPORT', 0],
      [3, 'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER', 2],
      [4, 'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER', 2],
      [5, 'INVALID_ASSOCIATION_IDENTIFIER', 2],
    ])
    expect(
      result.errors.slice(1).map((e) => [e.sourceData.pageName, e.objectType, e.errorMessage]),
    ).toEqual([
      [
        'companies.csv',
        'COMPANY',
        'No row of contacts.csv has the email old@example.com, so the company was not associated with a contact.',
      ],
      [
        'companies.csv',
        'COMPANY',
        'The contact on line 3 of contacts.csv (email dup@example.com) was not imported, so the company was not associated with a contact.',
      ],
      [
        'companies.csv',
        'COMPANY',
        expect.stringMatching(
          /^"not-an-email" .*; so the company was not associated with a contact\.$/,
        ),
      ],
    ])
    // every company is written, associated or not
    expect(all(store, '0-2')).toHaveLength(5)
    expect(links(store, store.findByUnique('0-2', 'domain', 'acme.com'))).toEqual([
      [280, 'ann@example.com'],
    ])
    expect(byEmail(store, 'old@example.com')?.associations).toEqual([])
    expect(result.counters.ASSOCIATIONS_CREATED).toBe(1)
  })

  it('joins on a unique custom property, and on record IDs', async () => {
    const w = world()
    const existing = w.store.create('0-1', { email: 'known@example.com' }, NOW)
    const byCustomer = await run([
      {
        name: 'people.csv',
        content: 'Customer,Email\nC-1,c1@example.com\n',
        mappings: [
          contact('Customer', 'customer_number', { associationIdentifierColumn: true }),
          contact('Email', 'email'),
        ],
      },
      companiesFile(
        'Company,Domain,Customer\nAcme,acme.com,C-1\n',
        companyEmailWith({ columnName: 'Customer' }),
      ),
    ])
    expect(byCustomer.result.errors).toEqual([])
    expect(links(byCustomer.store, byEmail(byCustomer.store, 'c1@example.com'))).toEqual([
      [279, 'acme.com'],
    ])

    const byId = await run(
      [
        {
          name: 'people.csv',
          content: `Record ID,First Name\n${existing.id},Known\n`,
          mappings: [
            contact('Record ID', 'hs_object_id', { associationIdentifierColumn: true }),
            contact('First Name', 'firstname'),
          ],
        },
        companiesFile(
          `Company,Domain,Contact\nAcme,acme.com,000${existing.id}\n`,
          companyEmailWith({ columnName: 'Contact' }),
        ),
      ],
      {},
      { world: w },
    )
    expect(byId.result.errors).toEqual([])
    expect(links(byId.store, byId.store.get('0-1', existing.id))).toEqual([[279, 'acme.com']])
    expect(byId.store.get('0-1', existing.id)?.properties.firstname).toBe('Known')
  })

  it('joins a workbook to a CSV', async () => {
    const bytes = await sheetBytes([
      ['Company', 'Domain', 'Email'],
      ['Acme', 'acme.com', 'zoe@example.com'],
    ])
    const { result, store } = await run([
      { ...companiesFile(''), name: 'companies.xlsx', bytes },
      contactsFile('Email,First Name\nzoe@example.com,Zoë\n'),
    ])
    expect(result.errors).toEqual([])
    expect(links(store, byEmail(store, 'zoe@example.com'))).toEqual([[279, 'acme.com']])
  })
})
