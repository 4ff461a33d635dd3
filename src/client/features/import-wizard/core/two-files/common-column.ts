/**
 * The common column of a two-file import: which file owns it and whether it may join the files.
 *
 * The person picks the column in each file. The file whose column is mapped to a property of its
 * own object owns it (the first file when both are); that property must identify one record
 * (`commonPropertyProblem`: email, domain, the record ID or a unique property). In the other
 * file the same column is a reference: it is uploaded whatever its mapping says, and each of its
 * rows is associated with the owner's record holding the value. Choices where HubSpot is SILENT:
 * the first file wins when both columns are mapped, and a reference column is not imported as a
 * property of its own object as well (one mapping per column).
 */
import { commonPropertyProblem } from '#shared/hubspot/multi-file-request.ts'
import {
  defaultAssociationTypeId,
  findObjectType,
  type ObjectTypeId,
} from '#shared/hubspot/object-types.ts'
import type { Property } from '#shared/hubspot/property.ts'
import type { MappingDraft, PropertyCatalogs } from '../mapping-draft.ts'

export type FileSide = 'first' | 'second'

export interface TwoFileSideDraft {
  fileName: string
  objectTypeId: ObjectTypeId
  columnNames: readonly string[]
  mapping: MappingDraft
}

export interface CommonColumnPick {
  first: number
  second: number
}

export type CommonColumnResolution =
  | {
      ok: true
      owner: FileSide
      /** the owner's property the common values are */
      property: Property
      /** the column index in each file */
      columns: CommonColumnPick
      /** HubSpot's default association from the reference file's object to the owner's */
      associationTypeId: number
    }
  | { ok: false; problem: string }

const singular = (id: ObjectTypeId) => findObjectType(id)?.singular ?? id

/** Resolves the person's pick into an owner and a reference, or says what is wrong with it. */
export function resolveCommonColumn(
  first: TwoFileSideDraft,
  second: TwoFileSideDraft,
  pick: CommonColumnPick | undefined,
  catalogs: PropertyCatalogs,
): CommonColumnResolution {
  if (first.objectTypeId === second.objectTypeId) {
    return { ok: false, problem: 'The two files must hold different objects.' }
  }
  if (!pick) return { ok: false, problem: 'Choose the column the two files share.' }
  const mappedProperty = (side: TwoFileSideDraft, columnIndex: number) => {
    const column = side.mapping.find((c) => c.columnIndex === columnIndex)
    if (!column?.propertyName || column.objectTypeId !== side.objectTypeId) return undefined
    return catalogs[side.objectTypeId]?.find((p) => p.name === column.propertyName)
  }
  const firstProperty = mappedProperty(first, pick.first)
  const secondProperty = mappedProperty(second, pick.second)
  const owner: FileSide | undefined = firstProperty
    ? 'first'
    : secondProperty
      ? 'second'
      : undefined
  if (!owner) {
    const firstName = first.columnNames[pick.first] ?? `column ${pick.first + 1}`
    return {
      ok: false,
      problem: `Map "${firstName}" of ${first.fileName} to the ${singular(first.objectTypeId)} property its values are (for example Email): the file whose object has that property owns the common column.`,
    }
  }
  const [ownerSide, referenceSide] = owner === 'first' ? [first, second] : [second, first]
  const property = (owner === 'first' ? firstProperty : secondProperty) as Property
  const notCommon = commonPropertyProblem(ownerSide.objectTypeId, property)
  if (notCommon) return { ok: false, problem: notCommon }
  const associationTypeId = defaultAssociationTypeId(
    referenceSide.objectTypeId,
    ownerSide.objectTypeId,
  )
  if (associationTypeId === undefined) {
    return {
      ok: false,
      problem: `HubSpot has no default association from ${singular(referenceSide.objectTypeId)} to ${singular(ownerSide.objectTypeId)}.`,
    }
  }
  return { ok: true, owner, property, columns: pick, associationTypeId }
}

/** A likely common column of the second file: one whose name is the first file's column's name. */
export function guessCommonColumns(
  first: Pick<TwoFileSideDraft, 'columnNames' | 'mapping'>,
  secondColumnNames: readonly string[],
): CommonColumnPick | undefined {
  const norm = (name: string) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ')
  for (const column of first.mapping) {
    if (!column.propertyName) continue
    const name = norm(first.columnNames[column.columnIndex] ?? '')
    const match = secondColumnNames.findIndex(
      (other) => norm(other) === name || norm(other).endsWith(` ${name}`),
    )
    if (match >= 0) return { first: column.columnIndex, second: match }
  }
  return undefined
}
