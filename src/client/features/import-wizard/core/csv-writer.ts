const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One RFC 4180 field: quoted when it holds a comma, quote, line break or edge whitespace. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One CSV record with its CRLF line break (RFC 4180 §2). Formula-like cells stay as they are: it's the user's data. */
export function csvLine(cells: readonly string[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ','
    line += csvField(cells[i]!)
  }
  return line + '\r\n'
}

const BATCH_CHARS = 1 << 20

/**
 * Collects CSV lines into a UTF-8 Blob without a BOM. Lines are joined into ~1 MB strings and
 * each batch becomes its own Blob at once, so the text doesn't pile up in the JS heap.
 */
export function createCsvBlobBuilder(): {
  add(cells: readonly string[]): void
  finish(): Blob
  readonly bytes: number
} {
  const parts: Blob[] = []
  let batch = ''
  let bytes = 0
  const flush = () => {
    if (batch === '') return
    const blob = new Blob([batch])
    bytes += blob.size
    parts.push(blob)
    batch = ''
  }
  return {
    add(cells) {
      batch += csvLine(cells)
      if (batch.length >= BATCH_CHARS) flush()
    },
    finish() {
      flush()
      return new Blob(parts, { type: 'text/csv;charset=utf-8' })
    },
    get bytes() {
      return bytes + new TextEncoder().encode(batch).length
    },
  }
}
