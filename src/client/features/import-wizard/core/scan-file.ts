// Streams a file record by record: the full scan and the clean-CSV export
import { createCsvRecordReader, type QuoteProblem } from '#shared/csv/record-reader.ts'
import { createOffsetRunsBuilder } from '#client/lib/offset-runs.ts'
import type { CheckPlan } from './check-plan.ts'
import { createCsvBlobBuilder } from './csv-writer.ts'
import { applyEdits, isEmptyEdits } from './edits.ts'
import type { Edits } from './edits.ts'
import type { FileIssue } from './file-issue.ts'
import type { ParseSettings } from './parse-settings.ts'
import { createPreflight } from './preflight.ts'
import type {
  ExportPlan,
  ExportResult,
  RowProblem,
  ScanAmbiguities,
  ScanProgress,
  ScanResult,
} from './scan-result.ts'
import { createTextDecoder } from './text-decoding.ts'

export interface StreamOptions {
  onProgress?: (progress: ScanProgress) => void
  signal?: AbortSignal
  /** how often progress is reported */
  progressIntervalMs?: number
}

const YIELD_EVERY_MS = 50

/** A file or any byte stream with its size (tests feed chunked streams). */
export type ByteSource = Blob | { stream: ReadableStream<Uint8Array>; size: number }

export interface DataRowSink {
  row(
    cells: string[],
    rowIndex: number,
    lineNumber: number,
    parseProblem: QuoteProblem | undefined,
  ): void
  /** about how many data rows the whole source holds, told once its first rows are read */
  expectRows?(rows: number): void
}

/** rows read before the source's row count is estimated from their bytes */
const ROWS_TO_ESTIMATE = 1_000

/** Bytes read from a File at a time: big enough that per-read costs vanish, small for memory. */
export const READ_BYTES = 1 << 20

/** The source's bytes, a slice at a time (a Blob) or as its stream gives them. */
async function* byteChunks(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Blob) {
    for (let at = 0; at < source.size; at += READ_BYTES) {
      yield new Uint8Array(await source.slice(at, at + READ_BYTES).arrayBuffer())
    }
    return
  }
  const reader = source.stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}

/**
 * Streams a file once: 1 MB slices of bytes → a streaming TextDecoder (multibyte characters
 * split between slices are joined) → the shared record reader (`#shared/csv`, the dialect
 * HubSpot's side reads too) → data rows after the header. Holds one slice and the record being
 * read; reads slices itself rather than piping `Blob.stream()` through decoder streams, which
 * cost a promise hop per 64 KB chunk and stage. Returns the byte count, file-level quote
 * findings and what another reader might read differently.
 */
export async function streamRows(
  source: ByteSource,
  settings: ParseSettings,
  sink: DataRowSink,
  options: StreamOptions,
): Promise<{ bytesRead: number; issues: FileIssue[]; rows: number; ambiguities: ScanAmbiguities }> {
  const totalBytes = source.size
  let bytesRead = 0
  const decoder = createTextDecoder(settings.encoding)

  let recordIndex = 0
  let rowIndex = 0
  const unterminated: number[] = []
  const invalidQuotes: number[] = []
  const ambiguities: ScanAmbiguities = { blankRows: 0, quoteRows: 0 }
  const parser = createCsvRecordReader(
    { delimiter: settings.delimiter },
    {
      record(cells, lineNumber, problem) {
        if (problem === 'UNTERMINATED_QUOTE') unterminated.push(lineNumber)
        else if (problem) {
          ambiguities.quoteRows++
          if (problem === 'INVALID_QUOTES' && invalidQuotes.length < 1_000)
            invalidQuotes.push(lineNumber)
        }
        if (recordIndex++ <= settings.headerRowIndex) return
        sink.row(cells, rowIndex++, lineNumber, problem)
      },
      blank() {
        ambiguities.blankRows++
      },
    },
  )

  const interval = options.progressIntervalMs ?? 100
  let lastProgress = 0
  const report = (force = false) => {
    const now = Date.now()
    if (!options.onProgress || (!force && now - lastProgress < interval)) return
    lastProgress = now
    options.onProgress({ bytesRead, totalBytes, rows: rowIndex })
  }

  let estimated = false
  let lastYield = Date.now()
  // leaving the loop early (cancel, a failed read) closes the source's reader
  for await (const bytes of byteChunks(source)) {
    if (options.signal?.aborted) throw abortError()
    bytesRead += bytes.byteLength
    parser.push(decoder.decode(bytes, { stream: true }))
    if (!estimated && rowIndex >= ROWS_TO_ESTIMATE && bytesRead < totalBytes) {
      estimated = true
      sink.expectRows?.(Math.round((rowIndex * totalBytes) / bytesRead))
    }
    report()
    // parsing a chunk is synchronous: let a queued cancel message in now and then
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      lastYield = Date.now()
    }
  }
  if (options.signal?.aborted) throw abortError()
  parser.push(decoder.decode(new Uint8Array(0)))
  parser.end()
  report(true)

  const issues: FileIssue[] = []
  if (unterminated.length > 0) {
    issues.push({
      code: 'UNTERMINATED_QUOTE',
      severity: 'error',
      message: `A quoted cell starting on line ${unterminated[0]} is never closed, so the rest of the file reads as one cell. Add the missing closing quote (").`,
      lines: unterminated,
    })
  }
  if (invalidQuotes.length > 0) {
    issues.push({
      code: 'INVALID_QUOTES',
      severity: 'warning',
      message: `${invalidQuotes.length} ${invalidQuotes.length === 1 ? 'row has' : 'rows have'} a quote (") inside a quoted cell that is not doubled (first on line ${invalidQuotes[0]}). It is read as part of the cell, and the uploaded copy writes it the standard way ("") so HubSpot reads the same.`,
      lines: invalidQuotes.slice(0, 20),
    })
  }
  return { bytesRead, issues, rows: rowIndex, ambiguities }
}

function abortError(): Error {
  return new DOMException('The scan was cancelled.', 'AbortError')
}

/**
 * The pre-flight scan over the whole file (run in the worker, testable in Node): edits applied,
 * excluded rows skipped, every row checked by `createPreflight`. Memory stays flat.
 */
export async function scanFile(
  source: ByteSource,
  settings: ParseSettings,
  plan: CheckPlan,
  options: StreamOptions & { edits?: Edits } = {},
): Promise<ScanResult> {
  const preflight = createPreflight(plan)
  const edits = options.edits && !isEmptyEdits(options.edits) ? options.edits : undefined
  let excludedRows = 0
  const rowLines = createOffsetRunsBuilder()
  const { bytesRead, issues, ambiguities } = await streamRows(
    source,
    settings,
    {
      row(cells, rowIndex, lineNumber, parseProblem) {
        rowLines.push(lineNumber)
        const row = edits ? applyEdits(cells, rowIndex, edits) : cells
        if (!row) {
          excludedRows++
          return
        }
        const extra: RowProblem[] | undefined =
          parseProblem === 'UNTERMINATED_QUOTE'
            ? [
                {
                  type: 'UNTERMINATED_QUOTE',
                  message:
                    'A quoted cell in this row is never closed; the rest of the file was read into it.',
                },
              ]
            : undefined
        preflight.checkRow(row, rowIndex, lineNumber, extra, row === cells ? undefined : cells)
      },
      expectRows: (rows) => preflight.reserve(rows),
    },
    options,
  )
  const result = preflight.finish()
  const lines = rowLines.finish()
  return {
    ...result,
    excludedRows,
    bytesRead,
    ambiguities,
    ...(lines ? { rowLines: lines } : {}),
    fileIssues: [...issues, ...result.fileIssues],
  }
}

/**
 * Writes the clean CSV HubSpot gets when the original bytes can't be sent: UTF-8 without BOM,
 * commas, RFC 4180 quoting, the header first, rows above it dropped, edits applied, excluded
 * rows and unmapped columns left out. A ragged row is padded or cut to the header's width; the
 * scan reports such rows first.
 */
export async function exportCleanCsv(
  source: ByteSource,
  settings: ParseSettings,
  plan: ExportPlan,
  options: StreamOptions = {},
): Promise<ExportResult> {
  const builder = createCsvBlobBuilder()
  builder.add(plan.headerNames)
  const edits = isEmptyEdits(plan.edits) ? undefined : plan.edits
  const out: string[] = new Array<string>(plan.columnIndexes.length)
  let rows = 0
  const rowLines = createOffsetRunsBuilder()
  const sourceRows = createOffsetRunsBuilder()
  await streamRows(
    source,
    settings,
    {
      row(cells, rowIndex, lineNumber) {
        const row = edits ? applyEdits(cells, rowIndex, edits) : cells
        if (!row) return
        rowLines.push(lineNumber)
        sourceRows.push(rowIndex)
        for (let i = 0; i < plan.columnIndexes.length; i++)
          out[i] = row[plan.columnIndexes[i]!] ?? ''
        builder.add(out)
        rows++
      },
    },
    options,
  )
  const blob = builder.finish()
  const lines = rowLines.finish()
  const from = sourceRows.finish()
  return {
    blob,
    rows,
    bytes: blob.size,
    ...(lines ? { rowLines: lines } : {}),
    ...(from ? { sourceRows: from } : {}),
  }
}
