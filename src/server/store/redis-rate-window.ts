/**
 * The rate budget's window in Redis, shared by every replica using one token. Each operation is
 * one Lua script, so a grant is atomic across replicas: no two replicas can both see the last
 * free place. Times come from Redis' own clock (TIME), so replicas whose clocks differ still
 * agree on the window.
 *
 * Two sorted sets of places: `pending` (granted, not yet sent; scored by when the grant lapses,
 * should its replica die before sending) and `sent` (scored by send time, dropped once older than
 * the interval). A window holds at most `capacity` places of both kinds together: the same rule
 * as the in-memory budget (rate-budget.ts), which counts a place from its grant and dates it at
 * its send.
 */
import type { Redis } from 'ioredis'
import { luaScript } from './redis-connection.ts'

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

/**
 * ARGV: capacity, interval, pendingTtl, want, member prefix, carried (sends made without the
 * shared window, counted as sent now).
 * → { places granted, ms until the oldest send leaves the window (-1: unknown), places in use }
 */
const take = luaScript(`${NOW}
local capacity, interval, pendingTtl, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
for i = 1, tonumber(ARGV[6]) do redis.call('ZADD', KEYS[1], now, ARGV[5] .. 'carried:' .. i) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - interval)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local used = redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2])
local paused = tonumber(redis.call('GET', KEYS[3]) or '0')
if paused > now then return { 0, paused - now, used } end
local granted = math.max(0, math.min(want, capacity - used))
for i = 1, granted do redis.call('ZADD', KEYS[2], now + pendingTtl, ARGV[5] .. i) end
if granted > 0 then redis.call('PEXPIRE', KEYS[2], pendingTtl) end
used = used + granted
if granted == want then return { granted, 0, used } end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then return { granted, math.max(1, tonumber(oldest[2]) + interval - now), used } end
return { granted, -1, used }`)

const markSent = luaScript(`${NOW}
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1`)

const pause = luaScript(`${NOW}
local until_ = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > current then redis.call('SET', KEYS[1], until_, 'PX', tonumber(ARGV[1])) end
return 1`)

export interface TakeResult {
  granted: number
  /** ms until a place may free up; undefined when every place is granted but not yet sent */
  retryInMs: number | undefined
  inWindow: number
}

export interface RedisRateWindowOptions {
  redis: Redis
  /** tokenNamespace(): the window is per token */
  namespace: string
  capacity: number
  intervalMs: number
  /** a granted place not sent by then no longer counts (its replica died between grant and send) */
  pendingTtlMs?: number
}

export function createRedisRateWindow({
  redis,
  namespace,
  capacity,
  intervalMs,
  pendingTtlMs = 60_000,
}: RedisRateWindowOptions) {
  const keys = {
    sent: `${namespace}rate:sent`,
    pending: `${namespace}rate:pending`,
    paused: `${namespace}rate:paused`,
  }
  return {
    /** Grants up to `want` places, named `${memberPrefix}1`…`${memberPrefix}${granted}`. */
    async take(want: number, memberPrefix: string, carried = 0): Promise<TakeResult> {
      const [granted, wait, inWindow] = (await take(
        redis,
        [keys.sent, keys.pending, keys.paused],
        [capacity, intervalMs, pendingTtlMs, want, memberPrefix, carried],
      )) as [number, number, number]
      return { granted, retryInMs: wait < 0 ? undefined : wait, inWindow }
    },
    /** whether the connection is up: a command now fails on a stall, not at once */
    connected: () => redis.status === 'ready',
    /** The place's request left now: it counts for one interval from here. */
    async sent(member: string): Promise<void> {
      await markSent(redis, [keys.sent, keys.pending], [member, intervalMs * 2])
    },
    /** The place's request never left: the place is free again. */
    async unused(member: string): Promise<void> {
      await redis.zrem(keys.pending, member)
    },
    /** Holds every replica back (a 429 or `Remaining: 0` seen by any of them). */
    async pauseFor(ms: number): Promise<void> {
      await pause(redis, [keys.paused], [Math.max(1, Math.round(ms))])
    },
  }
}

export type RedisRateWindow = ReturnType<typeof createRedisRateWindow>
