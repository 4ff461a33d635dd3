// How many rows the file sent with an import holds, known to the wizard before HubSpot finishes
import { browserStorage } from '../browser-storage.ts'

/**
 * While an import runs, HubSpot's TOTAL_ROWS counts the rows processed so far; the file's row
 * count is known only at the end. The wizard knows it from its scan, so it records it here (import
 * id → rows, localStorage `import-row-counts`, newest 100) and the import page can show progress
 * of a known total. Imports started elsewhere have none.
 */
export const IMPORT_ROW_COUNTS_KEY = 'import-row-counts'
const MAX_REMEMBERED = 100

type Counts = Record<string, { rows: number; savedAt: number }>

function readCounts(storage: Storage | undefined): Counts {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(IMPORT_ROW_COUNTS_KEY) ?? '{}')
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).flatMap(([id, entry]) => {
        const { rows, savedAt } = (entry ?? {}) as Record<string, unknown>
        return typeof rows === 'number' && Number.isInteger(rows) && rows >= 0
          ? [[id, { rows, savedAt: typeof savedAt === 'number' ? savedAt : 0 }]]
          : []
      }),
    )
  } catch {
    return {}
  }
}

const defaultStorage = () => browserStorage('localStorage')

export function recordImportRowCount(
  importId: string,
  rows: number,
  storage: Storage | undefined = defaultStorage(),
  now = Date.now(),
): void {
  const counts = readCounts(storage)
  counts[importId] = { rows, savedAt: now }
  const kept = Object.entries(counts)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, MAX_REMEMBERED)
  try {
    storage?.setItem(IMPORT_ROW_COUNTS_KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // quota or blocked: the page says the total is known when HubSpot finishes
  }
}

export function importRowCount(
  importId: string,
  storage: Storage | undefined = defaultStorage(),
): number | undefined {
  return readCounts(storage)[importId]?.rows
}
