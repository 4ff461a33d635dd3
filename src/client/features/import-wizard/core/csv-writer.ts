// The clean CSV's writer: papaparse's unparse (RFC 4180, CRLF), batched into Blobs; formulas kept
import { toCsv } from '#client/lib/csv.ts'

/** One RFC 4180 field: quoted when it holds a comma, quote, line break or edge whitespace. */
export function csvField(value: string): string {
  return toCsv([[value]]).slice(0, -2)
}

/** One CSV record with its CRLF line break. Formula-like cells stay as they are: it's the user's data. */
export function csvLine(cells: readonly string[]): string {
  return toCsv([cells])
}

const BATCH_CHARS = 1 << 20

/**
 * Collects rows into a UTF-8 Blob without a BOM. Rows are written ~1 MB of cell text at a time
 * and each batch becomes its own Blob at once, so the text doesn't pile up in the JS heap.
 */
export function createCsvBlobBuilder(): {
  add(cells: readonly string[]): void
  finish(): Blob
  readonly bytes: number
} {
  const parts: Blob[] = []
  let batch: string[][] = []
  let batchChars = 0
  let bytes = 0
  const flush = () => {
    if (batch.length === 0) return
    const blob = new Blob([toCsv(batch)])
    bytes += blob.size
    parts.push(blob)
    batch = []
    batchChars = 0
  }
  return {
    add(cells) {
      // a copy: callers reuse their cells array for the next row
      batch.push(cells.slice())
      for (const cell of cells) batchChars += cell.length + 1
      if (batchChars >= BATCH_CHARS) flush()
    },
    finish() {
      flush()
      return new Blob(parts, { type: 'text/csv;charset=utf-8' })
    },
    get bytes() {
      return bytes + new TextEncoder().encode(toCsv(batch)).length
    },
  }
}
