/**
 * The upload of a two-file import: which columns of each file go (the mapped ones, plus the
 * reference file's common column, which is mapped to nothing), and the `importRequest` built with
 * the shared two-file builder from what the person chose.
 */
import type { DateFormat, ImportRequest } from '#shared/hubspot/import-request.ts'
import {
  buildTwoFileImportRequest,
  type TwoFileSide,
} from '#shared/hubspot/build-two-file-request.ts'
import type { ObjectTypeId } from '#shared/hubspot/object-types.ts'
import type { ImportOperations, MappingDraft, PropertyCatalogs } from '../mapping-draft.ts'
import { columnTypeFor } from '../mapping-rules.ts'
import type { FileSide } from './common-column.ts'

/**
 * Stands for "uploaded as the reference to the other file" in an upload mapping, so the clean-CSV
 * rules and the export keep the column; it is never sent as a property name.
 */
export const REFERENCE_COLUMN = '\u0000reference'

/** The side's mapping as uploaded: the reference file's common column is kept, mapped to nothing. */
export function uploadMapping(
  side: FileSide,
  owner: FileSide,
  objectTypeId: ObjectTypeId,
  mapping: MappingDraft,
  commonColumnIndex: number,
): MappingDraft {
  if (side === owner) return mapping
  return mapping.map((column) =>
    column.columnIndex === commonColumnIndex
      ? { ...column, objectTypeId, propertyName: REFERENCE_COLUMN }
      : column,
  )
}

export interface TwoFileRequestSide {
  fileName: string
  fileFormat: 'CSV' | 'SPREADSHEET'
  objectTypeId: ObjectTypeId
  /** from `uploadMapping` */
  mapping: MappingDraft
  /** the header of each file column as in the uploaded file */
  headerNames: readonly string[]
  commonColumnIndex: number
}

export interface TwoFileRequestInput {
  name: string
  sides: readonly [TwoFileRequestSide, TwoFileRequestSide]
  operations: ImportOperations
  catalogs: PropertyCatalogs
  dateFormat?: DateFormat
  marketableContactImport?: boolean
  createContactListFromImport?: boolean
}

/** The `importRequest`: both files in upload order, the common column on each side as HubSpot's guide has it. */
export function buildTwoFileRequest(input: TwoFileRequestInput): ImportRequest {
  const side = (s: TwoFileRequestSide): TwoFileSide => {
    const header = (index: number) => s.headerNames[index] ?? `Column ${index + 1}`
    return {
      fileName: s.fileName,
      fileFormat: s.fileFormat,
      objectTypeId: s.objectTypeId,
      commonColumn: header(s.commonColumnIndex),
      columns: s.mapping
        .filter((column) => column.propertyName)
        .map((column) => {
          const name = column.propertyName as string
          if (name === REFERENCE_COLUMN) {
            return { columnName: header(column.columnIndex), propertyName: null }
          }
          const property = input.catalogs[s.objectTypeId]?.find((p) => p.name === name) ?? { name }
          return {
            columnName: header(column.columnIndex),
            propertyName: name,
            columnType: columnTypeFor(s.objectTypeId, property),
          }
        }),
    }
  }
  return buildTwoFileImportRequest({
    name: input.name,
    files: [side(input.sides[0]), side(input.sides[1])],
    importOperations: input.operations,
    ...(input.dateFormat ? { dateFormat: input.dateFormat } : {}),
    ...(input.marketableContactImport !== undefined
      ? { marketableContactImport: input.marketableContactImport }
      : {}),
    ...(input.createContactListFromImport !== undefined
      ? { createContactListFromImport: input.createContactListFromImport }
      : {}),
  })
}

/** Two uploaded parts may not share a name (HubSpot matches parts to entries by name). */
export function distinctFileNames(first: string, second: string): [string, string] {
  if (first.toLowerCase() !== second.toLowerCase()) return [first, second]
  const dot = second.lastIndexOf('.')
  return [first, dot > 0 ? `${second.slice(0, dot)} (2)${second.slice(dot)}` : `${second} (2)`]
}
