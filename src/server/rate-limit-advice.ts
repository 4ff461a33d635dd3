/**
 * What the browser is told about a HubSpot rate limit: a Retry-After it can count down, and for
 * the daily limit, when it resets. HubSpot resets the daily count at midnight in the account's
 * time zone, which the API does not tell us: HUBSPOT_TIME_ZONE says it (default UTC).
 */
import type { HubSpotErrorBody } from '#shared/hubspot/error-body.ts'

/** Retry-After in seconds or as an HTTP date, in ms; nonsense (negative, unparsable) is undefined. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  // an HTTP date starts with the day's name; Date.parse alone would read "-1" as a year
  if (!/^[A-Za-z]{3,9}, /.test(value.trim())) return undefined
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** HubSpot's per-second limit (search-style endpoints) names itself only in its message. */
export const SECONDLY_MESSAGE = 'You have reached your secondly limit.'

export type RateLimitKind = 'DAILY' | 'SECONDLY' | 'ROLLING'

export function rateLimitKind(body: HubSpotErrorBody | undefined): RateLimitKind {
  if (body?.policyName === 'DAILY') return 'DAILY'
  if (body?.policyName === 'SECONDLY' || body?.message === SECONDLY_MESSAGE) return 'SECONDLY'
  return 'ROLLING'
}

/** Without a usable Retry-After: the window the policy names (10 s rolling, 1 s secondly). */
const POLICY_WAIT_MS: Record<Exclude<RateLimitKind, 'DAILY'>, number> = {
  ROLLING: 10_000,
  SECONDLY: 1_000,
}

/**
 * Seconds the browser should wait after a short-window 429: HubSpot's Retry-After when it is
 * sane, else the policy's window; always 1–60 s (a day-long Retry-After on a burst limit is a
 * mistake, and zero would invite a hammering retry).
 */
export function burstRetryAfterSeconds(
  kind: Exclude<RateLimitKind, 'DAILY'>,
  retryAfterHeader: string | undefined,
  now = Date.now(),
): number {
  const waited = parseRetryAfter(retryAfterHeader, now)
  const ms = waited !== undefined && waited > 0 ? waited : POLICY_WAIT_MS[kind]
  return Math.min(60, Math.max(1, Math.ceil(ms / 1000)))
}

/** Seconds the browser should wait after HubSpot's 5xx: its Retry-After when sane, else 5; 1–60. */
export function serverErrorRetryAfterSeconds(
  retryAfterHeader: string | undefined,
  now = Date.now(),
): number {
  const waited = parseRetryAfter(retryAfterHeader, now)
  const ms = waited !== undefined && waited > 0 ? waited : 5_000
  return Math.min(60, Math.max(1, Math.ceil(ms / 1000)))
}

/** The instant of the next local midnight in `timeZone` after `now`. */
export function nextMidnight(now: number, timeZone: string): number {
  const local = localParts(now, timeZone)
  const midnightAsUtc = Date.UTC(local.year, local.month - 1, local.day + 1)
  // the zone's offset can differ at midnight (daylight saving): correct with the offset there
  let guess = midnightAsUtc - offsetAt(now, timeZone)
  guess = midnightAsUtc - offsetAt(guess, timeZone)
  return guess > now ? guess : guess + 24 * 3600_000
}

export interface DailyReset {
  resetsAt: string
  retryAfterSeconds: number
  hint: string
}

export function dailyReset(now: number, timeZone: string): DailyReset {
  const at = nextMidnight(now, timeZone)
  const minutes = Math.max(1, Math.round((at - now) / 60_000))
  const inWords =
    minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`
  return {
    resetsAt: new Date(at).toISOString(),
    retryAfterSeconds: Math.ceil((at - now) / 1000),
    hint: `HubSpot resets the daily API limit at midnight (${timeZone}), in about ${inWords}.`,
  }
}

/** Whether `timeZone` is an IANA name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

function localParts(time: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(time)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0)
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  }
}

/** How far the zone's wall clock is ahead of UTC at `time`, in ms. */
function offsetAt(time: number, timeZone: string): number {
  const p = localParts(time, timeZone)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - (time - (((time % 1000) + 1000) % 1000))
}
