// Processing contacts with companies: one file or two joined on a column, associations both ways
import { describe, expect, it } from 'vitest'
import {
  NOW,
  all,
  brief,
  byEmail,
  company,
  contact,
  expectCountersAddUp,
  run,
  userValues,
  world,
} from './process-test-support.ts'
import type { CrmObject } from './types.ts'

describe('processImport: contacts and companies in one file', () => {
  it('writes both, associates them both ways, and reuses a repeated company', async () => {
    const content = [
      'Email,First Name,Company,Domain',
      'a@example.com,Ann,Acme,acme.com',
      'b@example.com,Bea,Acme Inc,https://www.acme.com/',
      'c@example.com,Cy,,',
      ',Nameless,Orphan Co,orphan.com',
      'd@example.com,Di,Bad Co,not a domain',
    ].join('\n')
    const { result, store } = await run(
      [
        {
          content,
          mappings: [
            contact('Email', 'email'),
            contact('First Name', 'firstname'),
            company('Company', 'name'),
            company('Domain', 'domain'),
          ],
        },
      ],
      { importOperations: { '0-1': 'UPSERT', '0-2': 'CREATE' }, createContactListFromImport: true },
    )
    expect(brief(result.errors)).toEqual([
      [5, 'MISSING_REQUIRED_PROPERTY', 0],
      [6, 'INVALID_DOMAIN', 3],
    ])
    const companies = all(store, '0-2')
    expect(companies.map(userValues)).toEqual([
      { name: 'Acme Inc', domain: 'acme.com' },
      { name: 'Orphan Co', domain: 'orphan.com' },
    ])
    const [acme, orphan] = companies as [CrmObject, CrmObject]
    const ann = byEmail(store, 'a@example.com') as CrmObject
    const bea = byEmail(store, 'b@example.com') as CrmObject
    expect(ann.associations).toEqual([
      {
        toObjectTypeId: '0-2',
        toObjectId: acme.id,
        associationTypeId: 279,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(
      store.get('0-2', acme.id)?.associations.map((a) => [a.toObjectId, a.associationTypeId]),
    ).toEqual([
      [ann.id, 280],
      [bea.id, 280],
    ])
    expect(byEmail(store, 'c@example.com')?.associations).toEqual([])
    expect(byEmail(store, 'd@example.com')?.associations).toEqual([])
    expect(orphan.associations).toEqual([])
    expect(result.counters).toEqual({
      TOTAL_ROWS: 5,
      CREATED_OBJECTS: 4 + 2,
      UPDATED_OBJECTS: 1,
      UNIQUE_OBJECTS_WRITTEN: 6,
      PROPERTY_VALUES_EMITTED: 4 * 2 + 2 * 2 + 1,
      ERRORS: 2,
      ASSOCIATIONS_CREATED: 2,
    })
    expectCountersAddUp(result, store, ['0-1', '0-2'])
    expect(result.objectLists).toEqual([
      { listId: expect.stringMatching(/^\d+$/), objectType: 'contacts' },
    ])
    const listId = result.objectLists[0]?.listId as string
    expect(store.getList(listId)?.ids.sort()).toEqual(
      ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']
        .map((e) => byEmail(store, e)?.id)
        .sort(),
    )
  })

  it('joins two files on a common column, whatever the upload order', async () => {
    const { result, store } = await run([
      {
        name: 'companies.csv',
        content:
          'Company,Domain,Email\nAcme,acme.com,a@example.com\nBeta,beta.com,nobody@example.com\n',
        mappings: [
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
      {
        name: 'contacts.csv',
        content: 'First Name,Email\nAnn,a@example.com\n',
        mappings: [
          contact('First Name', 'firstname'),
          contact('Email', 'email', { associationIdentifierColumn: true }),
        ],
      },
    ])
    expect(brief(result.errors)).toEqual([[3, 'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER', 2]])
    expect(result.errors[0]?.sourceData.pageName).toBe('companies.csv')
    expect(result.errors[0]?.errorMessage).toBe(
      'No row of contacts.csv has the email nobody@example.com, so the company was not associated with a contact.',
    )
    const acme = store.findByUnique('0-2', 'domain', 'acme.com') as CrmObject
    const ann = byEmail(store, 'a@example.com') as CrmObject
    expect(acme.associations).toEqual([
      {
        toObjectTypeId: '0-1',
        toObjectId: ann.id,
        associationTypeId: 280,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(ann.associations.map((a) => [a.toObjectId, a.associationTypeId])).toEqual([
      [acme.id, 279],
    ])
    expect(result.counters).toMatchObject({
      TOTAL_ROWS: 3,
      CREATED_OBJECTS: 3,
      ASSOCIATIONS_CREATED: 1,
    })
  })

  it('associates by a record-ID column (legacy spelling)', async () => {
    const w = world()
    const acme = w.store.create('0-2', { name: 'Acme' }, NOW)
    const { result, store } = await run(
      [
        {
          content: `Email,Company ID\na@example.com,${acme.id}\nb@example.com,12345\n`,
          mappings: [
            {
              columnObjectType: 'CONTACT',
              columnName: 'Email',
              propertyName: 'email',
              idColumnType: 'HUBSPOT_ALTERNATE_ID',
              ignored: false,
            },
            {
              columnObjectType: 'CONTACT',
              columnName: 'Company ID',
              propertyName: null,
              idColumnType: 'HUBSPOT_OBJECT_ID',
              foreignKeyType: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
              ignored: false,
            },
          ],
        },
      ],
      {},
      { world: w },
    )
    expect(brief(result.errors)).toEqual([[3, 'UNKNOWN_ASSOCIATION_RECORD_ID', 1]])
    expect(byEmail(store, 'a@example.com')?.associations).toEqual([
      {
        toObjectTypeId: '0-2',
        toObjectId: acme.id,
        associationTypeId: 1,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(result.counters.ASSOCIATIONS_CREATED).toBe(1)
  })
})
