// Retry-After advice: daily reset, burst and server-error waits, telling 429 kinds apart
import { describe, expect, it } from 'vitest'
import {
  burstRetryAfterSeconds,
  dailyReset,
  isTimeZone,
  nextMidnight,
  parseRetryAfter,
  rateLimitKind,
  serverErrorRetryAfterSeconds,
} from './rate-limit-advice.ts'

const at = (iso: string) => Date.parse(iso)

describe('nextMidnight', () => {
  it.each([
    ['UTC', '2026-03-10T12:00:00Z', '2026-03-11T00:00:00.000Z'],
    ['UTC', '2026-03-10T00:00:00Z', '2026-03-11T00:00:00.000Z'],
    ['UTC', '2026-12-31T23:59:59Z', '2027-01-01T00:00:00.000Z'],
    ['Europe/Berlin', '2026-01-15T22:30:00Z', '2026-01-15T23:00:00.000Z'],
    ['Europe/Berlin', '2026-01-15T23:30:00Z', '2026-01-16T23:00:00.000Z'],
    ['America/New_York', '2026-07-04T03:00:00Z', '2026-07-04T04:00:00.000Z'],
    ['Pacific/Auckland', '2026-06-01T00:00:00Z', '2026-06-01T12:00:00.000Z'],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z', '2026-06-01T18:30:00.000Z'],
    // the day daylight saving starts (Berlin: 02:00 → 03:00 on 29 March 2026) is 23 h long
    ['Europe/Berlin', '2026-03-28T23:30:00Z', '2026-03-29T22:00:00.000Z'],
    // and the day it ends (25 October 2026) 25 h
    ['Europe/Berlin', '2026-10-24T22:30:00Z', '2026-10-25T23:00:00.000Z'],
  ])('%s, %s → %s', (zone, now, expected) => {
    expect(new Date(nextMidnight(at(now), zone)).toISOString()).toBe(expected)
  })
})

describe('dailyReset', () => {
  it.each([
    ['UTC', '2026-03-10T12:00:00Z', 43_200, 'in about 12 h 0 min.'],
    ['UTC', '2026-03-10T23:15:30Z', 2_670, 'in about 45 min.'],
    ['Europe/Berlin', '2026-01-15T22:59:50Z', 10, 'in about 1 min.'],
  ])('%s at %s → Retry-After %i, %s', (zone, now, seconds, words) => {
    const reset = dailyReset(at(now), zone)
    expect(reset.retryAfterSeconds).toBe(seconds)
    expect(reset.hint).toBe(`HubSpot resets the daily API limit at midnight (${zone}), ${words}`)
    expect(Date.parse(reset.resetsAt) - at(now)).toBe(seconds * 1000)
  })
})

describe('burstRetryAfterSeconds', () => {
  const now = at('2026-03-10T12:00:00Z')
  it.each<[string, 'ROLLING' | 'SECONDLY', string | undefined, number]>([
    ['no header, rolling window', 'ROLLING', undefined, 10],
    ['no header, per second', 'SECONDLY', undefined, 1],
    ['seconds', 'ROLLING', '3', 3],
    ['zero → the policy window', 'ROLLING', '0', 10],
    ['garbage → the policy window', 'ROLLING', 'abc', 10],
    ['negative → the policy window', 'ROLLING', '-5', 10],
    ['a day → at most a minute', 'ROLLING', '86400', 60],
    ['an HTTP date 7 s ahead', 'ROLLING', new Date(now + 7_000).toUTCString(), 7],
    ['a past HTTP date → the policy window', 'SECONDLY', new Date(now - 7_000).toUTCString(), 1],
    ['half a second → one', 'SECONDLY', new Date(now + 500).toUTCString(), 1],
  ])('%s', (_case, kind, header, expected) => {
    expect(burstRetryAfterSeconds(kind, header, now)).toBe(expected)
  })
})

describe('serverErrorRetryAfterSeconds', () => {
  it.each([
    [undefined, 5],
    ['2', 2],
    ['0', 5],
    ['junk', 5],
    ['3600', 60],
  ])('Retry-After %j → %i s', (header, expected) => {
    expect(serverErrorRetryAfterSeconds(header, 0)).toBe(expected)
  })
})

describe('rateLimitKind and parseRetryAfter', () => {
  it.each([
    [{ message: 'x', policyName: 'DAILY' }, 'DAILY'],
    [{ message: 'x', policyName: 'TEN_SECONDLY_ROLLING' }, 'ROLLING'],
    [{ message: 'x', policyName: 'SECONDLY' }, 'SECONDLY'],
    [{ message: 'You have reached your secondly limit.' }, 'SECONDLY'],
    [{ message: 'x' }, 'ROLLING'],
    [undefined, 'ROLLING'],
  ])('%j → %s', (body, kind) => {
    expect(rateLimitKind(body)).toBe(kind)
  })

  it.each([
    ['5', 5_000],
    [' 5 ', 5_000],
    ['', undefined],
    ['soon', undefined],
    ['-1', undefined],
  ])('Retry-After %j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, 0)).toBe(ms)
  })

  it.each([
    ['UTC', true],
    ['Europe/Berlin', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isTimeZone(%j) → %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known)
  })
})
