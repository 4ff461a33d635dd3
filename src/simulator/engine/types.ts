/**
 * The contract between the simulator's HTTP layer (src/simulator/*.ts) and its processing engine
 * (src/simulator/engine/*). The HTTP layer owns uploads, auth, rate limits, the import registry and
 * the scheduler; the engine owns the property catalogues, the CRM object store and row processing.
 */
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import type { PublicImportError } from '#shared/hubspot/public-import-error.ts'
import type { Property } from '#shared/hubspot/property.ts'

/** An uploaded file, already written to disk by the HTTP layer (HubSpot keeps it in its File Manager too). */
export interface StoredImportFile {
  fileName: string
  /** absolute path of the bytes exactly as uploaded */
  path: string
  fileId: number
  /** data rows counted at upload (records after the header when hasHeader) */
  rowCount: number
  /** what the bytes are, checked at upload; CSV when left out */
  fileFormat?: 'CSV' | 'SPREADSHEET'
}

export interface ImportJob {
  importId: string
  request: ImportRequest
  files: StoredImportFile[]
}

/** An association between two stored objects. */
export interface CrmAssociation {
  toObjectTypeId: string
  toObjectId: string
  associationTypeId: number
  associationCategory: 'HUBSPOT_DEFINED' | 'USER_DEFINED'
}

/** A record as the objects API returns it; property values are strings as HubSpot stores them. */
export interface CrmObject {
  id: string
  objectTypeId: string
  properties: Record<string, string>
  createdAt: string
  updatedAt: string
  associations: CrmAssociation[]
}

export interface ProcessDeps {
  catalogue: PropertyCatalogueLike
  store: CrmStoreLike
  /** aborted when the import is cancelled: stop at the next row, keep what was written */
  signal: AbortSignal
  /** throttle to watch progress in a UI; 0 or Infinity means as fast as possible */
  rowsPerSecond: number
  /** called now and then with the counters so far (HubSpot is SILENT on live counters; we show them) */
  onProgress?: (counters: Record<string, number>) => void
  now?: () => Date
}

export interface ProcessResult {
  outcome: 'DONE' | 'FAILED'
  /** why a FAILED import failed, for logs and the file-level error */
  failureReason?: string
  counters: Record<string, number>
  /** every problem, in HubSpot's shape, with errorMessage and rowData filled (the HTTP layer strips them per query flags) */
  errors: PublicImportError[]
  objectLists: { listId: string; objectType: string }[]
}

export interface PropertyCatalogueLike {
  list(objectTypeId: string, options?: { archived?: boolean }): Property[]
  get(objectTypeId: string, propertyName: string): Property | undefined
  add(objectTypeId: string, property: Property): void
  reset(): void
}

export interface CrmStoreLike {
  get(objectTypeId: string, id: string): CrmObject | undefined
  list(
    objectTypeId: string,
    page: { after?: string; limit: number },
  ): { results: CrmObject[]; nextAfter?: string }
  /** finds a record by a unique property (email, domain, hs_object_id or a hasUniqueValue property) */
  findByUnique(objectTypeId: string, propertyName: string, value: string): CrmObject | undefined
  reset(): void
}

/** An association's type, when a write names one rather than taking HubSpot's default. */
export type AssociationType = Pick<CrmAssociation, 'associationTypeId' | 'associationCategory'>

/** The writes the import engine needs besides the read-only `CrmStoreLike` contract. */
export interface WritableCrmStore extends CrmStoreLike {
  create(objectTypeId: string, properties: Record<string, string>, now?: Date): CrmObject
  update(
    objectTypeId: string,
    id: string,
    properties: Record<string, string>,
    now?: Date,
  ): CrmObject
  associate(
    from: { objectTypeId: string; id: string },
    to: { objectTypeId: string; id: string },
    association?: AssociationType,
  ): boolean
  isUniqueProperty(objectTypeId: string, propertyName: string): boolean
  createList(objectType: string, ids: readonly string[]): string
}

export function isWritableCrmStore(store: CrmStoreLike): store is WritableCrmStore {
  const s = store as Partial<WritableCrmStore>
  return (
    typeof s.create === 'function' &&
    typeof s.update === 'function' &&
    typeof s.associate === 'function'
  )
}
