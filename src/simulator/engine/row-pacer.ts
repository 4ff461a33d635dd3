/**
 * Pacing of row processing: unthrottled imports yield to the event loop now and then so the
 * HTTP server keeps answering polls; throttled ones (to watch progress in a UI) sleep to keep to
 * rowsPerSecond. Either way progress is reported once a batch.
 */
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises'

/** Rows between event-loop yields when unthrottled: keeps the HTTP server answering polls. */
export const UNTHROTTLED_BATCH_ROWS = 2_000
/** Throttled imports report progress this often. */
const THROTTLE_TICKS_PER_SECOND = 20

/** Whether rowsPerSecond throttles (0 and Infinity do not), and the rows between pauses. */
export function pacingFor(rowsPerSecond: number): { throttled: boolean; batchRows: number } {
  const throttled = rowsPerSecond > 0 && Number.isFinite(rowsPerSecond)
  return {
    throttled,
    batchRows: throttled
      ? Math.max(1, Math.round(rowsPerSecond / THROTTLE_TICKS_PER_SECOND))
      : UNTHROTTLED_BATCH_ROWS,
  }
}

export class RowPacer {
  private readonly rowsPerSecond: number
  private readonly signal: AbortSignal
  private readonly onBatch: () => void
  private readonly throttled: boolean
  private readonly batchRows: number
  private rowsSinceYield = 0
  private startedAt = 0

  constructor(rowsPerSecond: number, signal: AbortSignal, onBatch: () => void) {
    this.rowsPerSecond = rowsPerSecond
    this.signal = signal
    this.onBatch = onBatch
    const pacing = pacingFor(rowsPerSecond)
    this.throttled = pacing.throttled
    this.batchRows = pacing.batchRows
  }

  /** The clock throttling keeps to starts with the first row, not with planning. */
  start(): void {
    this.startedAt = Date.now()
  }

  /** Called after each row; `rowsDone` counts the import's rows so far. */
  async pace(rowsDone: number): Promise<void> {
    this.rowsSinceYield += 1
    if (this.rowsSinceYield < this.batchRows) return
    this.rowsSinceYield = 0
    this.onBatch()
    if (!this.throttled) {
      await yieldToEventLoop()
      return
    }
    const due = this.startedAt + (rowsDone * 1000) / this.rowsPerSecond
    const wait = due - Date.now()
    if (wait > 0) await sleep(wait, undefined, { signal: this.signal }).catch(() => undefined)
    else await yieldToEventLoop()
  }
}
