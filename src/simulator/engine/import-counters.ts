/**
 * An import's counters and the records it wrote.
 *
 * Choices where HubSpot is SILENT:
 * - TOTAL_ROWS counts data rows; CREATED_OBJECTS and UPDATED_OBJECTS count object writes (a
 *   matched record with nothing to write is not an update); UNIQUE_OBJECTS_WRITTEN counts
 *   distinct records written; PROPERTY_VALUES_EMITTED counts values written (on create the
 *   identifier's value too); ERRORS = errors.length; ASSOCIATIONS_CREATED counts new
 *   associations, one per pair of records, and appears only when non-zero.
 */

const NONE: ReadonlySet<string> = new Set()

/** The id set of one object type, made on first use. */
function idsOf(sets: Map<string, Set<string>>, objectTypeId: string): Set<string> {
  let ids = sets.get(objectTypeId)
  if (!ids) {
    ids = new Set()
    sets.set(objectTypeId, ids)
  }
  return ids
}

export class ImportCounters {
  // in the order HubSpot lists them; ERRORS is filled in from the error list by snapshot()
  private readonly counts = {
    TOTAL_ROWS: 0,
    CREATED_OBJECTS: 0,
    UPDATED_OBJECTS: 0,
    UNIQUE_OBJECTS_WRITTEN: 0,
    PROPERTY_VALUES_EMITTED: 0,
    ERRORS: 0,
    ASSOCIATIONS_CREATED: 0,
  }
  // per object type, so no "type:id" key is built for every write
  private readonly written = new Map<string, Set<string>>()
  private readonly createdHere = new Map<string, Set<string>>()

  /** contacts written, for `createContactListFromImport` */
  get contactIds(): ReadonlySet<string> {
    return this.written.get('0-1') ?? NONE
  }

  get totalRows(): number {
    return this.counts.TOTAL_ROWS
  }

  countRow(): void {
    this.counts.TOTAL_ROWS += 1
  }

  countCreated(objectTypeId: string, id: string, values: number): void {
    this.counts.CREATED_OBJECTS += 1
    this.counts.PROPERTY_VALUES_EMITTED += values
    idsOf(this.createdHere, objectTypeId).add(id)
    this.markWritten(objectTypeId, id)
  }

  countUpdated(objectTypeId: string, id: string, values: number): void {
    this.counts.UPDATED_OBJECTS += 1
    this.counts.PROPERTY_VALUES_EMITTED += values
    this.markWritten(objectTypeId, id)
  }

  countAssociation(): void {
    this.counts.ASSOCIATIONS_CREATED += 1
  }

  createdByThisImport(objectTypeId: string, id: string): boolean {
    return this.createdHere.get(objectTypeId)?.has(id) === true
  }

  snapshot(errors: number): Record<string, number> {
    const { ASSOCIATIONS_CREATED, ...always } = this.counts
    const counters: Record<string, number> = { ...always, ERRORS: errors }
    if (ASSOCIATIONS_CREATED > 0) counters.ASSOCIATIONS_CREATED = ASSOCIATIONS_CREATED
    return counters
  }

  private markWritten(objectTypeId: string, id: string): void {
    const ids = idsOf(this.written, objectTypeId)
    const before = ids.size
    ids.add(id)
    if (ids.size > before) this.counts.UNIQUE_OBJECTS_WRITTEN += 1
  }
}
