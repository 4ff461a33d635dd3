// HubSpot's importRequest (both mapping styles), as zod schemas and types
import * as z from 'zod'
import { findObjectType } from './object-types.ts'

export const IMPORT_OPERATIONS = ['CREATE', 'UPDATE', 'UPSERT'] as const
export type ImportOperation = (typeof IMPORT_OPERATIONS)[number]

export const DATE_FORMATS = ['MONTH_DAY_YEAR', 'DAY_MONTH_YEAR', 'YEAR_MONTH_DAY'] as const
export type DateFormat = (typeof DATE_FORMATS)[number]

export const FILE_FORMATS = ['CSV', 'SPREADSHEET'] as const

/** Documented `columnType`s; the guide's examples use these and HubSpot publishes no complete list. */
export const COLUMN_TYPES = [
  'STANDARD',
  'HUBSPOT_OBJECT_ID',
  'HUBSPOT_ALTERNATE_ID',
  'FLEXIBLE_ASSOCIATION_LABEL',
  'ASSOCIATION_KEYS',
  'EVENT_TIMESTAMP',
] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

export const foreignKeyTypeSchema = z.strictObject({
  associationTypeId: z.number().int(),
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
})

/** One column mapping as we send it (current style). */
export const columnMappingSchema = z.strictObject({
  columnObjectTypeId: z.string().min(1),
  columnName: z.string(),
  propertyName: z.string().min(1).nullable().optional(),
  columnType: z.enum(COLUMN_TYPES).optional(),
  toColumnObjectTypeId: z.string().min(1).optional(),
  foreignKeyType: foreignKeyTypeSchema.nullable().optional(),
  associationIdentifierColumn: z.boolean().optional(),
})
export type ColumnMapping = z.infer<typeof columnMappingSchema>

/** The legacy spelling still printed in HubSpot's guide and Node README. */
export const legacyColumnMappingSchema = z.strictObject({
  columnObjectType: z.string().min(1),
  columnName: z.string(),
  propertyName: z.string().min(1).nullable().optional(),
  idColumnType: z.enum(COLUMN_TYPES).nullable().optional(),
  ignored: z.boolean().optional(),
  foreignKeyType: foreignKeyTypeSchema.nullable().optional(),
  associationIdentifierColumn: z.boolean().optional(),
  toColumnObjectType: z.string().optional(),
})
export type LegacyColumnMapping = z.infer<typeof legacyColumnMappingSchema>

export const fileImportPageSchema = z.strictObject({
  hasHeader: z.boolean(),
  columnMappings: z.array(z.union([columnMappingSchema, legacyColumnMappingSchema])).min(1),
})

export const importFileSchema = z.strictObject({
  fileName: z.string().min(1),
  fileFormat: z.enum(FILE_FORMATS).optional(),
  fileImportPage: fileImportPageSchema,
})

/**
 * The `importRequest` JSON part of `POST /crm/v3/imports`. HubSpot publishes no schema for it;
 * this follows the imports guide. What we send is strict: an unknown key is our bug, not HubSpot's.
 */
export const importRequestSchema = z.strictObject({
  name: z.string().min(1).max(255),
  importOperations: z
    .record(
      z.string().regex(/^\d+-\d+$/, { error: 'an objectTypeId such as 0-1' }),
      z.enum(IMPORT_OPERATIONS),
    )
    .optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  marketableContactImport: z.boolean().optional(),
  createContactListFromImport: z.boolean().optional(),
  timeZone: z.string().optional(),
  files: z.array(importFileSchema).min(1),
})
export type ImportRequest = z.infer<typeof importRequestSchema>
export type ImportFile = z.infer<typeof importFileSchema>

/** A column mapping in one spelling, with the legacy names resolved; `ignored` columns are skipped. */
export interface NormalizedColumnMapping {
  columnName: string
  columnObjectTypeId: string
  propertyName: string | null
  columnType: ColumnType
  toColumnObjectTypeId?: string
  foreignKeyType?: z.infer<typeof foreignKeyTypeSchema>
  associationIdentifierColumn: boolean
  ignored: boolean
}

/** Reads either mapping spelling into one shape (legacy `columnObjectType: "CONTACT"` → `0-1`). */
export function normalizeColumnMapping(
  mapping: ColumnMapping | LegacyColumnMapping,
): NormalizedColumnMapping {
  if ('columnObjectType' in mapping) {
    const objectType = findObjectType(mapping.columnObjectType)
    const to = mapping.toColumnObjectType ? findObjectType(mapping.toColumnObjectType) : undefined
    return {
      columnName: mapping.columnName,
      columnObjectTypeId: objectType?.objectTypeId ?? mapping.columnObjectType,
      propertyName: mapping.propertyName ?? null,
      columnType: mapping.idColumnType ?? 'STANDARD',
      ...(to || mapping.toColumnObjectType
        ? { toColumnObjectTypeId: to?.objectTypeId ?? mapping.toColumnObjectType }
        : {}),
      ...(mapping.foreignKeyType ? { foreignKeyType: mapping.foreignKeyType } : {}),
      associationIdentifierColumn: mapping.associationIdentifierColumn ?? false,
      ignored: mapping.ignored ?? false,
    }
  }
  const objectType = findObjectType(mapping.columnObjectTypeId)
  return {
    columnName: mapping.columnName,
    columnObjectTypeId: objectType?.objectTypeId ?? mapping.columnObjectTypeId,
    propertyName: mapping.propertyName ?? null,
    columnType: mapping.columnType ?? 'STANDARD',
    ...(mapping.toColumnObjectTypeId ? { toColumnObjectTypeId: mapping.toColumnObjectTypeId } : {}),
    ...(mapping.foreignKeyType ? { foreignKeyType: mapping.foreignKeyType } : {}),
    associationIdentifierColumn: mapping.associationIdentifierColumn ?? false,
    ignored: false,
  }
}

/** HubSpot's defaults: UPSERT per object, MONTH_DAY_YEAR dates. */
export function operationFor(request: ImportRequest, objectTypeId: string): ImportOperation {
  return request.importOperations?.[objectTypeId] ?? 'UPSERT'
}
