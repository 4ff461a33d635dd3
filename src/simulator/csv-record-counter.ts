const QUOTE = 0x22
const COMMA = 0x2c
const LF = 0x0a
const CR = 0x0d

type FieldState = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted'

/**
 * Counts CSV records in a byte stream without keeping it, the way the upload check needs them:
 * RFC 4180 quoting (a newline inside quotes is data, `""` is an escaped quote), CRLF, LF or a lone
 * CR ends a record, and blank lines are skipped — HubSpot is SILENT on blank lines; a trailing
 * newline must not count as a row, so empty lines never do. A quote inside an unquoted field is
 * data, as in PapaParse. Only the first record's fields are counted (the header's column count).
 */
export class CsvRecordCounter {
  records = 0
  firstRecordColumns = 0
  private state: FieldState = 'field-start'
  private fields = 1
  private hasContent = false
  private afterCr = false
  private started = false

  push(chunk: Uint8Array): void {
    let start = 0
    if (!this.started) {
      this.started = true
      // a UTF-8 BOM is not a cell value
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = 3
    }
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i]
      if (this.afterCr) {
        this.afterCr = false
        if (byte === LF) continue
      }
      if (this.state === 'quoted') {
        if (byte === QUOTE) this.state = 'quote-in-quoted'
        continue
      }
      if (this.state === 'quote-in-quoted') {
        if (byte === QUOTE) {
          this.state = 'quoted'
          continue
        }
        this.state = 'unquoted'
      }
      if (byte === COMMA) {
        this.fields++
        this.hasContent = true
        this.state = 'field-start'
      } else if (byte === LF || byte === CR) {
        this.endRecord()
        this.afterCr = byte === CR
      } else {
        this.hasContent = true
        this.state = byte === QUOTE && this.state === 'field-start' ? 'quoted' : 'unquoted'
      }
    }
  }

  /** Ends the last record when the file has no trailing newline (or an unterminated quote). */
  finish(): void {
    this.endRecord()
  }

  private endRecord(): void {
    if (this.hasContent) {
      this.records++
      if (this.records === 1) this.firstRecordColumns = this.fields
    }
    this.fields = 1
    this.hasContent = false
    this.state = 'field-start'
  }
}
