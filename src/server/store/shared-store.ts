/**
 * The proxy's shared state behind one interface: the rate budget, the import status cache and
 * the Idempotency-Key records. In memory by default (one replica, `npm start` needs nothing);
 * in Redis when REDIS_URL is set, so every replica with the same token shares them. See
 * README.md in this folder for what is shared and how failures are handled.
 */
import type { Redis } from 'ioredis'
import {
  createMemoryIdempotencyRecords,
  type IdempotencyRecords,
} from '../imports/create/idempotency.ts'
import type { Logger } from '../logger.ts'
import {
  budgetCapacity,
  createRateBudget,
  type RateBudget,
  type RateBudgetOptions,
} from '../rate-budget.ts'
import {
  connectRedis,
  DEFAULT_REDIS_SETTINGS,
  redactedRedisUrl,
  tokenNamespace,
  type RedisSettings,
} from './redis-connection.ts'
import { createRedisIdempotencyRecords } from './redis-idempotency.ts'
import { createRedisRateWindow } from './redis-rate-window.ts'
import { createSharedRateBudget } from './shared-rate-budget.ts'
import {
  createMemoryStatusStore,
  createRedisStatusStore,
  type StatusStore,
} from './status-store.ts'

export interface SharedStore {
  readonly kind: 'memory' | 'redis'
  rateBudget(options: RateBudgetOptions): RateBudget
  /** `lockMs`: the longest one status fetch may take, retries included */
  statusStore(options: { ttlMs: number; lockMs: number }): StatusStore
  idempotency(): IdempotencyRecords
  /** for /readyz: rejects when the store cannot be used now */
  check(): Promise<void>
  close(): Promise<void>
}

export function createMemoryStore(): SharedStore {
  return {
    kind: 'memory',
    rateBudget: (options) => createRateBudget(options),
    statusStore: ({ ttlMs }) => createMemoryStatusStore(ttlMs),
    idempotency: () => createMemoryIdempotencyRecords(),
    check: () => Promise.resolve(),
    close: () => Promise.resolve(),
  }
}

export interface RedisStoreOptions {
  redis: Redis
  /** tokenNamespace(prefix, token) */
  namespace: string
  /** replicas sharing the token: while Redis is unreachable each keeps to 1/replicas of the limit */
  replicas: number
  logger: Logger
}

export function createRedisStore({
  redis,
  namespace,
  replicas,
  logger,
}: RedisStoreOptions): SharedStore {
  return {
    kind: 'redis',
    rateBudget: (options) => {
      const intervalMs = options.intervalMs ?? 10_000
      return createSharedRateBudget({
        ...options,
        window: createRedisRateWindow({
          redis,
          namespace,
          capacity: budgetCapacity(options.limit),
          intervalMs,
        }),
        fallbackLimit: Math.max(1, Math.floor(options.limit / replicas)),
        logger,
      })
    },
    statusStore: ({ ttlMs, lockMs }) =>
      createRedisStatusStore({ redis, namespace, ttlMs, lockMs, logger }),
    idempotency: () => createRedisIdempotencyRecords({ redis, namespace, logger }),
    async check() {
      await redis.ping()
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}

export interface StoreSettings extends Partial<Omit<RedisSettings, 'url'>> {
  /** unset: the in-memory store */
  redisUrl?: string
  replicas?: number
}

/**
 * The store the settings ask for. With REDIS_URL set and Redis unreachable this rejects: a
 * replica that quietly kept its state to itself would spend the rate limit twice over and could
 * create an import twice, which is what Redis was configured to prevent.
 */
export async function openSharedStore(
  settings: StoreSettings,
  accessToken: string,
  logger: Logger,
): Promise<SharedStore> {
  if (!settings.redisUrl) return createMemoryStore()
  const redisSettings: RedisSettings = {
    ...DEFAULT_REDIS_SETTINGS,
    ...settings,
    url: settings.redisUrl,
  }
  const redis = await connectRedis(redisSettings)
  // errors are reported by the operation that meets them; this only keeps them off stderr
  redis.on('error', () => {})
  logger.info('shared state in Redis', { redis: redactedRedisUrl(settings.redisUrl) })
  return createRedisStore({
    redis,
    namespace: tokenNamespace(redisSettings.keyPrefix, accessToken),
    replicas: settings.replicas ?? 2,
    logger,
  })
}
