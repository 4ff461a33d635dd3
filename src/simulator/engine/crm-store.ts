/**
 * The simulator's CRM records: an in-memory store per object type with HubSpot's system
 * properties, unique-value indexes, associations in both directions and static lists.
 */
import { defaultAssociationTypeId, type ObjectTypeId } from '#shared/hubspot/object-types.ts'
import { lastModifiedProperty } from './properties-catalogue.ts'
import { isBuiltInUnique, UniqueValueConflictError, uniqueKey } from './record-keys.ts'
import type {
  AssociationType,
  CrmAssociation,
  CrmObject,
  PropertyCatalogueLike,
  WritableCrmStore,
} from './types.ts'

/** HubSpot's record ids are large numbers sent as strings; starting high keeps them looking real. */
export const FIRST_RECORD_ID = 1_000_000_001
const FIRST_LIST_ID = 101

interface ObjectTable {
  /** ids in creation order, which is also numeric order: paging walks this */
  ids: string[]
  records: Map<string, CrmObject>
  /** propertyName → unique key → id, built on first lookup and kept up to date on writes */
  indexes: Map<string, Map<string, string>>
}

export interface CrmStoreOptions {
  /** decides which custom properties are unique (`hasUniqueValue`) */
  catalogue?: PropertyCatalogueLike
}

export class CrmStore implements WritableCrmStore {
  private tables = new Map<string, ObjectTable>()
  private nextId = FIRST_RECORD_ID
  private nextListId = FIRST_LIST_ID
  private lists = new Map<string, { objectType: string; ids: string[] }>()
  private readonly catalogue: PropertyCatalogueLike | undefined

  constructor(options: CrmStoreOptions = {}) {
    this.catalogue = options.catalogue
  }

  get(objectTypeId: string, id: string): CrmObject | undefined {
    const found = this.tables.get(objectTypeId)?.records.get(id)
    return found ? copyRecord(found) : undefined
  }

  /** Forward paging in id order; `after` is the last id of the previous page. */
  list(
    objectTypeId: string,
    page: { after?: string; limit: number },
  ): { results: CrmObject[]; nextAfter?: string } {
    const table = this.tables.get(objectTypeId)
    if (!table) return { results: [] }
    const limit = Math.max(1, Math.floor(page.limit))
    const start = page.after === undefined ? 0 : firstIndexAfter(table.ids, page.after)
    const ids = table.ids.slice(start, start + limit)
    const results = ids.map((id) => copyRecord(table.records.get(id) as CrmObject))
    const last = ids.at(-1)
    return start + limit < table.ids.length && last !== undefined
      ? { results, nextAfter: last }
      : { results }
  }

  findByUnique(objectTypeId: string, propertyName: string, value: string): CrmObject | undefined {
    if (propertyName === 'hs_object_id') return this.get(objectTypeId, value.trim())
    const table = this.tables.get(objectTypeId)
    if (!table) return undefined
    const id = this.index(table, propertyName).get(uniqueKey(propertyName, value))
    return id === undefined ? undefined : this.get(objectTypeId, id)
  }

  isUniqueProperty(objectTypeId: string, propertyName: string): boolean {
    if (isBuiltInUnique(objectTypeId, propertyName)) return true
    return this.catalogue?.get(objectTypeId, propertyName)?.hasUniqueValue === true
  }

  /** Creates a record with HubSpot's system properties; blank values are not stored. */
  create(
    objectTypeId: string,
    properties: Record<string, string>,
    now: Date = new Date(),
  ): CrmObject {
    const table = this.table(objectTypeId)
    const values = nonBlank(properties)
    const id = String(this.nextId)
    this.assertUnique(objectTypeId, table, values, undefined)
    this.nextId += 1
    const timestamp = now.toISOString()
    // nonBlank made a fresh object: the system properties go straight into it
    values.hs_object_id = id
    values.createdate = timestamp
    values[lastModifiedProperty(objectTypeId)] = timestamp
    const record: CrmObject = {
      id,
      objectTypeId,
      properties: values,
      createdAt: timestamp,
      updatedAt: timestamp,
      associations: [],
    }
    table.ids.push(id)
    table.records.set(id, record)
    this.indexRecord(table, record)
    return copyRecord(record)
  }

  /**
   * Sets the given values; a blank value never clears a stored one (imports skip blank cells).
   * System properties (id, create date) cannot be overwritten.
   */
  update(
    objectTypeId: string,
    id: string,
    properties: Record<string, string>,
    now: Date = new Date(),
  ): CrmObject {
    const table = this.table(objectTypeId)
    const record = table.records.get(id)
    if (!record) throw new Error(`no ${objectTypeId} record ${id}`)
    const values = nonBlank(properties)
    delete values.hs_object_id
    delete values.createdate
    this.assertUnique(objectTypeId, table, values, id)
    this.unindexRecord(table, record)
    const timestamp = now.toISOString()
    Object.assign(record.properties, values, { [lastModifiedProperty(objectTypeId)]: timestamp })
    record.updatedAt = timestamp
    this.indexRecord(table, record)
    return copyRecord(record)
  }

  /**
   * Associates two records both ways, with HubSpot's default unlabeled type unless one is given
   * (the reverse direction then uses the default too). Returns false when it already existed.
   */
  associate(
    from: { objectTypeId: string; id: string },
    to: { objectTypeId: string; id: string },
    association?: AssociationType,
  ): boolean {
    const a = this.tables.get(from.objectTypeId)?.records.get(from.id)
    const b = this.tables.get(to.objectTypeId)?.records.get(to.id)
    if (!a || !b) throw new Error(`cannot associate missing records ${from.id} and ${to.id}`)
    const forwardType =
      association?.associationTypeId ??
      defaultAssociationTypeId(from.objectTypeId as ObjectTypeId, to.objectTypeId as ObjectTypeId)
    const reverseType = defaultAssociationTypeId(
      to.objectTypeId as ObjectTypeId,
      from.objectTypeId as ObjectTypeId,
    )
    if (forwardType === undefined || reverseType === undefined) {
      throw new Error(`no default association between ${from.objectTypeId} and ${to.objectTypeId}`)
    }
    const category = association?.associationCategory ?? 'HUBSPOT_DEFINED'
    const added = addAssociation(a, {
      toObjectTypeId: to.objectTypeId,
      toObjectId: to.id,
      associationTypeId: forwardType,
      associationCategory: category,
    })
    const addedBack = addAssociation(b, {
      toObjectTypeId: from.objectTypeId,
      toObjectId: from.id,
      associationTypeId: reverseType,
      associationCategory: 'HUBSPOT_DEFINED',
    })
    return added || addedBack
  }

  /** A static list of records, as `createContactListFromImport` makes; returns the list id. */
  createList(objectType: string, ids: readonly string[]): string {
    const listId = String(this.nextListId)
    this.nextListId += 1
    this.lists.set(listId, { objectType, ids: [...ids] })
    return listId
  }

  getList(listId: string): { objectType: string; ids: string[] } | undefined {
    const list = this.lists.get(listId)
    return list ? structuredClone(list) : undefined
  }

  count(objectTypeId: string): number {
    return this.tables.get(objectTypeId)?.ids.length ?? 0
  }

  reset(): void {
    this.tables.clear()
    this.lists.clear()
    this.nextId = FIRST_RECORD_ID
    this.nextListId = FIRST_LIST_ID
  }

  private table(objectTypeId: string): ObjectTable {
    let table = this.tables.get(objectTypeId)
    if (!table) {
      table = { ids: [], records: new Map(), indexes: new Map() }
      this.tables.set(objectTypeId, table)
    }
    return table
  }

  private index(table: ObjectTable, propertyName: string): Map<string, string> {
    let index = table.indexes.get(propertyName)
    if (!index) {
      // built lazily so a unique property added to the catalogue later still indexes old records
      index = new Map()
      for (const record of table.records.values()) {
        const value = record.properties[propertyName]
        if (value !== undefined && value.trim() !== '')
          index.set(uniqueKey(propertyName, value), record.id)
      }
      table.indexes.set(propertyName, index)
    }
    return index
  }

  private assertUnique(
    objectTypeId: string,
    table: ObjectTable,
    values: Record<string, string>,
    selfId: string | undefined,
  ): void {
    for (const name in values) {
      if (name === 'hs_object_id' || !this.isUniqueProperty(objectTypeId, name)) continue
      const owner = this.index(table, name).get(uniqueKey(name, values[name]!))
      if (owner !== undefined && owner !== selfId)
        throw new UniqueValueConflictError(objectTypeId, name, owner)
    }
  }

  private indexRecord(table: ObjectTable, record: CrmObject): void {
    for (const [name, index] of table.indexes) {
      const value = record.properties[name]
      if (value !== undefined && value.trim() !== '') index.set(uniqueKey(name, value), record.id)
    }
  }

  private unindexRecord(table: ObjectTable, record: CrmObject): void {
    for (const [name, index] of table.indexes) {
      const value = record.properties[name]
      if (value === undefined) continue
      const key = uniqueKey(name, value)
      if (index.get(key) === record.id) index.delete(key)
    }
  }
}

function nonBlank(properties: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name in properties) {
    const value = properties[name]!
    if (value.trim() !== '') out[name] = value
  }
  return out
}

/**
 * A caller's own copy of a record, so nothing outside the store changes it. Records are plain
 * strings, one level of properties and flat associations: a hand copy is several times cheaper
 * than structuredClone, which serialises and deserialises every record it copies.
 */
function copyRecord(record: CrmObject): CrmObject {
  return {
    ...record,
    properties: { ...record.properties },
    associations: record.associations.map((association) => ({ ...association })),
  }
}

function addAssociation(record: CrmObject, association: CrmAssociation): boolean {
  const exists = record.associations.some(
    (a) =>
      a.toObjectTypeId === association.toObjectTypeId &&
      a.toObjectId === association.toObjectId &&
      a.associationTypeId === association.associationTypeId,
  )
  if (!exists) record.associations.push(association)
  return !exists
}

/** Index of the first id numerically greater than `after` (ids are ascending). */
function firstIndexAfter(ids: readonly string[], after: string): number {
  const target = Number(after)
  if (!Number.isFinite(target)) return ids.length
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (Number(ids[mid]) <= target) lo = mid + 1
    else hi = mid
  }
  return lo
}
