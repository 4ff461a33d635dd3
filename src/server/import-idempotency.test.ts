import { describe, expect, it } from 'vitest'
import type { ImportRequest } from '#shared/hubspot/import-request.ts'
import { createIdempotencyStore } from './idempotency.ts'
import {
  beginIdempotentCreate,
  idempotencyScope,
  replayed,
  requestFingerprint,
} from './import-idempotency.ts'
import { contactsImportRequest } from './test-helpers.ts'

const request = contactsImportRequest('a.csv', ['email']) as ImportRequest
const live = () => new AbortController().signal

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

describe('beginIdempotentCreate', () => {
  it.each([
    ['no key', undefined, 'none'],
    ['a key', 'abc-123', 'lease'],
    ['an empty key', '', 'refused'],
    ['a key with a space', 'a b', 'refused'],
    ['a key too long', 'k'.repeat(256), 'refused'],
    ['a key of 255', 'k'.repeat(255), 'lease'],
  ])('%s → %s', async (_case, key, expected) => {
    const store = createIdempotencyStore()
    const begun = await beginIdempotentCreate(store, key, 'ann', request, live()).then(
      (result) => (result === undefined ? 'none' : 'lease' in result ? 'lease' : 'replay'),
      () => 'refused',
    )
    expect(begun).toBe(expected)
  })

  it('replays a finished create for the same user, key and request only', async () => {
    const store = createIdempotencyStore()
    const first = await beginIdempotentCreate(store, 'k', 'ann', request, live())
    const answer = { status: 200, body: Buffer.from('{}'), headers: {} }
    if (first && 'lease' in first) first.lease.finish(answer)
    expect(await beginIdempotentCreate(store, 'k', 'ann', request, live())).toEqual({
      replay: answer,
    })
    expect(await beginIdempotentCreate(store, 'k', 'bob', request, live())).toHaveProperty('lease')
    await expect(
      beginIdempotentCreate(store, 'k', 'ann', { ...request, name: 'other' }, live()),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('a repeat that gives up while waiting frees the key it is handed later', async () => {
    const store = createIdempotencyStore()
    const first = await beginIdempotentCreate(store, 'k', 'ann', request, live())
    const controller = new AbortController()
    const waiting = beginIdempotentCreate(store, 'k', 'ann', request, controller.signal)
    controller.abort(new Error('gone'))
    await expect(waiting).rejects.toThrow('gone')
    if (first && 'lease' in first) first.lease.finish(undefined)
    await new Promise((resolve) => setImmediate(resolve))
    expect(store.size()).toBe(0)
  })
})
