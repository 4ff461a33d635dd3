const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * Where the first record of a CSV ends (index of its line break), honouring quotes so a quoted
 * header cell may hold a newline; -1 while the buffer holds no complete first record.
 */
export function firstRecordEnd(buffer: Buffer): number {
  let quoted = false
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i]
    if (byte === QUOTE) quoted = !quoted
    else if (!quoted && (byte === LF || byte === CR)) return i
  }
  return -1
}

/** Number of fields in one CSV record (RFC 4180 quoting; a doubled quote is a literal quote). */
export function countCsvFields(record: string, delimiter = ','): number {
  let fields = 1
  let quoted = false
  for (const char of record) {
    if (char === '"') quoted = !quoted
    else if (char === delimiter && !quoted) fields++
  }
  return fields
}

/** The header record as text: UTF-8 BOM dropped, line break excluded. */
export function headerRecord(buffer: Buffer): string {
  const end = firstRecordEnd(buffer)
  const text = buffer.subarray(0, end === -1 ? buffer.length : end).toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
