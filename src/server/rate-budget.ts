import { ProxyError } from './errors.ts'

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

export interface RateBudget {
  /** resolves when a request may go upstream; rejects with a 503 ProxyError when the wait is too long */
  acquire(signal?: AbortSignal): Promise<void>
  /** holds every request back, e.g. after a 429 or a `Remaining: 0` header */
  pauseFor(ms: number): void
  readonly capacity: number
  stats(): { inWindow: number; queued: number }
  close(): void
}

interface Waiter {
  resolve: () => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
  onAbort?: () => void
  signal?: AbortSignal
}

/**
 * One rolling-window budget for every upstream call made with the token, shared by all browser
 * sessions: requests queue for a slot instead of earning a 429. A margin is kept below HubSpot's
 * limit because other tools may share the app's allowance and clocks differ slightly.
 */
export function createRateBudget({
  limit,
  intervalMs = 10_000,
  maxQueue = 500,
  queueTimeoutMs = 30_000,
  now = Date.now,
}: RateBudgetOptions): RateBudget {
  const capacity = Math.max(1, limit - Math.max(1, Math.ceil(limit * 0.1)))
  const granted: number[] = []
  const queue: Waiter[] = []
  let pausedUntil = 0
  let timer: NodeJS.Timeout | undefined

  const prune = (time: number) => {
    while (granted.length && (granted[0] ?? 0) <= time - intervalMs) granted.shift()
  }

  const pump = () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    const time = now()
    prune(time)
    while (queue.length && granted.length < capacity && time >= pausedUntil) {
      const waiter = queue.shift()!
      settle(waiter)
      granted.push(time)
      waiter.resolve()
    }
    if (!queue.length) return
    const nextSlot = granted.length >= capacity ? (granted[0] ?? time) + intervalMs : time
    timer = setTimeout(pump, Math.max(1, Math.max(nextSlot, pausedUntil) - time))
  }

  const settle = (waiter: Waiter) => {
    clearTimeout(waiter.timer)
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort)
  }

  const busy = (message: string) =>
    new ProxyError(
      503,
      'PROXY_BUSY',
      message,
      {},
      { 'Retry-After': String(Math.ceil(intervalMs / 1000)) },
    )

  return {
    capacity,
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      if (queue.length >= maxQueue) {
        return Promise.reject(
          busy('Too many requests are waiting for the HubSpot rate limit. Try again shortly.'),
        )
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          reject,
          timer: setTimeout(() => {
            queue.splice(queue.indexOf(waiter), 1)
            settle(waiter)
            reject(busy('Timed out waiting for the HubSpot rate limit. Try again shortly.'))
          }, queueTimeoutMs),
        }
        if (signal) {
          waiter.signal = signal
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter)
            if (index >= 0) queue.splice(index, 1)
            settle(waiter)
            reject(signal.reason as Error)
          }
          signal.addEventListener('abort', waiter.onAbort, { once: true })
        }
        queue.push(waiter)
        pump()
      })
    },
    pauseFor(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms)
      if (queue.length) pump()
    },
    stats() {
      prune(now())
      return { inWindow: granted.length, queued: queue.length }
    },
    close() {
      if (timer) clearTimeout(timer)
      for (const waiter of queue.splice(0)) {
        settle(waiter)
        waiter.reject(busy('The proxy is shutting down.'))
      }
    },
  }
}
