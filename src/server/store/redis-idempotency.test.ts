/**
 * Idempotency records in a real redis-server; each records instance has its own connection and
 * stands for one replica. The rules are the memory records' (import-idempotency.test.ts), here
 * across replicas, plus what only a shared store has: leases, fencing, Redis failing.
 */
import type { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { IdempotencyRecords, PinnedAttempt } from '../imports/create/idempotency.ts'
import { idempotencyScope, startIdempotentCreate } from '../imports/create/import-idempotency.ts'
import { createLogger } from '../logger.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { connectRedis, DEFAULT_REDIS_SETTINGS, tokenNamespace } from './redis-connection.ts'
import { createRedisIdempotencyRecords } from './redis-idempotency.ts'
import { startTestRedis, type TestRedis } from './test-redis.ts'
import { waitFor } from '../test-helpers.ts'

const request = contactsImportRequest('a.csv', ['email'])
const live = () => new AbortController().signal
const answer = { status: 200, body: Buffer.from('{"id":"1"}'), headers: { 'content-type': 'x' } }
const attempt: PinnedAttempt = { sentAt: 1_000, importRequest: request, contentHash: 'h1' }

let redisServer: TestRedis
const connections: Redis[] = []

beforeAll(async () => {
  redisServer = await startTestRedis()
})
afterEach(async () => {
  for (const redis of connections.splice(0)) redis.disconnect()
  await redisServer.restart()
})
afterAll(async () => {
  await redisServer?.stop()
})

async function replica(options: { leaseMs?: number } = {}) {
  const redis = await connectRedis({
    ...DEFAULT_REDIS_SETTINGS,
    url: redisServer.url,
    commandTimeoutMs: 200,
  })
  redis.on('error', () => {})
  connections.push(redis)
  const records = createRedisIdempotencyRecords({
    redis,
    namespace: tokenNamespace('test', 'pat-na1-shared'),
    logger: createLogger({ level: 'silent' }),
    pollMs: 10,
    ...options,
  })
  return { records, redis }
}

const start = (records: IdempotencyRecords, user = 'ann', importRequest = request) =>
  startIdempotentCreate(records, 'k', user, importRequest, live())

/** Commands Redis has run so far, INFO itself left out: shows a waiting replica asking again. */
async function commandsRun(redis: Redis): Promise<number> {
  const stats = await redis.info('commandstats')
  let calls = 0
  for (const [, name, count] of stats.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)) {
    if (name !== 'info') calls += Number(count)
  }
  return calls
}

/** The one idempotency record, as stored. */
async function storedRecord(redis: Redis): Promise<{ leaseUntil: number; claimedAt: number }> {
  const [key] = await redis.keys('*idempotency:*')
  return JSON.parse((await redis.get(key ?? '')) ?? '{}') as {
    leaseUntil: number
    claimedAt: number
  }
}

describe('two replicas, one key', () => {
  it('a finished create is replayed by the other replica, to the same user and request only', async () => {
    const [a, b] = [(await replica()).records, (await replica()).records]
    const first = await start(a)
    if (first.kind === 'held') await first.hold.finish(answer, 'h1')
    expect(await start(b)).toEqual({ kind: 'done', result: answer, contentHash: 'h1' })
    expect(await start(b, 'bob')).toHaveProperty('kind', 'held')
    await expect(start(b, 'ann', { ...request, name: 'other' })).rejects.toMatchObject({
      status: 409,
    })
  })

  it('a repeat on the other replica waits while the first holds the key, then gets its outcome', async () => {
    const [a, b] = [(await replica()).records, (await replica()).records]
    const first = await start(a)
    let settled = false
    const before = await commandsRun(connections[0]!)
    const second = start(b).finally(() => (settled = true))
    // b has asked several times and been told the key is held
    await waitFor(async () => (await commandsRun(connections[0]!)) >= before + 5)
    expect(settled).toBe(false)
    if (first.kind === 'held') await first.hold.finish(answer, 'h1')
    expect(await second).toMatchObject({ kind: 'done', contentHash: 'h1' })
  })

  it('two claims at the same moment: exactly one holds the key', async () => {
    const [a, b] = [(await replica()).records, (await replica()).records]
    const claims = await Promise.all([a.claim('k', 'f', request), b.claim('k', 'f', request)])
    expect(claims.map((claim) => claim.kind).sort()).toEqual(['busy', 'claimed'])
  })

  it('a pin is handed to the next holder, keeps the first start, and a failed retry puts it back', async () => {
    const [a, b] = [(await replica()).records, (await replica()).records]
    const first = await start(a)
    if (first.kind === 'held') await first.hold.pin(attempt)
    const retry = await start(b)
    expect(retry).toMatchObject({ kind: 'held', pinned: attempt })
    const another = start(a)
    if (retry.kind === 'held') await retry.hold.pin({ ...attempt, sentAt: 9_000 })
    expect(await another).toMatchObject({ kind: 'held', pinned: { sentAt: 1_000 } })
    expect(await b.lookup(idempotencyScope('ann', 'k'))).toMatchObject({
      state: 'pending',
      pinned: { sentAt: 1_000 },
    })
  })

  it('a holder that vanished leaves the key pinned: the next one looks for its import first', async () => {
    const a = await replica({ leaseMs: 300 })
    const b = (await replica()).records
    const before = Date.now()
    const first = await start(a.records)
    expect(first.kind).toBe('held')
    // a's process "dies": no more renewals reach Redis
    a.redis.disconnect()
    expect(await b.claim(idempotencyScope('ann', 'k'), 'x', request)).toEqual({ kind: 'conflict' })
    const retry = await start(b)
    expect(retry).toMatchObject({ kind: 'held', pinned: { importRequest: request } })
    if (retry.kind !== 'held') return
    expect(retry.pinned?.contentHash).toBeUndefined()
    expect(retry.pinned?.sentAt).toBeGreaterThanOrEqual(before - 50)
    // a's late finish, once it is back, is fenced off: the key is no longer its own
    await a.redis.connect()
    if (first.kind === 'held') await first.hold.finish(answer, 'late')
    expect((await b.lookup(idempotencyScope('ann', 'k')))?.state).toBe('pending')
  })

  it('a holder that lives on renews its lease: nobody else takes the key', async () => {
    const a = (await replica({ leaseMs: 150 })).records
    const b = (await replica()).records
    const first = await start(a)
    const second = start(b)
    // a has held the key for four leases by renewing it, while b kept asking
    await waitFor(async () => {
      const record = await storedRecord(connections[0]!)
      return record.leaseUntil - record.claimedAt >= 4 * 150
    })
    if (first.kind === 'held') await first.hold.finish(answer, 'h1')
    expect(await second).toMatchObject({ kind: 'done' })
  })
})

describe('when Redis fails', () => {
  it('a claim is refused with 503 at once: nothing may be sent without the record', async () => {
    const { records } = await replica()
    await redisServer.kill()
    const started = Date.now()
    await expect(start(records)).rejects.toMatchObject({ status: 503 })
    expect(Date.now() - started).toBeLessThan(300)
  })

  it('a stalled Redis refuses within the command timeout', async () => {
    const { records } = await replica()
    redisServer.freeze()
    try {
      const started = Date.now()
      await expect(start(records)).rejects.toMatchObject({ status: 503 })
      expect(Date.now() - started).toBeLessThan(1_000)
    } finally {
      redisServer.thaw()
    }
  })
})
