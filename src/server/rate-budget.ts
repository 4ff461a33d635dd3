// The in-process rolling-window budget that keeps upstream calls under HubSpot's rate limit
import { ProxyError } from './errors.ts'
import { createWaitQueue } from './wait-queue.ts'

export interface RateBudgetOptions {
  /** HubSpot's allowance per interval for this token (HUBSPOT_RATE_LIMIT) */
  limit: number
  intervalMs?: number
  /** waiting requests beyond this are refused at once */
  maxQueue?: number
  /** how long a request may wait for a slot before it fails with 503 */
  queueTimeoutMs?: number
  now?: () => number
}

/**
 * A granted place in the window. It counts from the moment it is granted, and is dated when the
 * request actually leaves (`sent`); a request that never left gives its place back (`unused`).
 */
export interface RateSlot {
  sent(): void
  unused(): void
}

export interface RateBudget {
  /** resolves when a request may go upstream; rejects with a 503 ProxyError when the wait is too long */
  acquire(signal?: AbortSignal): Promise<RateSlot>
  /** holds every request back, e.g. after a 429 or a `Remaining: 0` header */
  pauseFor(ms: number): void
  readonly capacity: number
  /** inWindow: sent within the interval plus granted but not yet sent */
  stats(): { inWindow: number; queued: number; unsent: number }
  close(): void
}

/** Places per interval: a margin below HubSpot's limit (see createRateBudget). */
export function budgetCapacity(limit: number): number {
  return Math.max(1, limit - Math.max(1, Math.ceil(limit * 0.1)))
}

/** The 503 for a request that cannot get a place in time. */
export function budgetBusy(message: string, intervalMs: number): ProxyError {
  return new ProxyError(
    503,
    'PROXY_BUSY',
    message,
    {},
    { 'Retry-After': String(Math.ceil(intervalMs / 1000)) },
  )
}

/** The callers waiting for a place in a budget, refused with a 503 when too many or too long. */
export function budgetQueue(maxQueue: number, queueTimeoutMs: number, intervalMs: number) {
  return createWaitQueue<RateSlot>({
    maxQueue,
    timeoutMs: queueTimeoutMs,
    full: () =>
      budgetBusy(
        'Too many requests are waiting for the HubSpot rate limit. Try again shortly.',
        intervalMs,
      ),
    timedOut: () =>
      budgetBusy('Timed out waiting for the HubSpot rate limit. Try again shortly.', intervalMs),
  })
}

/**
 * One rolling-window budget for every upstream call made with the token, shared by all browser
 * sessions: requests queue for a slot instead of earning a 429. A margin is kept below HubSpot's
 * limit because other tools may share the app's allowance and clocks differ slightly.
 *
 * HubSpot counts a request when it arrives, and a granted request may leave later (it waits for a
 * socket of the agent), so the window holds send times, and a slot granted but not yet sent is
 * counted as taken until it is dated. Then no window of `intervalMs` ever holds more than
 * `capacity` sends: when the last of them was granted, all the others were already sent within
 * the window or still waiting to be sent, and the grant needed room for all of them.
 */
export function createRateBudget({
  limit,
  intervalMs = 10_000,
  maxQueue = 500,
  queueTimeoutMs = 30_000,
  now = Date.now,
}: RateBudgetOptions): RateBudget {
  const capacity = budgetCapacity(limit)
  /** send times within the interval, oldest first */
  const sent: number[] = []
  let unsent = 0
  const busy = (message: string) => budgetBusy(message, intervalMs)
  const queue = budgetQueue(maxQueue, queueTimeoutMs, intervalMs)
  let pausedUntil = 0
  let timer: NodeJS.Timeout | undefined

  const prune = (time: number) => {
    while (sent.length && (sent[0] ?? 0) <= time - intervalMs) sent.shift()
  }

  const newSlot = (): RateSlot => {
    let open = true
    const close = () => {
      if (!open) return false
      open = false
      unsent--
      return true
    }
    return {
      sent() {
        if (!close()) return
        sent.push(now())
        // with every place unsent no timer runs: this send decides when a place frees
        if (queue.length && !timer) pump()
      },
      unused() {
        if (close()) pump()
      },
    }
  }

  const pump = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    const time = now()
    prune(time)
    while (queue.length && sent.length + unsent < capacity && time >= pausedUntil) {
      unsent++
      queue.shift()!.resolve(newSlot())
    }
    if (!queue.length) return
    if (time < pausedUntil) {
      timer = setTimeout(pump, pausedUntil - time)
      return
    }
    // full: the oldest send leaves the window then; if all places are unsent, a send or an
    // unused slot pumps again (the send only dates a place, it frees one an interval later)
    const oldest = sent[0]
    if (oldest !== undefined) timer = setTimeout(pump, Math.max(1, oldest + intervalMs - time))
  }

  return {
    capacity,
    acquire(signal) {
      return queue.wait(signal, pump)
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms)
      if (queue.length) pump()
    },
    stats() {
      prune(now())
      return { inWindow: sent.length + unsent, queued: queue.length, unsent }
    },
    close() {
      if (timer) clearTimeout(timer)
      for (const waiter of queue.takeAll()) waiter.reject(busy('The proxy is shutting down.'))
    },
  }
}
