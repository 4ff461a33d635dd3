// Which line of the person's file each row HubSpot receives came from, recorded with the import
import type { ImportLineMap, LineOrigin } from '#client/lib/hubspot/import-line-maps.ts'
import { createOffsetRunsBuilder, valueAt, type OffsetRuns } from '#client/lib/offset-runs.ts'

export interface UploadLineMapInput {
  /** the chosen file's name */
  fileName: string
  /** the clean copy's row maps, when a clean copy is uploaded */
  clean?: { rows: number; rowLines?: OffsetRuns; sourceRows?: OffsetRuns } | undefined
  /** the check step's scan: data row → physical line (the original sent as it is) */
  scanRowLines?: OffsetRuns | undefined
  /** the chosen file is a re-import's failed rows: where its rows came from */
  lineOrigin?: LineOrigin | undefined
}

/**
 * The map the dashboard reads HubSpot's line numbers through. Uploaded row → data row of the
 * chosen file (the clean copy's `sourceRows`, or the same row when the original goes as it is)
 * → a line: of the person's own file for a re-import, else the physical line in the chosen file.
 * Undefined when a link is missing (a map too big to keep, a draft saved before the scan kept
 * its lines, a re-import of an import whose lines were never known): the dashboard then says it
 * shows HubSpot's numbers.
 */
export function uploadLineMap({
  fileName,
  clean,
  scanRowLines,
  lineOrigin,
}: UploadLineMapInput): ImportLineMap | undefined {
  if (lineOrigin) {
    if (lineOrigin.fileName === undefined) return undefined
    if (clean && !clean.sourceRows) return undefined
    const rowCount = clean ? clean.rows : lineOrigin.lines.length
    const builder = createOffsetRunsBuilder()
    for (let row = 0; row < rowCount; row++) {
      const sourceRow = clean?.sourceRows ? valueAt(clean.sourceRows, row) : row
      const line = lineOrigin.lines[sourceRow]
      if (line === undefined) return undefined
      builder.push(line)
    }
    const rows = builder.finish()
    return rows && { fileName: lineOrigin.fileName, rows }
  }
  const rows = clean ? clean.rowLines : scanRowLines
  return rows && { fileName, rows }
}
