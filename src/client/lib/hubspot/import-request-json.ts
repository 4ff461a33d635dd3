// An import's importRequestJson read leniently: its columns, operations, files, and the request rebuilt
import { importRequestSchema, type ImportRequest } from '#shared/hubspot/import-request.ts'
import { findObjectType } from '#shared/hubspot/object-types.ts'

/** One column as the import was started with it. */
export interface MappedColumn {
  columnName: string
  objectTypeId: string | undefined
  objectLabel: string | undefined
  propertyName: string | null
  columnType: string | undefined
  ignored: boolean
  toObjectTypeId: string | undefined
}

/** What the dashboard can show of `importRequestJson`, read leniently. */
export interface ImportRequestSummary {
  name: string | undefined
  /** the first file's columns, in file order */
  columns: MappedColumn[]
  operations: { objectTypeId: string; objectLabel: string; operation: string }[]
  dateFormat: string | undefined
  fileNames: string[]
  hasHeader: boolean | undefined
  /** the request rebuilt for a new import, when it still validates; undefined otherwise */
  request: ImportRequest | undefined
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

const MAPPING_KEYS = [
  'columnObjectTypeId',
  'columnObjectType',
  'columnName',
  'propertyName',
  'columnType',
  'idColumnType',
  'ignored',
  'toColumnObjectTypeId',
  'toColumnObjectType',
  'foreignKeyType',
  'associationIdentifierColumn',
] as const

const pick = (source: Json, keys: readonly string[]): Json =>
  Object.fromEntries(
    keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  )

/** HubSpot echoes the request back and may add keys; keep only the ones we send, then validate. */
function rebuildRequest(json: Json): ImportRequest | undefined {
  const candidate = {
    ...pick(json, [
      'name',
      'importOperations',
      'dateFormat',
      'marketableContactImport',
      'createContactListFromImport',
      'timeZone',
    ]),
    files: asArray(json.files)
      .filter(isObject)
      .map((file) => ({
        ...pick(file, ['fileName', 'fileFormat']),
        fileImportPage: isObject(file.fileImportPage)
          ? {
              ...pick(file.fileImportPage, ['hasHeader']),
              columnMappings: asArray(file.fileImportPage.columnMappings)
                .filter(isObject)
                .map((mapping) => pick(mapping, MAPPING_KEYS)),
            }
          : undefined,
      })),
  }
  const parsed = importRequestSchema.safeParse(candidate)
  return parsed.success ? parsed.data : undefined
}

function readColumn(mapping: Json, index: number): MappedColumn {
  const objectRef = asString(mapping.columnObjectTypeId) ?? asString(mapping.columnObjectType)
  const objectType = objectRef ? findObjectType(objectRef) : undefined
  const toRef = asString(mapping.toColumnObjectTypeId) ?? asString(mapping.toColumnObjectType)
  const propertyName = asString(mapping.propertyName)
  return {
    columnName: asString(mapping.columnName) ?? `Column ${index + 1}`,
    objectTypeId: objectType?.objectTypeId ?? objectRef,
    objectLabel: objectType?.label ?? objectRef,
    propertyName: propertyName ? propertyName : null,
    columnType: asString(mapping.columnType) ?? asString(mapping.idColumnType),
    ignored: mapping.ignored === true,
    toObjectTypeId: toRef ? (findObjectType(toRef)?.objectTypeId ?? toRef) : undefined,
  }
}

/** Reads `importRequestJson` (an object, or a JSON string) without ever throwing. */
export function readImportRequestJson(raw: unknown): ImportRequestSummary | undefined {
  let json: unknown = raw
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw)
    } catch {
      return undefined
    }
  }
  if (!isObject(json)) return undefined
  const files = asArray(json.files).filter(isObject)
  const firstPage = files[0] && isObject(files[0].fileImportPage) ? files[0].fileImportPage : {}
  const operations = isObject(json.importOperations)
    ? Object.entries(json.importOperations).flatMap(([objectTypeId, operation]) =>
        typeof operation === 'string'
          ? [
              {
                objectTypeId,
                objectLabel: findObjectType(objectTypeId)?.label ?? objectTypeId,
                operation,
              },
            ]
          : [],
      )
    : []
  return {
    name: asString(json.name),
    columns: asArray(firstPage.columnMappings).filter(isObject).map(readColumn),
    operations,
    dateFormat: asString(json.dateFormat),
    fileNames: files.flatMap((file) => asString(file.fileName) ?? []),
    hasHeader: typeof firstPage.hasHeader === 'boolean' ? firstPage.hasHeader : undefined,
    request: rebuildRequest(json),
  }
}

/** The header row of the import's (first) file, from the mapping's column names. */
export function headerFromSummary(summary: ImportRequestSummary | undefined): string[] {
  return summary?.columns.map((column) => column.columnName) ?? []
}
