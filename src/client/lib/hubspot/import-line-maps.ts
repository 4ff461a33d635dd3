// Which line of the person's own file each row of an uploaded file came from, kept per import
import { browserStorage } from '../browser-storage.ts'
import { valueAt, type OffsetRuns } from '../offset-runs.ts'

/**
 * HubSpot numbers the rows of the file it received (header = line 1, first row = line 2). The
 * wizard often uploads a clean copy (rows excluded, blank lines dropped, cells on several lines),
 * so HubSpot's line 14 may be line 15 of the person's file. The wizard records, with the import,
 * the line of the person's file for every uploaded row; HubSpot has no field for it, so it lives
 * in localStorage (like the re-import links) under `import-line-maps`: import id → map. Imports
 * started elsewhere, in another browser, or with a map too big to keep have none: the dashboard
 * then says plainly that it shows HubSpot's numbers.
 */
export const IMPORT_LINE_MAPS_KEY = 'import-line-maps'
const MAX_REMEMBERED = 50

export interface ImportLineMap {
  /** the person's file the lines are counted in */
  fileName: string
  /** uploaded data row (0 = HubSpot's line 2) → physical line in `fileName` (header = line 1) */
  rows: OffsetRuns
}

/** Where a file's rows came from when it is not the person's own file (a re-import's failed rows). */
export interface LineOrigin {
  /** the person's file; undefined when only HubSpot's numbers of the source import are known */
  fileName: string | undefined
  /** data row of this file → line in the person's file (or HubSpot's line of the source import) */
  lines: number[]
}

/** The line in the person's file for HubSpot's line number; file-wide errors (≤ 1) stay as they are. */
export function lineInOwnFile(map: ImportLineMap, hubspotLine: number): number {
  return hubspotLine < 2 ? hubspotLine : valueAt(map.rows, hubspotLine - 2)
}

type Maps = Record<string, ImportLineMap & { savedAt: number }>

function isRuns(value: unknown): value is OffsetRuns {
  return (
    Array.isArray(value) &&
    value.every(
      (run) =>
        Array.isArray(run) &&
        run.length === 2 &&
        Number.isInteger(run[0]) &&
        Number.isInteger(run[1]),
    )
  )
}

function readMaps(storage: Storage | undefined): Maps {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(IMPORT_LINE_MAPS_KEY) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).flatMap(([id, entry]) => {
        if (typeof entry !== 'object' || entry === null) return []
        const { fileName, rows, savedAt } = entry as Record<string, unknown>
        return typeof fileName === 'string' && isRuns(rows)
          ? [[id, { fileName, rows, savedAt: typeof savedAt === 'number' ? savedAt : 0 }]]
          : []
      }),
    )
  } catch {
    // blocked or corrupted storage: the dashboard falls back to HubSpot's numbers
    return {}
  }
}

const defaultStorage = () => browserStorage('localStorage')

/** The wizard calls this once HubSpot accepted the import. Keeps the newest 50 maps. */
export function recordImportLineMap(
  importId: string,
  map: ImportLineMap,
  storage: Storage | undefined = defaultStorage(),
  now = Date.now(),
): void {
  const maps = readMaps(storage)
  maps[importId] = { ...map, savedAt: now }
  const kept = Object.entries(maps)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, MAX_REMEMBERED)
  try {
    storage?.setItem(IMPORT_LINE_MAPS_KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // quota or blocked: the dashboard shows HubSpot's numbers and says so
  }
}

export function importLineMap(
  importId: string,
  storage: Storage | undefined = defaultStorage(),
): ImportLineMap | undefined {
  const entry = readMaps(storage)[importId]
  return entry && { fileName: entry.fileName, rows: entry.rows }
}
