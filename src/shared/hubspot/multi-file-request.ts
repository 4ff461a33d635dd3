/**
 * Imports of several files joined on a common column, as HubSpot's imports guide describes them:
 * in the file whose object owns the common property, that column has
 * `associationIdentifierColumn: true`; in the other file the same column has
 * `toColumnObjectTypeId` (the owner's object), `propertyName: null` and a `foreignKeyType` (the
 * default association from its object to the owner's, e.g. 280 company → contact). Each row of
 * the other file is associated with the owner-file record whose common value it holds.
 *
 * The rules live here so the wizard (before submit) and the simulator (at create) say the same
 * thing. Choices where HubSpot is SILENT:
 * - A common column is paired with the identifier column of its `toColumnObjectTypeId` in another
 *   file; when that object has several, the one with the same header. Headers may differ.
 * - These rules apply only to requests with two or more files; a single file may still hold
 *   association columns of its own (another record's ID or key), as before.
 */
import {
  importRequestSchema,
  normalizeColumnMapping,
  type ImportRequest,
  type NormalizedColumnMapping,
} from './import-request.ts'
import { associationPair, BUILT_IN_ALTERNATE_IDS, findObjectType } from './object-types.ts'
import type { Property } from './property.ts'

export const MULTI_FILE_PROBLEM_CODES = [
  'DUPLICATE_FILE_NAME',
  'COMMON_COLUMN_WITHOUT_PROPERTY',
  'COMMON_PROPERTY_NOT_FOUND',
  'COMMON_PROPERTY_NOT_UNIQUE',
  'NO_COMMON_COLUMN',
  'AMBIGUOUS_COMMON_COLUMN',
  'WRONG_ASSOCIATION_TYPE',
] as const
export type MultiFileProblemCode = (typeof MULTI_FILE_PROBLEM_CODES)[number]

/** One problem with a multi-file request; `in` is the JSON path of the mapping at fault. */
export interface MultiFileProblem {
  code: MultiFileProblemCode
  message: string
  in: string
}

/** What a common property must be: one that identifies a record on its own. */
export type CommonPropertyInfo = Pick<Property, 'name' | 'label' | 'hasUniqueValue'>

/**
 * Why a property cannot be a common column, or undefined when it can: it must be the record ID
 * (`hs_object_id`), the object's built-in key (contact email, company domain) or a property with
 * unique values (`hasUniqueValue`).
 */
export function commonPropertyProblem(
  objectTypeId: string,
  property: CommonPropertyInfo,
): string | undefined {
  const builtIn = BUILT_IN_ALTERNATE_IDS[objectTypeId as keyof typeof BUILT_IN_ALTERNATE_IDS]
  if (property.name === 'hs_object_id' || property.name === builtIn || property.hasUniqueValue)
    return undefined
  const object = findObjectType(objectTypeId)?.singular ?? objectTypeId
  const key = builtIn ? `the ${object}'s ${builtIn}, ` : ''
  return `"${property.label}" can't be the common column: its values don't identify one ${object}. Use ${key}the record ID or a property with unique values.`
}

/** A mapping with where it sits in the request. */
export interface LocatedMapping {
  fileIndex: number
  fileName: string
  columnIndex: number
  mapping: NormalizedColumnMapping
}

/** Every mapping of every file, in request order, in one spelling. */
export function locatedMappings(request: ImportRequest): LocatedMapping[] {
  return request.files.flatMap((file, fileIndex) =>
    file.fileImportPage.columnMappings.map((raw, columnIndex) => ({
      fileIndex,
      fileName: file.fileName,
      columnIndex,
      mapping: normalizeColumnMapping(raw),
    })),
  )
}

/**
 * Whether a mapping is the other side of a common column: no property of its own, pointing at
 * another object by `toColumnObjectTypeId` or a `foreignKeyType`, and holding that object's key
 * rather than a record ID or an association label.
 */
export function isCommonColumnReference(mapping: NormalizedColumnMapping): boolean {
  return (
    mapping.propertyName === null &&
    !mapping.ignored &&
    mapping.columnType !== 'HUBSPOT_OBJECT_ID' &&
    mapping.columnType !== 'FLEXIBLE_ASSOCIATION_LABEL' &&
    (mapping.toColumnObjectTypeId !== undefined || mapping.foreignKeyType !== undefined) &&
    referencedObjectTypeId(mapping) !== mapping.columnObjectTypeId
  )
}

/** The object a reference column points at: `toColumnObjectTypeId`, else its association type's target. */
export function referencedObjectTypeId(mapping: NormalizedColumnMapping): string | undefined {
  const typeId = mapping.foreignKeyType?.associationTypeId
  return (
    mapping.toColumnObjectTypeId ??
    (typeId === undefined ? undefined : associationPair(typeId)?.[1])
  )
}

export type CommonColumnPairing =
  | { kind: 'found'; identifier: LocatedMapping }
  | { kind: 'none' }
  | { kind: 'ambiguous'; identifiers: LocatedMapping[] }

/**
 * The identifier column a reference column joins: in another file, marked
 * `associationIdentifierColumn`, of the referenced object; several → the one with the same header.
 */
export function pairCommonColumn(
  reference: Pick<LocatedMapping, 'fileIndex' | 'mapping'>,
  identifiers: readonly LocatedMapping[],
): CommonColumnPairing {
  const target = referencedObjectTypeId(reference.mapping)
  const candidates = identifiers.filter(
    (m) =>
      m.fileIndex !== reference.fileIndex &&
      m.mapping.associationIdentifierColumn &&
      m.mapping.columnObjectTypeId === target,
  )
  if (candidates.length === 1) return { kind: 'found', identifier: candidates[0] as LocatedMapping }
  if (candidates.length === 0) return { kind: 'none' }
  const name = reference.mapping.columnName.trim()
  const sameName = candidates.filter((m) => m.mapping.columnName.trim() === name)
  return sameName.length === 1
    ? { kind: 'found', identifier: sameName[0] as LocatedMapping }
    : { kind: 'ambiguous', identifiers: candidates }
}

const pathOf = (m: Pick<LocatedMapping, 'fileIndex' | 'columnIndex'>) =>
  `files.${m.fileIndex}.fileImportPage.columnMappings.${m.columnIndex}`

/**
 * Everything wrong with how a multi-file request joins its files, in request order; empty for a
 * single-file request. `propertyOf` looks a property up in the portal's catalogue; without it,
 * only the request's own shape is checked.
 */
export function multiFileRequestProblems(
  request: ImportRequest,
  propertyOf?: (objectTypeId: string, propertyName: string) => CommonPropertyInfo | undefined,
): MultiFileProblem[] {
  if (request.files.length < 2) return []
  const problems: MultiFileProblem[] = []
  request.files.forEach((file, fileIndex) => {
    if (request.files.findIndex((f) => f.fileName === file.fileName) !== fileIndex) {
      problems.push({
        code: 'DUPLICATE_FILE_NAME',
        message: `Two files are named "${file.fileName}": each file needs its own name.`,
        in: `files.${fileIndex}.fileName`,
      })
    }
  })
  const located = locatedMappings(request)
  const identifiers = located.filter((m) => m.mapping.associationIdentifierColumn)
  for (const identifier of identifiers) {
    const problem = identifierProblem(identifier, propertyOf)
    if (problem) problems.push(problem)
  }
  for (const reference of located.filter((m) => isCommonColumnReference(m.mapping))) {
    problems.push(...referenceProblems(reference, identifiers))
  }
  return problems
}

function identifierProblem(
  located: LocatedMapping,
  propertyOf: ((objectTypeId: string, name: string) => CommonPropertyInfo | undefined) | undefined,
): MultiFileProblem | undefined {
  const { mapping } = located
  const at = `Column "${mapping.columnName}" of ${located.fileName}`
  if (mapping.propertyName === null) {
    return {
      code: 'COMMON_COLUMN_WITHOUT_PROPERTY',
      message: `${at} is the common column (associationIdentifierColumn) but maps to no property: map it to the property the files share.`,
      in: pathOf(located),
    }
  }
  const property = propertyOf
    ? propertyOf(mapping.columnObjectTypeId, mapping.propertyName)
    : { name: mapping.propertyName, label: mapping.propertyName }
  if (!property) {
    return {
      code: 'COMMON_PROPERTY_NOT_FOUND',
      message: `${at} is the common column, but ${mapping.columnObjectTypeId} has no property "${mapping.propertyName}".`,
      in: pathOf(located),
    }
  }
  // without the catalogue only the built-in keys are known to be unique
  if (!propertyOf) return undefined
  const notUnique = commonPropertyProblem(mapping.columnObjectTypeId, property)
  return notUnique
    ? { code: 'COMMON_PROPERTY_NOT_UNIQUE', message: `${at}: ${notUnique}`, in: pathOf(located) }
    : undefined
}

function referenceProblems(
  reference: LocatedMapping,
  identifiers: readonly LocatedMapping[],
): MultiFileProblem[] {
  const { mapping } = reference
  const at = `Column "${mapping.columnName}" of ${reference.fileName}`
  const target = referencedObjectTypeId(mapping) ?? ''
  const targetName = findObjectType(target)?.singular ?? target
  const problems: MultiFileProblem[] = []
  const pairing = pairCommonColumn(reference, identifiers)
  if (pairing.kind === 'none') {
    problems.push({
      code: 'NO_COMMON_COLUMN',
      message: `${at} points at ${targetName} records, but no other file marks a ${targetName} column as the common column (associationIdentifierColumn: true).`,
      in: pathOf(reference),
    })
  } else if (pairing.kind === 'ambiguous') {
    problems.push({
      code: 'AMBIGUOUS_COMMON_COLUMN',
      message: `${at} could join any of ${pairing.identifiers.map((m) => `"${m.mapping.columnName}" (${m.fileName})`).join(', ')}: give it the same header as the one it joins.`,
      in: pathOf(reference),
    })
  }
  const type = mapping.foreignKeyType
  const pair =
    type?.associationCategory === 'HUBSPOT_DEFINED'
      ? associationPair(type.associationTypeId)
      : undefined
  if (type && pair && (pair[0] !== mapping.columnObjectTypeId || pair[1] !== target)) {
    const fromName =
      findObjectType(mapping.columnObjectTypeId)?.singular ?? mapping.columnObjectTypeId
    problems.push({
      code: 'WRONG_ASSOCIATION_TYPE',
      message: `${at} associates ${fromName} records with ${targetName} records, but association type ${type.associationTypeId} goes from ${findObjectType(pair[0])?.singular ?? pair[0]} to ${findObjectType(pair[1])?.singular ?? pair[1]}.`,
      in: `${pathOf(reference)}.foreignKeyType`,
    })
  }
  return problems
}

/**
 * The shape of a two-file import joined on a common column: two files, and their mappings join
 * without problems. Only the request's own shape; whether the common property is unique needs
 * the portal's catalogue (`multiFileRequestProblems` with `propertyOf`).
 */
export const twoFileImportRequestSchema = importRequestSchema.superRefine((request, ctx) => {
  if (request.files.length !== 2) {
    ctx.addIssue({ code: 'custom', message: 'a two-file import has two files', path: ['files'] })
    return
  }
  for (const problem of multiFileRequestProblems(request)) {
    ctx.addIssue({
      code: 'custom',
      message: problem.message,
      path: problem.in.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    })
  }
  const located = locatedMappings(request)
  if (!located.some((m) => isCommonColumnReference(m.mapping))) {
    ctx.addIssue({
      code: 'custom',
      message:
        'no column joins the two files: one file needs a column with toColumnObjectTypeId and propertyName null',
      path: ['files'],
    })
  }
})
