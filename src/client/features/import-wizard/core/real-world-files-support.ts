// Test support for the real-world-files suites: realistic files, inspected, scanned and copied as clean CSV
import { buildCheckPlan } from './check-plan.ts'
import { NO_EDITS, cleanCsvReasons } from './edits.ts'
import { prop } from './fixtures/properties.ts'
import { inspectBytes } from './inspect-file.ts'
import { exportCleanCsv, scanFile } from './scan-file.ts'
import { chunked } from './test-helpers.ts'
import type { FileInspection } from './inspect-file.ts'
import type { MappingDraft } from './mapping-draft.ts'
import type { ScanResult } from './scan-result.ts'

/** Data rows of each generated file: files of realistic length. */
export const ROWS = 60

export const lines = (count: number, row: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => row(i))

export const inspect = (text: string) =>
  inspectBytes(new TextEncoder().encode(text), {
    fileName: 'export.csv',
    fileSize: text.length,
    sampled: false,
  })

/** Companies with plain text properties: the scan checks every row but no value can be wrong. */
const TEXT_CATALOGS = {
  '0-2': [
    prop('name', 'Name'),
    ...Array.from({ length: 8 }, (_, i) => prop(`c${i + 1}`, `C${i + 1}`)),
  ],
}

/** Column 1 to the company name (required to create), the others to text properties. */
function mappingOf(inspection: FileInspection): MappingDraft {
  return inspection.columnNames.map((columnName, columnIndex) => ({
    columnIndex,
    columnName,
    objectTypeId: '0-2',
    propertyName: columnIndex === 0 ? 'name' : `c${columnIndex}`,
  }))
}

/** The streaming scan of `text` read in chunks of `size` bytes, against TEXT_CATALOGS. */
export async function scan(text: string, inspection: FileInspection, size = 64 * 1024) {
  const plan = buildCheckPlan({
    mapping: mappingOf(inspection),
    operations: { '0-2': 'CREATE' },
    catalogs: TEXT_CATALOGS,
    columnCount: inspection.headers.length,
    dateFormat: 'MONTH_DAY_YEAR',
  })
  return scanFile(chunked(new TextEncoder().encode(text), size), inspection.settings, plan)
}

/** The clean CSV the wizard would send for `text`, every column kept under its name. */
export async function cleanCsv(text: string, inspection: FileInspection, size = 64 * 1024) {
  const result = await exportCleanCsv(
    chunked(new TextEncoder().encode(text), size),
    inspection.settings,
    {
      columnIndexes: inspection.headers.map((_, i) => i),
      headerNames: inspection.columnNames,
      edits: NO_EDITS,
    },
  )
  return new TextDecoder().decode(await result.blob.arrayBuffer())
}

/** Why the wizard would send a clean CSV instead of the file as it is. */
export function reasons(inspection: FileInspection, result: ScanResult) {
  return cleanCsvReasons({
    settings: inspection.settings,
    encoding: inspection.detected.encoding,
    headers: inspection.headers,
    columnNames: inspection.columnNames,
    mapping: mappingOf(inspection),
    edits: NO_EDITS,
    ambiguities: result.ambiguities,
  })
}
