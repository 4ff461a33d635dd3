/**
 * What an uploaded CSV holds, read from its bytes as they stream past: the proxy and the
 * simulator refuse the same files for the same reasons the wizard blocks them (empty, no header,
 * header only, UTF-16, zero bytes), reading records with the shared dialect.
 */
import { createCsvRecordReader, type CsvRecordReader } from './record-reader.ts'

export type CsvContentProblemCode =
  'EMPTY_FILE' | 'BLANK_ONLY' | 'HEADER_ONLY' | 'UTF16' | 'ZERO_BYTE'

export interface CsvContentProblem {
  code: CsvContentProblemCode
  /** for a person, names the file's problem and the fix */
  message: string
}

/** A zero byte `where` ("on line 3", "at byte 1234"). */
export function zeroByteProblem(where: string): CsvContentProblem {
  return {
    code: 'ZERO_BYTE',
    message: `The file contains a zero byte (NUL) ${where}. A CSV file is text, so this is binary data or a damaged export; export the file again.`,
  }
}

/** Bytes looked at for UTF-16 without a byte order mark. */
const UTF16_SAMPLE_BYTES = 4096

/**
 * UTF-16 by its byte order mark, or ASCII-range text stored in UTF-16 without one (zeros in one
 * byte lane, almost none in the other).
 */
export function utf16ByteOrder(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  const n = Math.min(head.length, UTF16_SAMPLE_BYTES) & ~1
  if (n < 4) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++
    if (head[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.05) return 'utf-16be'
  return undefined
}

/**
 * Reads a CSV upload chunk by chunk as UTF-8 in the shared dialect, holding nothing but the
 * record being read: counts records, the header's cells, and finds what makes it unimportable.
 */
export class CsvFileSurvey {
  /** bytes pushed */
  bytes = 0
  /** non-blank records, the header included */
  records = 0
  /** the first non-blank record (the header), once read */
  header: string[] | undefined
  /** offset of the first zero byte, and the line of the record holding it once read */
  zeroByteAt: number | undefined
  zeroByteLine: number | undefined

  private readonly decoder = new TextDecoder('utf-8')
  private readonly reader: CsvRecordReader
  private head = new Uint8Array(0)
  private utf16: 'utf-16le' | 'utf-16be' | undefined
  private finished = false

  constructor() {
    this.reader = createCsvRecordReader(
      { delimiter: ',' },
      {
        record: (cells, lineNumber) => {
          this.records++
          if (this.records === 1) this.header = cells
          if (this.zeroByteAt !== undefined && this.zeroByteLine === undefined) {
            if (cells.some((cell) => cell.includes('\u0000'))) this.zeroByteLine = lineNumber
          }
        },
      },
    )
  }

  /** cells of the header, 0 before it is read */
  get headerCells(): number {
    return this.header?.length ?? 0
  }

  push(chunk: Uint8Array): void {
    if (this.head.length < UTF16_SAMPLE_BYTES) {
      const head = new Uint8Array(Math.min(UTF16_SAMPLE_BYTES, this.head.length + chunk.length))
      head.set(this.head)
      head.set(chunk.subarray(0, head.length - this.head.length), this.head.length)
      this.head = head
      this.utf16 = utf16ByteOrder(head)
    }
    if (this.zeroByteAt === undefined) {
      const at = chunk.indexOf(0)
      if (at !== -1) this.zeroByteAt = this.bytes + at
    }
    this.bytes += chunk.length
    this.reader.push(this.decoder.decode(chunk, { stream: true }))
  }

  /** The end of the file. */
  finish(): void {
    if (this.finished) return
    this.finished = true
    this.reader.push(this.decoder.decode())
    this.reader.end()
  }

  /** Nothing more to learn from reading on: the file ended, or is UTF-16 or binary. */
  get decided(): boolean {
    return this.finished || this.utf16 !== undefined || this.zeroByteAt !== undefined
  }

  /** A record after the header holds something: ended, or still being read. */
  get hasDataRow(): boolean {
    return this.records >= 2 || (this.records === 1 && this.reader.pendingContent)
  }

  /**
   * What makes the file unimportable, as far as read: a file cut short is judged only on what
   * it showed (zero bytes, UTF-16); emptiness and a missing data row only once it has ended.
   * Without a header (`hasHeader: false`) one record is one data row.
   */
  problem({ hasHeader = true }: { hasHeader?: boolean } = {}): CsvContentProblem | undefined {
    if (this.utf16) {
      return {
        code: 'UTF16',
        message: `The file is ${this.utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text (Excel's "Unicode text"); HubSpot reads CSV files as UTF-8. Save it as "CSV UTF-8 (comma delimited)" and upload that file.`,
      }
    }
    if (this.zeroByteAt !== undefined) {
      return zeroByteProblem(
        this.zeroByteLine === undefined
          ? `at byte ${this.zeroByteAt + 1}`
          : `on line ${this.zeroByteLine}`,
      )
    }
    if (!this.finished) return undefined
    if (this.bytes === 0) {
      return {
        code: 'EMPTY_FILE',
        message: 'The file is empty (0 bytes): there is nothing to import.',
      }
    }
    if (this.records === 0) {
      return {
        code: 'BLANK_ONLY',
        message: `The file has no ${hasHeader ? 'header row' : 'rows'}: only blank lines, spaces or empty cells.`,
      }
    }
    if (this.records === 1 && hasHeader) {
      return {
        code: 'HEADER_ONLY',
        message: 'The file has a header row but no data rows, so there is nothing to import.',
      }
    }
    return undefined
  }
}
