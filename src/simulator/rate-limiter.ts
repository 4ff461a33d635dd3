// HubSpot's request limits: a rolling window per app and a daily counter per account
import type { RateLimitPolicy } from './hubspot-errors.ts'

export interface RateLimitConfig {
  /** requests per rolling interval, per app (Free/Starter 100 per 10 s) */
  maxPerInterval: number
  intervalMs: number
  /** requests per day for the whole account (Free/Starter 250,000) */
  dailyLimit: number
}

export interface RateDecision {
  /** the policy that refused the request, if any */
  refusedBy?: RateLimitPolicy
  headers: Record<string, string>
}

/**
 * HubSpot's two request limits: a rolling window per app and a daily counter
 * per account. Refused requests are not counted, so a client that backs off for one interval
 * gets through again — HubSpot answers "429 for all subsequent calls until the window passes".
 * The daily counter resets at UTC midnight (HubSpot: the account's time zone, which we don't have).
 */
export function createRateLimiter(config: () => RateLimitConfig, now: () => number = Date.now) {
  const windows = new Map<number, number[]>()
  let day = utcDay(now())
  let dailyUsed = 0

  function take(appId: number): RateDecision {
    const { maxPerInterval, intervalMs, dailyLimit } = config()
    const time = now()
    if (utcDay(time) !== day) {
      day = utcDay(time)
      dailyUsed = 0
    }
    const window = (windows.get(appId) ?? []).filter((t) => t > time - intervalMs)
    windows.set(appId, window)

    const refusedBy: RateLimitPolicy | undefined =
      dailyUsed >= dailyLimit
        ? 'DAILY'
        : window.length >= maxPerInterval
          ? 'TEN_SECONDLY_ROLLING'
          : undefined
    if (!refusedBy) {
      window.push(time)
      dailyUsed++
    }
    return {
      ...(refusedBy ? { refusedBy } : {}),
      headers: {
        'X-HubSpot-RateLimit-Max': String(maxPerInterval),
        'X-HubSpot-RateLimit-Remaining': String(Math.max(0, maxPerInterval - window.length)),
        'X-HubSpot-RateLimit-Interval-Milliseconds': String(intervalMs),
        'X-HubSpot-RateLimit-Daily': String(dailyLimit),
        'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyLimit - dailyUsed)),
      },
    }
  }

  function reset(): void {
    windows.clear()
    dailyUsed = 0
  }

  return { take, reset }
}

function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}
