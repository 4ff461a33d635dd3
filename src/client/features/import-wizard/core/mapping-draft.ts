// The mapping as the wizard edits it: one entry per file column, plus the catalogues and operations it is read against
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'

/** Property catalogues per object, as fetched from the properties API. */
export type PropertyCatalogs = Partial<Record<ObjectTypeId, Property[]>>

export type ImportOperations = Partial<Record<ObjectTypeId, ImportOperation>>

/** One file column in the mapping form. `propertyName: null` means the column is not imported. */
export interface ColumnMappingDraft {
  columnIndex: number
  columnName: string
  objectTypeId: ObjectTypeId | null
  propertyName: string | null
}

export type MappingDraft = ColumnMappingDraft[]
