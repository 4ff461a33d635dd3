// Mapping rules: the columnType of each mapped column and the problems that block the mapping
import type { ColumnType, ImportOperation } from '#shared/hubspot/import-request.ts'
import {
  BUILT_IN_ALTERNATE_IDS,
  OBJECT_TYPES,
  REQUIRED_TO_CREATE,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import { isWritable, type Property } from '#shared/hubspot/property.ts'
import type { ImportOperations, MappingDraft, PropertyCatalogs } from './mapping-draft.ts'

export const MAPPING_PROBLEM_CODES = [
  'NO_COLUMNS_MAPPED',
  'PROPERTY_MAPPED_TWICE',
  'UNKNOWN_PROPERTY',
  'READ_ONLY_PROPERTY',
  'MISSING_OBJECT',
  'MISSING_IDENTIFIER',
  'MISSING_REQUIRED_TO_CREATE',
  'NO_IDENTIFIER_MAY_DUPLICATE',
] as const

export type MappingProblemCode = (typeof MAPPING_PROBLEM_CODES)[number]

export interface MappingProblem {
  code: MappingProblemCode
  /** 'error' blocks the next step; 'warning' is shown only */
  severity: 'error' | 'warning'
  message: string
  objectTypeId?: ObjectTypeId
  /** columns involved (0-based); react-hook-form path is `columns.<index>.propertyName` */
  columnIndexes: number[]
}

export interface MappingEvaluation {
  /** per file column: the columnType to send, null for unmapped columns */
  columnTypes: (ColumnType | null)[]
  problems: MappingProblem[]
  /** no problem with severity 'error' */
  ok: boolean
}

/** The `columnType` for a mapped column: record ID, another unique identifier, or a plain value. */
export function columnTypeFor(
  objectTypeId: ObjectTypeId,
  property: Pick<Property, 'name' | 'hasUniqueValue'>,
): ColumnType {
  if (property.name === 'hs_object_id') return 'HUBSPOT_OBJECT_ID'
  if (BUILT_IN_ALTERNATE_IDS[objectTypeId] === property.name || property.hasUniqueValue)
    return 'HUBSPOT_ALTERNATE_ID'
  return 'STANDARD'
}

/** Whether a column identifies records of its object (record ID, email, domain, unique property). */
export function isIdentifier(
  objectTypeId: ObjectTypeId,
  property: Pick<Property, 'name' | 'hasUniqueValue'>,
): boolean {
  return columnTypeFor(objectTypeId, property) !== 'STANDARD'
}

/**
 * Checks a mapping against the operations and HubSpot's rules: something mapped, no property
 * twice, writable properties only, an identifier for UPDATE, the required properties for CREATE,
 * either of them for UPSERT. Messages say what to map.
 */
export function evaluateMapping(
  draft: MappingDraft,
  operations: ImportOperations,
  catalogs: PropertyCatalogs,
): MappingEvaluation {
  const problems: MappingProblem[] = []
  const columnTypes: (ColumnType | null)[] = []
  const byObject = new Map<ObjectTypeId, { columnIndex: number; property: Property }[]>()
  const seen = new Map<string, number[]>()

  for (const column of draft) {
    const { objectTypeId, propertyName, columnIndex } = column
    if (!objectTypeId || !propertyName) {
      columnTypes[columnIndex] = null
      continue
    }
    const property = catalogs[objectTypeId]?.find((p) => p.name === propertyName)
    const objectLabel = labelOf(objectTypeId)
    if (!property) {
      columnTypes[columnIndex] = null
      problems.push({
        code: 'UNKNOWN_PROPERTY',
        severity: 'error',
        message: `Column "${column.columnName}" is mapped to "${propertyName}", which ${objectLabel} don't have (it may have been deleted). Pick another property.`,
        objectTypeId,
        columnIndexes: [columnIndex],
      })
      continue
    }
    columnTypes[columnIndex] = columnTypeFor(objectTypeId, property)
    if (!isWritable(property) && property.name !== 'hs_object_id') {
      problems.push({
        code: 'READ_ONLY_PROPERTY',
        severity: 'error',
        message: `Column "${column.columnName}" is mapped to "${property.label}", which HubSpot calculates or keeps read-only, so an import can't set it. Pick another property or don't import the column.`,
        objectTypeId,
        columnIndexes: [columnIndex],
      })
    }
    const key = `${objectTypeId}/${propertyName}`
    seen.set(key, [...(seen.get(key) ?? []), columnIndex])
    byObject.set(objectTypeId, [...(byObject.get(objectTypeId) ?? []), { columnIndex, property }])
  }

  if (byObject.size === 0) {
    problems.push({
      code: 'NO_COLUMNS_MAPPED',
      severity: 'error',
      message: 'No column is mapped to a HubSpot property yet. Map at least one column.',
      columnIndexes: [],
    })
  }

  for (const [key, columns] of seen) {
    if (columns.length < 2) continue
    const [objectTypeId, propertyName] = key.split('/') as [ObjectTypeId, string]
    const label =
      catalogs[objectTypeId]?.find((p) => p.name === propertyName)?.label ?? propertyName
    const names = columns
      .map((c) => `"${draft.find((d) => d.columnIndex === c)?.columnName}"`)
      .join(' and ')
    problems.push({
      code: 'PROPERTY_MAPPED_TWICE',
      severity: 'error',
      message: `Columns ${names} are both mapped to ${labelOf(objectTypeId, true)} "${label}". A property can take only one column: unmap or change one of them.`,
      objectTypeId,
      columnIndexes: columns,
    })
  }

  for (const [objectTypeId, columns] of byObject) {
    const operation = operations[objectTypeId]
    if (!operation) {
      problems.push({
        code: 'MISSING_OBJECT',
        severity: 'error',
        message: `Columns are mapped to ${labelOf(objectTypeId)}, but ${labelOf(objectTypeId)} are not part of this import. Add them as an object, or map those columns elsewhere.`,
        objectTypeId,
        columnIndexes: columns.map((c) => c.columnIndex),
      })
      continue
    }
    problems.push(...operationProblems(objectTypeId, operation, columns, catalogs))
  }
  for (const objectTypeId of Object.keys(operations) as ObjectTypeId[]) {
    if (byObject.has(objectTypeId) || byObject.size === 0) continue
    problems.push({
      code: 'MISSING_OBJECT',
      severity: 'error',
      message: `No column is mapped to ${labelOf(objectTypeId)}. Map the ${labelOf(objectTypeId)} columns, or remove ${labelOf(objectTypeId)} from the import.`,
      objectTypeId,
      columnIndexes: [],
    })
  }

  return { columnTypes, problems, ok: !problems.some((p) => p.severity === 'error') }
}

function operationProblems(
  objectTypeId: ObjectTypeId,
  operation: ImportOperation,
  columns: { columnIndex: number; property: Property }[],
  catalogs: PropertyCatalogs,
): MappingProblem[] {
  const objects = labelOf(objectTypeId)
  const mapped = new Set(columns.map((c) => c.property.name))
  const hasIdentifier = columns.some((c) => isIdentifier(objectTypeId, c.property))
  const missingGroups = (REQUIRED_TO_CREATE[objectTypeId] ?? []).filter(
    (group) => !group.some((name) => mapped.has(name)),
  )
  const labelFor = (name: string) =>
    catalogs[objectTypeId]?.find((p) => p.name === name)?.label ?? name
  const requiredText = missingGroups
    .map((group) => group.map((n) => `"${labelFor(n)}"`).join(' or '))
    .join(', ')
  const identifierText = identifierLabels(objectTypeId, catalogs)

  if (operation === 'UPDATE' && !hasIdentifier) {
    return [
      {
        code: 'MISSING_IDENTIFIER',
        severity: 'error',
        message: `To update existing ${objects}, HubSpot has to find each record: map a column to ${identifierText}.`,
        objectTypeId,
        columnIndexes: [],
      },
    ]
  }
  if (operation === 'CREATE' && missingGroups.length > 0) {
    return [
      {
        code: 'MISSING_REQUIRED_TO_CREATE',
        severity: 'error',
        message: `To create ${objects}, HubSpot needs ${requiredText}. Map ${missingGroups.length === 1 ? 'a column' : 'columns'} to ${missingGroups.length === 1 ? 'it' : 'them'}.`,
        objectTypeId,
        columnIndexes: [],
      },
    ]
  }
  if (operation === 'UPSERT' && !hasIdentifier) {
    if (missingGroups.length > 0) {
      return [
        {
          code: 'MISSING_REQUIRED_TO_CREATE',
          severity: 'error',
          message: `To create or update ${objects}, map a column to ${identifierText} (to find existing records), or map ${requiredText} (to create new ones).`,
          objectTypeId,
          columnIndexes: [],
        },
      ]
    }
    return [
      {
        code: 'NO_IDENTIFIER_MAY_DUPLICATE',
        severity: 'warning',
        message: `No column identifies existing ${objects}, so every row creates a new record and duplicates are possible. Map ${identifierText} to update existing records instead.`,
        objectTypeId,
        columnIndexes: [],
      },
    ]
  }
  return []
}

/** "Record ID, Email or a unique property such as Customer code" for an object. */
function identifierLabels(objectTypeId: ObjectTypeId, catalogs: PropertyCatalogs): string {
  const catalog = catalogs[objectTypeId] ?? []
  const names = ['Record ID']
  const alternate = BUILT_IN_ALTERNATE_IDS[objectTypeId]
  if (alternate) names.push(catalog.find((p) => p.name === alternate)?.label ?? alternate)
  const unique = catalog.filter((p) => p.hasUniqueValue && isWritable(p)).map((p) => p.label)
  if (unique.length > 0) names.push(`a unique property (${unique.slice(0, 3).join(', ')})`)
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

function labelOf(objectTypeId: ObjectTypeId, singular = false): string {
  const info = OBJECT_TYPES.find((o) => o.objectTypeId === objectTypeId)
  if (!info) return objectTypeId
  return singular ? info.singular : info.label.toLowerCase()
}

/**
 * The evaluation as form issues for a react-hook-form resolver (`superRefine` → `ctx.addIssue`):
 * errors only, on `columns.<i>.propertyName` when a column is at fault, else on `columns`.
 */
export function mappingIssues(
  evaluation: MappingEvaluation,
): { path: (string | number)[]; message: string }[] {
  return evaluation.problems
    .filter((p) => p.severity === 'error')
    .flatMap((p) =>
      p.columnIndexes.length > 0
        ? p.columnIndexes.map((i) => ({ path: ['columns', i, 'propertyName'], message: p.message }))
        : [{ path: ['columns'], message: p.message }],
    )
}
