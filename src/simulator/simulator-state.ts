// A simulator's state shared by its routes: settings, limits, stores, scheduler, tokens
import type { IMPORT_LIMITS } from '#shared/api-paths.ts'
import type { CrmStoreLike, PropertyCatalogueLike } from './engine/types.ts'
import type { FaultQueue } from './faults.ts'
import type { ImportScheduler } from './import-scheduler.ts'
import type { createRateLimiter } from './rate-limiter.ts'
import type { RequestLog } from './request-log.ts'
import type { TokenRegistry } from './tokens.ts'

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number }

/** What tests and `/__simulator/config` may change at run time. */
export interface SimulatorSettings {
  /** engine throttle for imports started from now on; 0 = as fast as possible */
  rowsPerSecond: number
  /** nothing is admitted: new imports stay STARTED */
  paused: boolean
  /** admitted imports wait in PROCESSING until this is turned off */
  holdProcessing: boolean
  /**
   * drop zero-valued counters from import responses, as HubSpot's own examples seem to (SILENT);
   * off by default so the engine's counters pass through unchanged
   */
  omitZeroCounters: boolean
  /** requests per rolling interval, per app */
  rateLimit: number
  rateLimitIntervalMs: number
  /** requests per UTC day, whole account */
  dailyLimit: number
  /** HubSpot's latency: every answer on its paths waits this long after the rate limit (ms) */
  responseDelayMs: number
}

/** Everything one simulator instance holds; routes get it passed in, nothing lives at module level. */
export interface SimulatorState {
  settings: SimulatorSettings
  limits: ImportLimits
  catalogue: PropertyCatalogueLike
  store: CrmStoreLike
  scheduler: ImportScheduler
  tokens: TokenRegistry
  rateLimiter: ReturnType<typeof createRateLimiter>
  faults: FaultQueue
  requestLog: RequestLog
  /** where uploaded files are kept */
  dataDir: string
  nextFileId: () => number
  /** applies changed settings (wakes the scheduler) */
  configure: (changes: Partial<SimulatorSettings>) => void
  reset: () => Promise<void>
}
