/**
 * The `importRequest` of a two-file import joined on a common column, built the way HubSpot's
 * imports guide shows it (see multi-file-request.ts). Pure: the wizard calls it with what the
 * user chose; the result is parsed with `twoFileImportRequestSchema`, as it crosses the wire.
 */
import type {
  ColumnMapping,
  ColumnType,
  DateFormat,
  ImportOperation,
  ImportRequest,
} from './import-request.ts'
import { twoFileImportRequestSchema } from './multi-file-request.ts'
import { defaultAssociationTypeId, findObjectType, type ObjectTypeId } from './object-types.ts'

/** One uploaded file of the two, every column mapped to a property of the file's one object. */
export interface TwoFileSide {
  /** the name of the uploaded part, extension included */
  fileName: string
  fileFormat?: 'CSV' | 'SPREADSHEET'
  objectTypeId: ObjectTypeId
  /**
   * Every column of the uploaded file, in header order. The common column is mapped to its
   * property in the file whose object owns it, and to nothing (`null`) in the other file.
   */
  columns: readonly { columnName: string; propertyName: string | null; columnType?: ColumnType }[]
  /** the header of the common column in this file */
  commonColumn: string
}

export interface TwoFileImportInput {
  name: string
  /** both files, in upload order */
  files: readonly [TwoFileSide, TwoFileSide]
  dateFormat?: DateFormat
  /** per object; objects the files don't hold are left out */
  importOperations?: Partial<Record<string, ImportOperation>>
  marketableContactImport?: boolean
  createContactListFromImport?: boolean
}

/**
 * Builds the request. The file whose common column is mapped to a property owns it: that column
 * gets `associationIdentifierColumn: true` (and HUBSPOT_OBJECT_ID or HUBSPOT_ALTERNATE_ID). The
 * other file's common column becomes `{ toColumnObjectTypeId, propertyName: null, foreignKeyType }`
 * with HubSpot's default association from its object to the owner's. Throws when the input does
 * not describe such a pair (the wizard checks the user's choices before calling).
 */
export function buildTwoFileImportRequest(input: TwoFileImportInput): ImportRequest {
  const [first, second] = input.files
  const commonOf = (side: TwoFileSide) => {
    const column = side.columns.find((c) => c.columnName === side.commonColumn)
    if (!column) throw new Error(`${side.fileName} has no column "${side.commonColumn}".`)
    return column
  }
  const firstOwns = commonOf(first).propertyName !== null
  const secondOwns = commonOf(second).propertyName !== null
  if (firstOwns === secondOwns) {
    throw new Error(
      'Map the common column to its property in exactly one file: the file whose object owns it.',
    )
  }
  const owner = firstOwns ? first : second
  if (owner.objectTypeId === (firstOwns ? second : first).objectTypeId) {
    throw new Error('The two files must hold different objects.')
  }

  const mappingsOf = (side: TwoFileSide): ColumnMapping[] =>
    side.columns.map((column) => {
      const base = { columnObjectTypeId: side.objectTypeId, columnName: column.columnName }
      if (column.columnName === side.commonColumn) {
        return side === owner
          ? {
              ...base,
              propertyName: column.propertyName as string,
              columnType:
                column.propertyName === 'hs_object_id'
                  ? 'HUBSPOT_OBJECT_ID'
                  : 'HUBSPOT_ALTERNATE_ID',
              associationIdentifierColumn: true,
            }
          : {
              ...base,
              toColumnObjectTypeId: owner.objectTypeId,
              propertyName: null,
              foreignKeyType: foreignKeyType(side.objectTypeId, owner.objectTypeId),
            }
      }
      if (column.propertyName === null) {
        throw new Error(
          `Column "${column.columnName}" of ${side.fileName} is not mapped; leave it out of the uploaded file.`,
        )
      }
      return {
        ...base,
        propertyName: column.propertyName,
        ...(column.columnType ? { columnType: column.columnType } : {}),
      }
    })

  const objects = new Set<string>([first.objectTypeId, second.objectTypeId])
  const importOperations = Object.fromEntries(
    Object.entries(input.importOperations ?? {}).filter(([id, op]) => objects.has(id) && op),
  )
  const hasContacts = objects.has('0-1')
  return twoFileImportRequestSchema.parse({
    name: (input.name.trim() || `${first.fileName} + ${second.fileName}`).slice(0, 255),
    ...(Object.keys(importOperations).length > 0 ? { importOperations } : {}),
    ...(input.dateFormat ? { dateFormat: input.dateFormat } : {}),
    ...(hasContacts && input.marketableContactImport !== undefined
      ? { marketableContactImport: input.marketableContactImport }
      : {}),
    ...(hasContacts && input.createContactListFromImport !== undefined
      ? { createContactListFromImport: input.createContactListFromImport }
      : {}),
    files: input.files.map((side) => ({
      fileName: side.fileName,
      fileFormat: side.fileFormat ?? 'CSV',
      fileImportPage: { hasHeader: true, columnMappings: mappingsOf(side) },
    })),
  })
}

function foreignKeyType(from: ObjectTypeId, to: ObjectTypeId) {
  const associationTypeId = defaultAssociationTypeId(from, to)
  if (associationTypeId === undefined) {
    throw new Error(
      `HubSpot has no default association from ${findObjectType(from)?.name ?? from} to ${findObjectType(to)?.name ?? to}.`,
    )
  }
  return { associationTypeId, associationCategory: 'HUBSPOT_DEFINED' as const }
}
