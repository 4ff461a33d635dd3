// Finding in HubSpot's import list the import an unknown-outcome create may have made
import { describe, expect, it } from 'vitest'
import type { UpstreamResponse } from '../../errors.ts'
import type { PinnedAttempt } from './idempotency.ts'
import { containsRequest, findAttemptImport, madeByAttempt } from './reconcile-import.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'

const request = contactsImportRequest('a.csv', ['email'])
const SENT = Date.parse('2026-01-01T10:00:00Z')
const attempt: PinnedAttempt = { sentAt: SENT, importRequest: request, contentHash: 'h' }
const at = (offsetMs: number) => new Date(SENT + offsetMs).toISOString()
const window = { now: SENT + 60_000, clockSkewMs: 5_000 }

describe('containsRequest', () => {
  it.each([
    ['equal', { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, true],
    ['a default added by HubSpot', { a: 1, dateFormat: 'X' }, { a: 1 }, true],
    ['a changed value', { a: 2 }, { a: 1 }, false],
    ['a missing key', {}, { a: 1 }, false],
    ['an array of another length', { b: [1, 2, 3] }, { b: [1, 2] }, false],
    ['an object for an array', { b: { 0: 1 } }, { b: [1] }, false],
    ['null for an object', null, { a: 1 }, false],
  ])('%s → %s', (_case, echoed, sent, expected) => {
    expect(containsRequest(echoed, sent)).toBe(expected)
  })
})

describe('madeByAttempt', () => {
  it.each([
    [
      'the echoed request, just after sending',
      { createdAt: at(500), importRequestJson: request },
      true,
    ],
    [
      'the echo as a JSON string',
      { createdAt: at(500), importRequestJson: JSON.stringify(request) },
      true,
    ],
    [
      'the echo with a default added',
      { createdAt: at(500), importRequestJson: { ...request, dateFormat: 'DAY_MONTH_YEAR' } },
      true,
    ],
    [
      'another request',
      { createdAt: at(500), importRequestJson: { ...request, name: 'x' } },
      false,
    ],
    ['no echo, the same name', { createdAt: at(500), importName: request.name }, true],
    ['no echo, another name', { createdAt: at(500), importName: 'x' }, false],
    [
      'within the clock skew before sending',
      { createdAt: at(-4_000), importRequestJson: request },
      true,
    ],
    ['before the attempt', { createdAt: at(-6_000), importRequestJson: request }, false],
    ['after now', { createdAt: at(66_000), importRequestJson: request }, false],
    ['no createdAt', { importRequestJson: request }, false],
  ])('%s → %s', (_case, candidate, expected) => {
    expect(madeByAttempt(candidate, attempt, window)).toBe(expected)
  })
})

describe('findAttemptImport', () => {
  const page = (results: unknown[], after?: string): UpstreamResponse => ({
    status: 200,
    headers: {},
    body: Buffer.from(
      JSON.stringify({ results, ...(after ? { paging: { next: { after } } } : {}) }),
    ),
  })
  const options = { now: () => SENT + 60_000, clockSkewMs: 5_000, maxPages: 3 }

  it('reads every page and returns the earliest match as the create’s answer', async () => {
    const pages: Record<string, UpstreamResponse> = {
      first: page([{ id: '3', createdAt: at(9_000), importRequestJson: request }], 'p2'),
      p2: page([
        { id: '2', createdAt: at(1_000), importRequestJson: request },
        { id: '1', createdAt: at(-60_000), importRequestJson: request },
      ]),
    }
    const found = await findAttemptImport(
      async (after) => pages[after ?? 'first']!,
      attempt,
      options,
    )
    expect(found?.status).toBe(200)
    expect(JSON.parse(found!.body.toString())).toMatchObject({ id: '2' })
  })

  it('stops after maxPages and says none', async () => {
    let calls = 0
    const found = await findAttemptImport(async () => (calls++, page([], 'more')), attempt, options)
    expect(found).toBeUndefined()
    expect(calls).toBe(3)
  })

  it.each([
    [
      'a 503 with Retry-After',
      { status: 503, headers: { 'retry-after': '7' }, body: Buffer.from('{}') },
      '7',
    ],
    ['a 200 that is not a list', { status: 200, headers: {}, body: Buffer.from('<html>') }, '5'],
  ])(
    'cannot read the list (%s): 503 OUTCOME_UNKNOWN, still checking',
    async (_case, response, retryAfter) => {
      await expect(findAttemptImport(async () => response, attempt, options)).rejects.toMatchObject(
        {
          status: 503,
          category: 'OUTCOME_UNKNOWN',
          headers: { 'Retry-After': retryAfter },
        },
      )
    },
  )
})
