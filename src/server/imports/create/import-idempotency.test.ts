// Idempotency-Key handling of creates: scope, fingerprint, replay, pins and memory records
import { describe, expect, it } from 'vitest'
import { createMemoryIdempotencyRecords, type PinnedAttempt } from './idempotency.ts'
import {
  idempotencyScope,
  replayed,
  requestFingerprint,
  startIdempotentCreate,
} from './import-idempotency.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'

const request = contactsImportRequest('a.csv', ['email'])
const live = () => new AbortController().signal
const answer = { status: 200, body: Buffer.from('{"id":"1"}'), headers: {} }
const attempt: PinnedAttempt = { sentAt: 1_000, importRequest: request, contentHash: 'h1' }

describe('idempotencyScope and requestFingerprint', () => {
  it.each([
    [idempotencyScope('ann', 'k'), idempotencyScope('bob', 'k'), false],
    [idempotencyScope(undefined, 'k'), idempotencyScope('', 'k'), true],
    [requestFingerprint(request), requestFingerprint({ ...request }), true],
    [requestFingerprint(request), requestFingerprint({ ...request, name: 'other' }), false],
  ])('%#: %s vs %s same: %s', (a, b, same) => {
    expect(a === b).toBe(same)
  })
})

describe('replayed', () => {
  it('marks the stored answer as a replay', () => {
    const stored = { status: 200, body: Buffer.from('{}'), headers: { 'content-type': 'x' } }
    expect(replayed(stored)).toEqual({
      ...stored,
      headers: { 'content-type': 'x', 'idempotent-replayed': 'true' },
    })
    expect(stored.headers).toEqual({ 'content-type': 'x' })
  })
})

describe('startIdempotentCreate', () => {
  it.each([
    ['no key', undefined, 'no-key'],
    ['a key', 'abc-123', 'held'],
    ['an empty key', '', 'refused'],
    ['a key with a space', 'a b', 'refused'],
    ['a key too long', 'k'.repeat(256), 'refused'],
    ['a key of 255', 'k'.repeat(255), 'held'],
  ])('%s → %s', async (_case, key, expected) => {
    const records = createMemoryIdempotencyRecords()
    const started = await startIdempotentCreate(records, key, 'ann', request, live()).then(
      (result) => result.kind,
      () => 'refused',
    )
    expect(started).toBe(expected)
  })

  it('hands a finished create, with its content hash, to the same user, key and request only', async () => {
    const records = createMemoryIdempotencyRecords()
    const first = await startIdempotentCreate(records, 'k', 'ann', request, live())
    if (first.kind === 'held') await first.hold.finish(answer, 'h1')
    expect(await startIdempotentCreate(records, 'k', 'ann', request, live())).toEqual({
      kind: 'done',
      result: answer,
      contentHash: 'h1',
    })
    expect(await startIdempotentCreate(records, 'k', 'bob', request, live())).toHaveProperty(
      'kind',
      'held',
    )
    await expect(
      startIdempotentCreate(records, 'k', 'ann', { ...request, name: 'other' }, live()),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('a repeat waits while the first holds the key, and gets its outcome', async () => {
    const records = createMemoryIdempotencyRecords()
    const first = await startIdempotentCreate(records, 'k', 'ann', request, live())
    const second = startIdempotentCreate(records, 'k', 'ann', request, live())
    if (first.kind === 'held') await first.hold.finish(answer, 'h1')
    expect(await second).toMatchObject({ kind: 'done', contentHash: 'h1' })
  })

  it('a repeat that gives up while waiting does not take the key', async () => {
    const records = createMemoryIdempotencyRecords()
    const first = await startIdempotentCreate(records, 'k', 'ann', request, live())
    const controller = new AbortController()
    const waiting = startIdempotentCreate(records, 'k', 'ann', request, controller.signal)
    controller.abort(new Error('gone'))
    await expect(waiting).rejects.toThrow('gone')
    if (first.kind === 'held') await first.hold.release()
    expect(records.size()).toBe(0)
  })

  it('an unknown outcome pins the key: the next create holds it with the pin, and a failed retry puts the pin back', async () => {
    const records = createMemoryIdempotencyRecords()
    const first = await startIdempotentCreate(records, 'k', 'ann', request, live())
    if (first.kind === 'held') await first.hold.pin(attempt)
    const retry = await startIdempotentCreate(records, 'k', 'ann', request, live())
    expect(retry).toMatchObject({ kind: 'held', pinned: attempt })
    // a second retry meanwhile waits: two retries never both send
    const another = startIdempotentCreate(records, 'k', 'ann', request, live())
    if (retry.kind === 'held') await retry.hold.release()
    expect(await another).toMatchObject({ kind: 'held', pinned: attempt })
  })

  it('a pin that is pinned again keeps the first attempt’s start, which bounds the search', async () => {
    const records = createMemoryIdempotencyRecords()
    const first = await startIdempotentCreate(records, 'k', 'ann', request, live())
    if (first.kind === 'held') await first.hold.pin(attempt)
    const retry = await startIdempotentCreate(records, 'k', 'ann', request, live())
    if (retry.kind === 'held') await retry.hold.pin({ ...attempt, sentAt: 9_000 })
    expect(await records.lookup(idempotencyScope('ann', 'k'))).toMatchObject({
      state: 'pinned',
      pinned: { sentAt: 1_000 },
    })
  })
})

describe('memory records', () => {
  it('expire after the time to live, pins included', async () => {
    let time = 0
    const records = createMemoryIdempotencyRecords({ ttlMs: 100, now: () => time })
    await records.claim('done', 'f')
    await records.finish('done', { result: answer, contentHash: 'h' })
    await records.claim('pinned', 'f')
    await records.pin('pinned', attempt)
    time = 99
    expect((await records.lookup('done'))?.state).toBe('done')
    expect((await records.lookup('pinned'))?.state).toBe('pinned')
    time = 100
    expect(await records.lookup('done')).toBeUndefined()
    expect(await records.claim('pinned', 'f')).toEqual({ kind: 'claimed' })
  })

  it('keep at most maxEntries, dropping the oldest settled ones and never a held key', async () => {
    const records = createMemoryIdempotencyRecords({ maxEntries: 2 })
    await records.claim('held', 'f')
    for (const key of ['a', 'b', 'c']) {
      await records.claim(key, 'f')
      await records.finish(key, { result: answer, contentHash: 'h' })
    }
    expect(records.size()).toBe(2)
    expect((await records.lookup('held'))?.state).toBe('pending')
    expect(await records.lookup('c')).toBeDefined()
  })
})
