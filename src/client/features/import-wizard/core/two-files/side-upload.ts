/**
 * What one file of a two-file import uploads: the original bytes (a CSV as it is, or an unchanged
 * workbook with `fileFormat: SPREADSHEET`) or the clean CSV, by the same rules as a one-file
 * import, with the reference column counted as uploaded.
 */
import { uploadableFileName } from '#shared/file-name.ts'
import { cleanCsvReasons, type Edits } from '../edits.ts'
import type { MappingDraft } from '../mapping-draft.ts'
import type { ScanAmbiguities, ExportPlan } from '../scan-result.ts'
import type { FileInspection } from '../inspect-file.ts'
import { workbookUploadReasons } from '../spreadsheet/workbook-upload.ts'
import type { WorkbookSource } from '../spreadsheet/workbook-source.ts'

export interface SideSource {
  file: File
  workbook?: WorkbookSource | undefined
  inspection: FileInspection
}

export interface SideUpload {
  /** why a clean CSV is uploaded (empty: the original goes) */
  reasons: string[]
  clean: boolean
  /** the bytes sent when nothing is cleaned */
  original: File
  fileFormat: 'CSV' | 'SPREADSHEET'
  fileName: string
  /** each file column's header as in the uploaded file */
  headerNames: readonly string[]
  exportPlan: ExportPlan
}

/** "leads.txt" → "leads.csv"; a name already ending in .csv stays */
export function csvFileName(name: string): string {
  return /\.csv$/i.test(name) ? name : `${name.replace(/\.(tsv|txt)$/i, '')}.csv`
}

export function planSideUpload(
  source: SideSource,
  /** from `uploadMapping`: the reference column counts as mapped */
  mapping: MappingDraft,
  edits: Edits,
  ambiguities: ScanAmbiguities | undefined,
): SideUpload {
  const { inspection, workbook, file } = source
  const readAs = {
    settings: inspection.settings,
    encoding: inspection.detected.encoding,
    headers: inspection.headers,
    columnNames: inspection.columnNames,
    mapping,
    edits,
  }
  const reasons = workbook
    ? workbookUploadReasons(workbook, readAs)
    : cleanCsvReasons({ ...readAs, ambiguities })
  const clean = reasons.length > 0
  const original = workbook?.file ?? file
  const kept = mapping.filter((c) => c.objectTypeId && c.propertyName)
  return {
    reasons,
    clean,
    original,
    fileFormat: workbook && !clean ? 'SPREADSHEET' : 'CSV',
    fileName: uploadableFileName(clean ? csvFileName(file.name) : original.name),
    headerNames: clean ? inspection.columnNames : inspection.headers,
    exportPlan: {
      columnIndexes: kept.map((c) => c.columnIndex),
      headerNames: kept.map((c) => inspection.columnNames[c.columnIndex] ?? c.columnName),
      edits,
    },
  }
}
