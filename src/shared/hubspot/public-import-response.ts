// HubSpot's PublicImportResponse, states and cancel answer, as zod schemas
import * as z from 'zod'
import { tolerantEnum } from './tolerant.ts'

export const IMPORT_STATES = [
  'STARTED',
  'PROCESSING',
  'DONE',
  'FAILED',
  'CANCELED',
  'DEFERRED',
  'REVERTED',
] as const
export type ImportState = (typeof IMPORT_STATES)[number]

/** States after which an import never changes again (REVERTED included: no API reverses it). */
export const TERMINAL_STATES: readonly string[] = ['DONE', 'FAILED', 'CANCELED', 'REVERTED']
export const CANCELLABLE_STATES: readonly string[] = ['STARTED', 'PROCESSING', 'DEFERRED']

export function isTerminalState(state: string | undefined): boolean {
  return state !== undefined && TERMINAL_STATES.includes(state)
}

export const IMPORT_SOURCES = [
  'API',
  'CRM_UI',
  'IMPORT',
  'MOBILE_ANDROID',
  'MOBILE_IOS',
  'SALESFORCE',
] as const
export const TEMPLATE_TYPES = ['admin_defined', 'previous_import', 'user_file'] as const

/** Counter keys seen in HubSpot responses; the map may hold others and omit any. */
export const KNOWN_COUNTERS = [
  'TOTAL_ROWS',
  'CREATED_OBJECTS',
  'UPDATED_OBJECTS',
  'UNIQUE_OBJECTS_WRITTEN',
  'PROPERTY_VALUES_EMITTED',
  'ERRORS',
  'MAPPED_COLUMNS',
  'UNMAPPED_COLUMNS',
  'ASSOCIATIONS_EMITTED',
  'ASSOCIATIONS_CREATED',
] as const
export type KnownCounter = (typeof KNOWN_COUNTERS)[number]

export const publicObjectListRecordSchema = z.object({ listId: z.string(), objectType: z.string() })

export const publicImportMetadataSchema = z.object({
  counters: z.record(z.string(), z.number()),
  fileIds: z.array(z.string()),
  objectLists: z.array(publicObjectListRecordSchema),
})

export const importTemplateSchema = z.object({
  templateId: z.number(),
  templateType: tolerantEnum(TEMPLATE_TYPES),
})

/** `PublicImportResponse` (imports v3 and 2026-03: identical schemas). */
export const publicImportResponseSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  state: tolerantEnum(IMPORT_STATES),
  optOutImport: z.boolean(),
  mappedObjectTypeIds: z.array(z.string()).default([]),
  metadata: publicImportMetadataSchema,
  importName: z.string().optional(),
  importRequestJson: z.unknown().optional(),
  importSource: tolerantEnum(IMPORT_SOURCES).optional(),
  importTemplate: importTemplateSchema.optional(),
})
export type PublicImportResponse = z.infer<typeof publicImportResponseSchema>

export const ACTION_STATUSES = ['PENDING', 'PROCESSING', 'CANCELED', 'COMPLETE'] as const

/** `ActionResponse`, returned by cancel. */
export const actionResponseSchema = z.object({
  status: tolerantEnum(ACTION_STATUSES),
  startedAt: z.string(),
  completedAt: z.string(),
  requestedAt: z.string().optional(),
  links: z.record(z.string(), z.string()).optional(),
})
export type ActionResponse = z.infer<typeof actionResponseSchema>

/** A counter that may be absent (HubSpot omits zero-valued keys). */
export function counter(
  response: Pick<PublicImportResponse, 'metadata'>,
  key: KnownCounter,
): number {
  return response.metadata.counters[key] ?? 0
}
