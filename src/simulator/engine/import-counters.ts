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

function recordKey(objectTypeId: string, id: string): string {
  return `${objectTypeId}:${id}`
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
  private readonly written = new Set<string>()
  private readonly createdHere = new Set<string>()
  /** contacts written, for `createContactListFromImport` */
  readonly contactIds = new Set<string>()

  get totalRows(): number {
    return this.counts.TOTAL_ROWS
  }

  countRow(): void {
    this.counts.TOTAL_ROWS += 1
  }

  countCreated(objectTypeId: string, id: string, values: number): void {
    this.counts.CREATED_OBJECTS += 1
    this.counts.PROPERTY_VALUES_EMITTED += values
    this.createdHere.add(recordKey(objectTypeId, id))
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
    return this.createdHere.has(recordKey(objectTypeId, id))
  }

  snapshot(errors: number): Record<string, number> {
    const { ASSOCIATIONS_CREATED, ...always } = this.counts
    const counters: Record<string, number> = { ...always, ERRORS: errors }
    if (ASSOCIATIONS_CREATED > 0) counters.ASSOCIATIONS_CREATED = ASSOCIATIONS_CREATED
    return counters
  }

  private markWritten(objectTypeId: string, id: string): void {
    const key = recordKey(objectTypeId, id)
    if (!this.written.has(key)) {
      this.written.add(key)
      this.counts.UNIQUE_OBJECTS_WRITTEN += 1
    }
    if (objectTypeId === '0-1') this.contactIds.add(id)
  }
}
