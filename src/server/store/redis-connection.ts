/**
 * The one Redis connection a replica holds, and the key namespace every shared record lives in.
 * Every command is bounded: no offline queue (a command while disconnected fails at once),
 * no replay of commands cut by a lost connection, and a per-command timeout. A caller that
 * gets an error treats Redis as unavailable for that one operation (see README.md here).
 */
import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'

export interface RedisSettings {
  url: string
  /** the longest one command may take before it counts as a failure */
  commandTimeoutMs: number
  /** how long the first connection may take at start before the proxy gives up */
  connectTimeoutMs: number
  /** first part of every key, so several tools can share one Redis */
  keyPrefix: string
}

export const DEFAULT_REDIS_SETTINGS = {
  commandTimeoutMs: 1_000,
  connectTimeoutMs: 10_000,
  keyPrefix: 'hubspot-import',
} as const

/**
 * `prefix:{hash}:` with a hash of the token, never the token: replicas with the same token share
 * records, another portal's token gets its own. The braces make every key of one token a Redis
 * Cluster hash tag, so the multi-key scripts stay on one node.
 */
export function tokenNamespace(prefix: string, accessToken: string): string {
  const hash = createHash('sha256')
    .update(`hubspot-import-tool\n${accessToken}`)
    .digest('hex')
    .slice(0, 24)
  return `${prefix}:{${hash}}:`
}

/** The URL without its password, for logs and error messages. */
export function redactedRedisUrl(url: string): string {
  if (!URL.canParse(url)) return '(unparsable REDIS_URL)'
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.href
}

/**
 * Connects and resolves once Redis answers PING, retrying a refused connection until
 * `connectTimeoutMs` (a compose file may start Redis and the proxy together). Rejects with a
 * message naming the URL (password hidden) and the last error.
 */
export async function connectRedis(settings: RedisSettings): Promise<Redis> {
  const redis = new Redis(settings.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: Math.min(settings.connectTimeoutMs, 5_000),
    // reconnect forever in the background, at most every 2 s: an outage ends by itself
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  })
  let lastError: Error | undefined
  const onError = (error: Error) => (lastError = error)
  redis.on('error', onError)
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', ready)
        reject(
          new Error(
            `Redis at ${redactedRedisUrl(settings.url)} did not answer within ` +
              `${settings.connectTimeoutMs / 1000} s${lastError ? ` (${lastError.message})` : ''}.`,
          ),
        )
      }, settings.connectTimeoutMs)
      const ready = () => {
        clearTimeout(timer)
        resolve()
      }
      redis.once('ready', ready)
      redis.connect().catch((error: unknown) => (lastError = error as Error))
    })
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    throw error
  } finally {
    redis.off('error', onError)
  }
  return redis
}

/**
 * Runs a Lua script by its SHA, loading it on the first NOSCRIPT (a restarted Redis forgot it).
 */
export function luaScript(source: string) {
  const sha = createHash('sha1').update(source).digest('hex')
  return async (redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args)
    } catch (error) {
      if (!(error as Error).message.startsWith('NOSCRIPT')) throw error
      return redis.eval(source, keys.length, ...keys, ...args)
    }
  }
}
