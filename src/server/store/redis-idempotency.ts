/**
 * Idempotency records in Redis, so a repeat that reaches another replica finds the first create.
 * Same states and rules as the memory records (idempotency.ts); every change is one Lua script,
 * so two replicas can never both claim a key.
 *
 * - A claim is a `pending` record naming its holder (a random token) with a lease. The holder
 *   renews the lease while it works; pin and finish only take effect for the holder named in the
 *   record (fencing: a holder that lost the key cannot overwrite its successor's record).
 * - A repeat that finds the key held waits (polling) for the holder's outcome; it never sends.
 * - A lease that ran out means the holder vanished mid-create (its process died): whether HubSpot
 *   got the file is unknown, so the next claim gets the key as pinned, with the claim time as the
 *   attempt's start, and looks for the import in HubSpot's list before sending anything. The
 *   vanished holder's file hash is unknown, so a found import is replayed to that repeat with the
 *   repeat's own file hash.
 * - Redis failing: a claim fails with 503 before anything is sent; a pin or finish that fails
 *   leaves the record `pending` until its lease runs out, which then reads as above.
 */
import { createHash, randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Redis } from 'ioredis'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { ProxyError } from '../errors.ts'
import type {
  Claim,
  IdempotencyRecord,
  IdempotencyRecords,
  PinnedAttempt,
  StoredResult,
} from '../imports/create/idempotency.ts'
import { describeError, type Logger } from '../logger.ts'
import { luaScript } from './redis-connection.ts'

const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

/**
 * ARGV: fingerprint, holder, leaseMs, ttlMs, importRequest JSON. Nested values (pinned, result) stay JSON strings:
 * Lua's cjson would turn an empty array into an object.
 */
const claim = luaScript(`${NOW}
local raw = redis.call('GET', KEYS[1])
local function hold(pinned)
  local record = { state = 'pending', fingerprint = ARGV[1], holder = ARGV[2],
    leaseUntil = now + tonumber(ARGV[3]), claimedAt = now, pinned = pinned, importRequest = ARGV[5] }
  redis.call('SET', KEYS[1], cjson.encode(record), 'PX', tonumber(ARGV[4]))
end
if not raw then hold(nil) return cjson.encode({ kind = 'claimed' }) end
local record = cjson.decode(raw)
if record.fingerprint ~= ARGV[1] then return cjson.encode({ kind = 'conflict' }) end
if record.state == 'done' then
  return cjson.encode({ kind = 'done', contentHash = record.contentHash, result = record.result })
end
if record.state == 'pinned' then
  hold(record.pinned)
  return cjson.encode({ kind = 'claimed', pinned = record.pinned })
end
if record.leaseUntil > now then return cjson.encode({ kind = 'busy' }) end
-- the holder vanished: its outcome is unknown, and its claim time bounds when it sent
hold(record.pinned)
return cjson.encode({ kind = 'claimed', pinned = record.pinned, vanished = true,
  claimedAt = record.claimedAt, importRequest = record.importRequest })`)

/** ARGV: holder, leaseMs */
const renew = luaScript(`${NOW}
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.state ~= 'pending' or record.holder ~= ARGV[1] then return 0 end
record.leaseUntil = now + tonumber(ARGV[2])
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1`)

/** ARGV: holder, ttlMs, next state ('done' | 'pinned' | 'free'), pinned JSON, contentHash, result JSON */
const settle = luaScript(`local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.state ~= 'pending' or record.holder ~= ARGV[1] then return 0 end
local ttl = tonumber(ARGV[2])
if ARGV[3] == 'done' then
  redis.call('SET', KEYS[1], cjson.encode({ state = 'done', fingerprint = record.fingerprint,
    contentHash = ARGV[5], result = ARGV[6] }), 'PX', ttl)
elseif ARGV[3] == 'pinned' then
  redis.call('SET', KEYS[1], cjson.encode({ state = 'pinned', fingerprint = record.fingerprint,
    pinned = ARGV[4] }), 'PX', ttl)
elseif record.pinned then
  redis.call('SET', KEYS[1], cjson.encode({ state = 'pinned', fingerprint = record.fingerprint,
    pinned = record.pinned }), 'PX', ttl)
else
  redis.call('DEL', KEYS[1])
end
return 1`)

export interface RedisIdempotencyOptions {
  redis: Redis
  namespace: string
  logger: Logger
  ttlMs?: number
  /** how long a claim stays valid without renewal; the holder renews at a third of it */
  leaseMs?: number
  /** how often a waiting repeat reads the record again */
  pollMs?: number
  /** how long a holder keeps trying to write its outcome while Redis fails, and how often */
  settleRetryMs?: number
  settleRetryDelayMs?: number
}

interface StoredClaim {
  kind: Claim['kind']
  pinned?: string
  contentHash?: string
  result?: string
  vanished?: boolean
  claimedAt?: number
  importRequest?: string
}

export function createRedisIdempotencyRecords({
  redis,
  namespace,
  logger,
  ttlMs = 24 * 60 * 60 * 1000,
  leaseMs = 60_000,
  pollMs = 50,
  settleRetryMs = 10 * 60_000,
  settleRetryDelayMs = 500,
}: RedisIdempotencyOptions): IdempotencyRecords {
  /** keys this replica holds: the token that fences them, the pin it was handed, the renewal */
  const held = new Map<
    string,
    { holder: string; pinned?: PinnedAttempt; renewal: NodeJS.Timeout }
  >()
  // the scoped key holds the user's name: only its hash goes to Redis
  const recordKey = (key: string) =>
    `${namespace}idempotency:${createHash('sha256').update(key).digest('hex')}`

  const unavailable = (error: unknown) => {
    logger.error('Redis unavailable: creates with an Idempotency-Key are refused', {
      ...describeError(error),
    })
    return new ProxyError(
      503,
      'PROXY_BUSY',
      'The proxy cannot reach its shared store, so it cannot make sure this import is created only once. Nothing was sent; try again shortly.',
      {},
      { 'Retry-After': '5' },
    )
  }

  const release = (key: string) => {
    const entry = held.get(key)
    if (entry) clearInterval(entry.renewal)
    held.delete(key)
    return entry
  }

  /**
   * Writes the holder's outcome. Should Redis fail, the holder keeps its lease renewed and writes
   * the outcome once Redis answers again (for up to `settleRetryMs`), so a repeat finds it.
   */
  const settleAs = async (key: string, next: 'done' | 'pinned' | 'free', values: string[]) => {
    const entry = held.get(key)
    if (!entry) return
    const write = () => settle(redis, [recordKey(key)], [entry.holder, ttlMs, next, ...values])
    try {
      await write()
      release(key)
    } catch (error) {
      const giveUpAt = Date.now() + settleRetryMs
      const retry = () => {
        write().then(
          () => {
            release(key)
            logger.warn('Idempotency-Key outcome written after Redis came back')
          },
          () => {
            if (Date.now() < giveUpAt) setTimeout(retry, settleRetryDelayMs).unref()
            else release(key)
          },
        )
      }
      setTimeout(retry, settleRetryDelayMs).unref()
      throw error
    }
  }

  return {
    async claim(key, fingerprint, importRequest) {
      const holder = randomUUID()
      let stored: StoredClaim
      try {
        stored = JSON.parse(
          (await claim(
            redis,
            [recordKey(key)],
            [fingerprint, holder, leaseMs, ttlMs, JSON.stringify(importRequest ?? null)],
          )) as string,
        ) as StoredClaim
      } catch (error) {
        throw unavailable(error)
      }
      switch (stored.kind) {
        case 'conflict':
        case 'busy':
          return { kind: stored.kind }
        case 'done':
          return {
            kind: 'done',
            contentHash: stored.contentHash!,
            result: decodeResult(stored.result!),
          }
        case 'claimed': {
          const pinned = stored.pinned
            ? (JSON.parse(stored.pinned) as PinnedAttempt)
            : stored.vanished
              ? vanishedAttempt(stored, importRequest)
              : undefined
          if (stored.vanished) {
            logger.warn('an Idempotency-Key holder vanished mid-create: looking for its import')
          }
          const renewal = setInterval(() => {
            renew(redis, [recordKey(key)], [holder, leaseMs]).catch((error: unknown) =>
              logger.warn('Idempotency-Key lease not renewed', { ...describeError(error) }),
            )
          }, leaseMs / 3)
          renewal.unref()
          held.set(key, { holder, renewal, ...(pinned ? { pinned } : {}) })
          return { kind: 'claimed', ...(pinned ? { pinned } : {}) }
        }
      }
    },
    async pin(key, attempt) {
      const earlier = held.get(key)?.pinned
      // the earliest attempt bounds the search: a later one cannot have made an older import
      const pinned = earlier ? { ...attempt, sentAt: earlier.sentAt } : attempt
      await settleAs(key, 'pinned', [JSON.stringify(pinned), '', ''])
    },
    async finish(key, done) {
      if (done) await settleAs(key, 'done', ['', done.contentHash, encodeResult(done.result)])
      else await settleAs(key, 'free', ['', '', ''])
    },
    async lookup(key) {
      const raw = await redis.get(recordKey(key))
      if (raw === null) return undefined
      return toRecord(
        JSON.parse(raw) as Record<string, unknown>,
        Date.now() + (await redis.pttl(recordKey(key))),
      )
    },
    async changed(_key, signal) {
      await sleep(pollMs, undefined, { signal }).catch(() => {})
    },
  }
}

/** What a retry looks for after a holder vanished: an import made since its claim. */
function vanishedAttempt(
  stored: StoredClaim,
  importRequest: ImportRequest | undefined,
): PinnedAttempt | undefined {
  const sent = stored.importRequest
    ? (JSON.parse(stored.importRequest) as ImportRequest | null)
    : null
  const request = sent ?? importRequest
  return request ? { sentAt: stored.claimedAt ?? 0, importRequest: request } : undefined
}

function toRecord(raw: Record<string, unknown>, expires: number): IdempotencyRecord {
  const fingerprint = raw.fingerprint as string
  const pinned =
    typeof raw.pinned === 'string' ? (JSON.parse(raw.pinned) as PinnedAttempt) : undefined
  if (raw.state === 'done')
    return {
      state: 'done',
      fingerprint,
      contentHash: raw.contentHash as string,
      result: decodeResult(raw.result as string),
      expires,
    }
  if (raw.state === 'pinned') return { state: 'pinned', fingerprint, pinned: pinned!, expires }
  return { state: 'pending', fingerprint, ...(pinned ? { pinned } : {}) }
}

function encodeResult(result: StoredResult): string {
  return JSON.stringify({ ...result, body: result.body.toString('base64') })
}

function decodeResult(stored: string): StoredResult {
  const parsed = JSON.parse(stored) as Omit<StoredResult, 'body'> & { body: string }
  return { ...parsed, body: Buffer.from(parsed.body, 'base64') }
}
