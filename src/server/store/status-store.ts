/**
 * Where one import's status is shared between pollers: in this process (status-cache.ts), or in
 * Redis so every replica shares it. Reading through it is import-status.ts's job.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { UpstreamResponse } from '../errors.ts'
import { describeError, type Logger } from '../logger.ts'
import { createStatusCache, TERMINAL_STATUS_TTL_MS } from '../imports/status-cache.ts'
import { luaScript } from './redis-connection.ts'

export interface StatusStore {
  /** the shared answer for `key` while it is fresh */
  get(key: string): Promise<UpstreamResponse | undefined>
  /** shares an answer whose upstream call was sent at `sentAt` (see status-cache.ts) */
  set(
    key: string,
    importId: string,
    response: UpstreamResponse,
    sentAt: number,
    terminal: boolean,
  ): Promise<void>
  forgetImport(importId: string): Promise<void>
  /**
   * The right to make the one upstream call for `key` now; undefined when another replica holds
   * it, and its answer will appear through get().
   */
  claimFetch(key: string): Promise<{ release(): void } | undefined>
}

const ALWAYS = { release() {} }

/** One process: the status cache as before; a process has no one to share a fetch with. */
export function createMemoryStatusStore(ttlMs: number): StatusStore {
  const cache = createStatusCache({ ttlMs })
  return {
    get: (key) => Promise.resolve(cache.get(key)),
    set: (key, importId, response, sentAt, terminal) =>
      Promise.resolve(cache.set(key, importId, response, sentAt, terminal)),
    forgetImport: (importId) => Promise.resolve(cache.forgetImport(importId)),
    claimFetch: () => Promise.resolve(ALWAYS),
  }
}

const releaseLock = luaScript(
  `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`,
)
const forget =
  luaScript(`for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', key) end
return redis.call('DEL', KEYS[1])`)

export interface RedisStatusStoreOptions {
  redis: Redis
  namespace: string
  ttlMs: number
  /** how long one replica may hold the right to fetch (longer than one GET with its retries) */
  lockMs: number
  logger: Logger
}

/**
 * Statuses in Redis, each living `ttlMs` from its call's send time, like the memory cache. While
 * Redis fails, reads miss, claims are granted (each replica fetches for itself) and the memory
 * cache still shares answers within this replica: GETs keep working, at one call per replica.
 */
export function createRedisStatusStore({
  redis,
  namespace,
  ttlMs,
  lockMs,
  logger,
}: RedisStatusStoreOptions): StatusStore {
  const local = createMemoryStatusStore(ttlMs)
  const digest = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32)
  const valueKey = (key: string) => `${namespace}status:${digest(key)}`
  const lockKey = (key: string) => `${namespace}status-lock:${digest(key)}`
  const indexKey = (importId: string) => `${namespace}status-of:${importId}`
  let failing = false
  const failed = (operation: string, error: unknown) => {
    if (!failing) {
      failing = true
      logger.error('Redis unavailable: import statuses are shared within this replica only', {
        operation,
        ...describeError(error),
      })
    }
  }
  const succeeded = () => {
    if (failing) logger.warn('Redis is back: import statuses are shared again')
    failing = false
  }

  return {
    async get(key) {
      try {
        const stored = await redis.get(valueKey(key))
        succeeded()
        return stored === null ? undefined : decode(stored)
      } catch (error) {
        failed('status get', error)
        return local.get(key)
      }
    },
    async set(key, importId, response, sentAt, terminal) {
      await local.set(key, importId, response, sentAt, terminal)
      const ttl = terminal ? Math.max(ttlMs, TERMINAL_STATUS_TTL_MS) : ttlMs
      const remaining = sentAt + ttl - Date.now()
      if (ttl <= 0 || remaining <= 0) return
      try {
        await redis
          .multi()
          .set(valueKey(key), encode(response), 'PX', remaining)
          .sadd(indexKey(importId), valueKey(key))
          .pexpire(indexKey(importId), Math.max(ttl, remaining))
          .exec()
      } catch (error) {
        failed('status set', error)
      }
    },
    async forgetImport(importId) {
      await local.forgetImport(importId)
      try {
        await forget(redis, [indexKey(importId)], [])
      } catch (error) {
        failed('status forget', error)
      }
    },
    async claimFetch(key) {
      if (ttlMs <= 0) return ALWAYS
      const token = randomUUID()
      try {
        const claimed = await redis.set(lockKey(key), token, 'PX', lockMs, 'NX')
        succeeded()
        if (claimed !== 'OK') return undefined
      } catch (error) {
        failed('status claim', error)
        return ALWAYS
      }
      return {
        release() {
          releaseLock(redis, [lockKey(key)], [token]).catch((error: unknown) =>
            failed('status release', error),
          )
        },
      }
    },
  }
}

function encode(response: UpstreamResponse): string {
  return JSON.stringify({
    status: response.status,
    headers: response.headers,
    body: response.body.toString('base64'),
  })
}

function decode(stored: string): UpstreamResponse {
  const parsed = JSON.parse(stored) as {
    status: number
    headers: UpstreamResponse['headers']
    body: string
  }
  return {
    status: parsed.status,
    headers: parsed.headers,
    body: Buffer.from(parsed.body, 'base64'),
  }
}
