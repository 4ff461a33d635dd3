// The create path's error helpers: upload errors, too-large, outcome unknown, passed headers
import type { IncomingHttpHeaders } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  errorResult,
  importIdOf,
  outcomeUnknown,
  passedHeaders,
  tooLarge,
  uploadError,
} from './create-import-errors.ts'
import { ProxyError } from '../../errors.ts'

const errno = (code?: string) => Object.assign(new Error('x'), code ? { code } : {})

describe('uploadError', () => {
  it.each([
    ['a timeout after the file', errno('UPSTREAM_TIMEOUT'), true, 504, 'OUTCOME_UNKNOWN'],
    ['a timeout before the end', errno('UPSTREAM_TIMEOUT'), false, 504, 'OUTCOME_UNKNOWN'],
    ['a reset after the whole file', errno('ECONNRESET'), true, 502, 'OUTCOME_UNKNOWN'],
    ['a refused connection', errno('ECONNREFUSED'), false, 503, 'UPSTREAM_UNAVAILABLE'],
    ['an unknown host', errno('ENOTFOUND'), false, 503, 'UPSTREAM_UNAVAILABLE'],
    ['a DNS hiccup', errno('EAI_AGAIN'), false, 503, 'UPSTREAM_UNAVAILABLE'],
    ['a reset mid-upload', errno('ECONNRESET'), false, 502, 'UPSTREAM_CONNECTION_RESET'],
    ['an error without a code', errno(), false, 502, 'UPSTREAM_CONNECTION_RESET'],
  ])('%s → %i %s', (_case, error, bodyComplete, status, category) => {
    const mapped = uploadError(error, bodyComplete)
    expect([mapped.status, mapped.category]).toEqual([status, category])
  })
})

describe('tooLarge and outcomeUnknown', () => {
  it.each([
    [tooLarge(512 * 1024 * 1024), 413, 'PAYLOAD_TOO_LARGE', /larger than 512 MB/, {}],
    [tooLarge(20 * 1024 * 1024), 413, 'PAYLOAD_TOO_LARGE', /larger than 20 MB/, {}],
    [outcomeUnknown(503, 'c-1'), 502, 'OUTCOME_UNKNOWN', /answered 503/, { correlationId: 'c-1' }],
    [outcomeUnknown(500, undefined), 502, 'OUTCOME_UNKNOWN', /answered 500/, {}],
  ])('%#', (error, status, category, message, extra) => {
    expect(error).toMatchObject({ status, category, extra })
    expect(error.message).toMatch(message)
  })
})

describe('tooLarge names the cap in a unit that reads well, below 1 MB too', () => {
  it.each([
    [512 * 1024 * 1024, '512 MB'],
    [64 * 1024, '64 KB'],
    [1000, '1000 bytes'],
  ])('%i bytes → "larger than %s"', (maxFileBytes, size) => {
    expect(tooLarge(maxFileBytes).message).toBe(
      `The file is larger than ${size}, HubSpot's limit for one import file.`,
    )
  })
})

describe('passedHeaders', () => {
  it.each([
    [{ 'content-type': 'application/json' }, { 'content-type': 'application/json' }],
    [{ 'retry-after': ['2', '3'] }, { 'retry-after': '2' }],
    [
      { 'x-hubspot-ratelimit-remaining': '9', 'x-hubspot-correlation-id': 'c' },
      { 'x-hubspot-ratelimit-remaining': '9', 'x-hubspot-correlation-id': 'c' },
    ],
    [{ 'set-cookie': ['a=b'], server: 'x', 'x-hubspot-other': 'y' }, {}],
  ] as [IncomingHttpHeaders, Record<string, string>][])('%j → %j', (headers, passed) => {
    expect(passedHeaders({ status: 200, headers, body: Buffer.alloc(0) })).toEqual(passed)
  })
})

describe('errorResult', () => {
  const error = new ProxyError(429, 'RATE_LIMIT', 'slow down', {}, { 'x-own': '1' }).toResponse()
  it.each([
    [{}, { 'x-own': '1' }],
    [
      { 'retry-after': '2', 'x-hubspot-correlation-id': 'c', 'x-hubspot-ratelimit-max': '100' },
      {
        'x-own': '1',
        'retry-after': '2',
        'x-hubspot-correlation-id': 'c',
        'x-hubspot-ratelimit-max': '100',
      },
    ],
    [{ 'retry-after': '', 'content-type': 'text/html' }, { 'x-own': '1' }],
  ])('upstream headers %j', (headers, extra) => {
    const result = errorResult(error, headers)
    expect(result.status).toBe(429)
    expect(result.headers).toEqual({ ...extra, 'content-type': 'application/json' })
    expect(JSON.parse(result.body.toString())).toEqual(error.body)
  })
})

describe('importIdOf', () => {
  const created = {
    id: '42',
    state: 'STARTED',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    optOutImport: false,
    metadata: { objectLists: [], counters: {}, fileIds: [] },
  }
  it.each([
    ['an import', JSON.stringify(created), '42'],
    ['an error body', JSON.stringify({ status: 'error', message: 'no' }), undefined],
    ['not JSON', '<html>', undefined],
    ['nothing', '', undefined],
  ])('%s', (_case, body, id) => {
    expect(importIdOf(Buffer.from(body))).toBe(id)
  })
})
