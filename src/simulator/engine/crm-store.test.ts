// The simulator's CRM store: records, unique keys, associations, paging, copies
import { describe, expect, it } from 'vitest'
import { CrmStore, FIRST_RECORD_ID } from './crm-store.ts'
import { UniqueValueConflictError, uniqueKey } from './record-keys.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'

const t0 = new Date('2026-01-01T00:00:00.000Z')
const t1 = new Date('2026-01-02T00:00:00.000Z')

function storeWithCatalogue() {
  return new CrmStore({ catalogue: new PropertyCatalogue() })
}

describe('CrmStore', () => {
  it.each([
    ['get', (store: CrmStore, id: string) => store.get('0-1', id)!],
    ['findByUnique', (store: CrmStore) => store.findByUnique('0-1', 'email', 'a@example.com')!],
    ['update', (store: CrmStore, id: string) => store.update('0-1', id, { firstname: 'Ann' }, t1)],
    ['list', (store: CrmStore) => store.list('0-1', { limit: 10 }).results[0]!],
  ] as const)('%s hands out a copy: changing it leaves the stored record alone', (_case, read) => {
    const store = new CrmStore()
    const created = store.create('0-1', { email: 'a@example.com' }, t0)
    store.create('0-2', { name: 'Acme' }, t0)
    store.associate(
      { objectTypeId: '0-1', id: created.id },
      { objectTypeId: '0-2', id: String(FIRST_RECORD_ID + 1) },
    )
    const before = store.get('0-1', created.id)
    const copy = read(store, created.id)
    copy.properties.email = 'changed@example.com'
    copy.associations[0]!.toObjectId = '0'
    copy.associations.push({ ...copy.associations[0]! })
    // the record create() returned is a copy too
    created.properties.email = 'changed@example.com'
    const after = store.get('0-1', created.id)!
    expect(after.properties.email).toBe('a@example.com')
    expect(after.associations).toEqual(before!.associations)
    expect(store.findByUnique('0-1', 'email', 'changed@example.com')).toBeUndefined()
  })

  it('creates records with high numeric ids and HubSpot system properties', () => {
    const store = new CrmStore()
    const a = store.create('0-1', { email: 'a@example.com', firstname: '' }, t0)
    const b = store.create('0-2', { name: 'Acme' }, t0)
    expect(a.id).toBe(String(FIRST_RECORD_ID))
    expect(b.id).toBe(String(FIRST_RECORD_ID + 1))
    expect(a).toEqual({
      id: a.id,
      objectTypeId: '0-1',
      properties: {
        email: 'a@example.com',
        hs_object_id: a.id,
        createdate: t0.toISOString(),
        lastmodifieddate: t0.toISOString(),
      },
      createdAt: t0.toISOString(),
      updatedAt: t0.toISOString(),
      associations: [],
    })
    expect(b.properties.hs_lastmodifieddate).toBe(t0.toISOString())
  })

  it.each([
    ['0-1', 'email', 'Jane.Doe@Example.COM', ' jane.doe@example.com '],
    ['0-2', 'domain', 'acme.com', 'https://www.ACME.com/about'],
    ['0-1', 'customer_number', 'C-100', 'C-100'],
    ['0-1', 'hs_object_id', String(FIRST_RECORD_ID), ` ${FIRST_RECORD_ID}`],
  ])('%s: finds by unique %s (%s as %s)', (objectTypeId, name, stored, lookup) => {
    const store = storeWithCatalogue()
    const created = store.create(
      objectTypeId,
      name === 'hs_object_id' ? { name: 'x' } : { [name]: stored },
      t0,
    )
    expect(store.findByUnique(objectTypeId, name, lookup)?.id).toBe(created.id)
  })

  it.each([
    ['0-1', 'email', 'a@example.com', 'A@EXAMPLE.com'],
    ['0-2', 'domain', 'acme.com', 'www.acme.com'],
    ['0-1', 'customer_number', 'C-1', 'C-1'],
  ])('%s: refuses a second record with the same %s', (objectTypeId, name, first, second) => {
    const store = storeWithCatalogue()
    store.create(objectTypeId, { [name]: first }, t0)
    expect(() => store.create(objectTypeId, { [name]: second }, t0)).toThrow(
      UniqueValueConflictError,
    )
  })

  it('does not treat a non-unique property as unique, and a differently cased customer number as the same', () => {
    const store = storeWithCatalogue()
    store.create('0-1', { email: 'a@example.com', firstname: 'Ann', customer_number: 'c-1' }, t0)
    expect(() =>
      store.create('0-1', { email: 'b@example.com', firstname: 'Ann', customer_number: 'C-1' }, t0),
    ).not.toThrow()
    expect(store.isUniqueProperty('0-1', 'firstname')).toBe(false)
    expect(store.isUniqueProperty('0-1', 'customer_number')).toBe(true)
    expect(store.isUniqueProperty('0-2', 'domain')).toBe(true)
  })

  it('updates: blanks never clear, timestamps move, ids and createdate stay, unique index follows', () => {
    const store = new CrmStore()
    const a = store.create('0-1', { email: 'a@example.com', firstname: 'Ann', city: 'Oslo' }, t0)
    const updated = store.update(
      '0-1',
      a.id,
      {
        email: 'ann@example.com',
        firstname: '',
        city: '  ',
        jobtitle: 'CTO',
        hs_object_id: '5',
        createdate: 'x',
      },
      t1,
    )
    expect(updated.properties).toEqual({
      email: 'ann@example.com',
      firstname: 'Ann',
      city: 'Oslo',
      jobtitle: 'CTO',
      hs_object_id: a.id,
      createdate: t0.toISOString(),
      lastmodifieddate: t1.toISOString(),
    })
    expect(updated.createdAt).toBe(t0.toISOString())
    expect(updated.updatedAt).toBe(t1.toISOString())
    expect(store.findByUnique('0-1', 'email', 'a@example.com')).toBeUndefined()
    expect(store.findByUnique('0-1', 'email', 'ANN@example.com')?.id).toBe(a.id)
    // updating a record with its own unique value is not a conflict
    expect(() => store.update('0-1', a.id, { email: 'Ann@Example.com' }, t1)).not.toThrow()
  })

  it('returns copies', () => {
    const store = new CrmStore()
    const a = store.create('0-1', { email: 'a@example.com' }, t0)
    a.properties.email = 'changed'
    ;(store.get('0-1', a.id) as { properties: Record<string, string> }).properties.email = 'changed'
    expect(store.get('0-1', a.id)?.properties.email).toBe('a@example.com')
  })

  it('associates both ways with default type ids, once', () => {
    const store = new CrmStore()
    const contact = store.create('0-1', { email: 'a@example.com' }, t0)
    const company = store.create('0-2', { domain: 'acme.com' }, t0)
    const deal = store.create('0-3', { dealname: 'Big' }, t0)
    expect(
      store.associate(
        { objectTypeId: '0-1', id: contact.id },
        { objectTypeId: '0-2', id: company.id },
      ),
    ).toBe(true)
    expect(
      store.associate(
        { objectTypeId: '0-2', id: company.id },
        { objectTypeId: '0-1', id: contact.id },
      ),
    ).toBe(false)
    expect(
      store.associate(
        { objectTypeId: '0-3', id: deal.id },
        { objectTypeId: '0-1', id: contact.id },
      ),
    ).toBe(true)
    expect(store.get('0-1', contact.id)?.associations).toEqual([
      {
        toObjectTypeId: '0-2',
        toObjectId: company.id,
        associationTypeId: 279,
        associationCategory: 'HUBSPOT_DEFINED',
      },
      {
        toObjectTypeId: '0-3',
        toObjectId: deal.id,
        associationTypeId: 4,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(store.get('0-2', company.id)?.associations).toEqual([
      {
        toObjectTypeId: '0-1',
        toObjectId: contact.id,
        associationTypeId: 280,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(store.get('0-3', deal.id)?.associations).toEqual([
      {
        toObjectTypeId: '0-1',
        toObjectId: contact.id,
        associationTypeId: 3,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
  })

  it.each<[{ limit: number; afterIndex?: number }, number[], number | undefined]>([
    [{ limit: 2 }, [0, 1], 1],
    [{ limit: 2, afterIndex: 1 }, [2, 3], 3],
    [{ limit: 2, afterIndex: 3 }, [4], undefined],
    [{ limit: 10 }, [0, 1, 2, 3, 4], undefined],
    [{ limit: 5 }, [0, 1, 2, 3, 4], undefined],
    [{ limit: 2, afterIndex: 4 }, [], undefined],
  ])('pages forward by id: %j', (page, expectedIndexes, nextIndex) => {
    const store = new CrmStore()
    // another object type's records interleave the ids, which paging must not mind
    const ids = [0, 1, 2, 3, 4].map((i) => {
      store.create('0-2', { name: `other ${i}` }, t0)
      return store.create('0-1', { email: `c${i}@example.com` }, t0).id
    })
    const after = page.afterIndex === undefined ? undefined : ids[page.afterIndex]
    const result = store.list('0-1', { limit: page.limit, ...(after ? { after } : {}) })
    expect(result.results.map((r) => r.id)).toEqual(expectedIndexes.map((i) => ids[i]))
    expect(result.nextAfter).toBe(nextIndex === undefined ? undefined : ids[nextIndex])
  })

  it('walks every record exactly once through nextAfter', () => {
    const store = new CrmStore()
    const ids = Array.from(
      { length: 23 },
      (_, i) => store.create('0-5', { subject: `t${i}` }, t0).id,
    )
    const seen: string[] = []
    let after: string | undefined
    do {
      const page = store.list('0-5', { limit: 5, ...(after ? { after } : {}) })
      seen.push(...page.results.map((r) => r.id))
      after = page.nextAfter
    } while (after)
    expect(seen).toEqual(ids)
  })

  it('lists and reset', () => {
    const store = new CrmStore()
    const a = store.create('0-1', { email: 'a@example.com' }, t0)
    const listId = store.createList('contacts', [a.id])
    expect(listId).toMatch(/^\d+$/)
    expect(store.getList(listId)).toEqual({ objectType: 'contacts', ids: [a.id] })
    store.reset()
    expect(store.get('0-1', a.id)).toBeUndefined()
    expect(store.findByUnique('0-1', 'email', 'a@example.com')).toBeUndefined()
    expect(store.list('0-1', { limit: 10 })).toEqual({ results: [] })
    expect(store.create('0-1', { email: 'a@example.com' }, t0).id).toBe(String(FIRST_RECORD_ID))
  })
})

describe('uniqueKey', () => {
  it.each([
    ['email', ' A@B.Com ', 'a@b.com'],
    ['domain', 'HTTP://www.Example.com:8080/path?q', 'example.com'],
    ['domain', 'sub.example.co.uk.', 'sub.example.co.uk'],
    ['customer_number', ' AbC ', 'AbC'],
  ])('%s %j → %j', (name, value, key) => {
    expect(uniqueKey(name, value)).toBe(key)
  })
})
