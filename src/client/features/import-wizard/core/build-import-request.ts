// Builds HubSpot's importRequest from the wizard's mapping and options
import {
  importRequestSchema,
  type ColumnMapping,
  type DateFormat,
  type ImportRequest,
} from '#shared/hubspot/import-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { ImportOperations, MappingDraft, PropertyCatalogs } from './mapping-draft.ts'
import { columnTypeFor } from './mapping-rules.ts'

export interface BuildImportRequestInput {
  /** shown in HubSpot's import list; falls back to the file name */
  name: string
  /** the name of the file part that is uploaded (HubSpot wants the two to be equal) */
  fileName: string
  /** SPREADSHEET when an .xlsx workbook is uploaded as it is; CSV otherwise */
  fileFormat?: 'CSV' | 'SPREADSHEET'
  /**
   * The mapping in the uploaded file's column order. `columnName` must be the header as written
   * in the uploaded file (the clean CSV's header when one is generated).
   */
  mapping: MappingDraft
  operations: ImportOperations
  catalogs: PropertyCatalogs
  dateFormat?: DateFormat
  marketableContactImport?: boolean
  createContactListFromImport?: boolean
  /** a column of association labels between the two objects of a two-object file */
  associationLabelColumn?: {
    columnIndex: number
    fromObjectTypeId: ObjectTypeId
    toObjectTypeId: ObjectTypeId
  }
}

/**
 * Builds the `importRequest` JSON. One entry per uploaded column in header order: HubSpot wants
 * every column mapped ("Incorrect number of columns" otherwise, says the imports guide), and
 * the current `columnMappings` style has no `ignored` flag, so unmapped columns must not be in
 * the uploaded file: the wizard then uploads a clean CSV without them (see `hasChanges`), and
 * this function throws if it is handed one. A two-object file needs nothing more than columns
 * of both objects: HubSpot associates the records of each row (the guide's "one file, two
 * objects"). The result is parsed with `importRequestSchema`, as it crosses the wire.
 */
export function buildImportRequest(input: BuildImportRequestInput): ImportRequest {
  const columnMappings: ColumnMapping[] = input.mapping.map((column) => {
    const label = input.associationLabelColumn
    if (label && label.columnIndex === column.columnIndex) {
      return {
        columnObjectTypeId: label.fromObjectTypeId,
        toColumnObjectTypeId: label.toObjectTypeId,
        columnName: column.columnName,
        columnType: 'FLEXIBLE_ASSOCIATION_LABEL',
      }
    }
    const { objectTypeId, propertyName } = column
    if (!objectTypeId || !propertyName) {
      throw new Error(
        `Column "${column.columnName}" is not mapped; leave it out of the uploaded file before building the request.`,
      )
    }
    const property = input.catalogs[objectTypeId]?.find((p) => p.name === propertyName) ?? {
      name: propertyName,
    }
    return {
      columnObjectTypeId: objectTypeId,
      columnName: column.columnName,
      propertyName,
      columnType: columnTypeFor(objectTypeId, property),
    }
  })

  const usedObjects = new Set(columnMappings.map((m) => m.columnObjectTypeId))
  const importOperations = Object.fromEntries(
    Object.entries(input.operations).filter(([objectTypeId]) => usedObjects.has(objectTypeId)),
  )
  const hasContacts = usedObjects.has('0-1')
  const name = (input.name.trim() || input.fileName).slice(0, 255)

  return importRequestSchema.parse({
    name,
    importOperations,
    ...(input.dateFormat ? { dateFormat: input.dateFormat } : {}),
    ...(hasContacts && input.marketableContactImport !== undefined
      ? { marketableContactImport: input.marketableContactImport }
      : {}),
    ...(hasContacts && input.createContactListFromImport !== undefined
      ? { createContactListFromImport: input.createContactListFromImport }
      : {}),
    files: [
      {
        fileName: input.fileName,
        fileFormat: input.fileFormat ?? 'CSV',
        fileImportPage: { hasHeader: true, columnMappings },
      },
    ],
  })
}
