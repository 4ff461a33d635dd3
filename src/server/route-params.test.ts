// Import id, object type and query validation (zod through zValidator), and the upstream URL's exact-path check
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { ProxyError } from './errors.ts'
import {
  forwardedQuery,
  importIdParam,
  objectTypeParam,
  upstreamUrl,
  validationFailure,
  validQuery,
  type Operation,
} from './route-params.ts'

/** The value a validator returns, or the status and category it throws. */
function outcome(check: () => unknown): unknown {
  try {
    return check()
  } catch (error) {
    expect(error).toBeInstanceOf(ProxyError)
    return `${(error as ProxyError).status} ${(error as ProxyError).category}`
  }
}

/** A path parameter as its route reads it: the value, or the proxy's refusal. */
function validParam(schema: typeof importIdParam | typeof objectTypeParam, name: string) {
  return (raw: string | undefined) => {
    const parsed = schema.safeParse({ [name]: raw })
    if (!parsed.success) throw validationFailure('param', parsed.error, [])
    return Object.values(parsed.data)[0]
  }
}
const validImportId = validParam(importIdParam, 'importId')
const validObjectType = validParam(objectTypeParam, 'objectType')

/** A query through an operation's zValidator: the query sent upstream, or the proxy's refusal. */
async function queryOutcome(operation: Operation, query: string): Promise<unknown> {
  const app = new Hono()
  app.get('/', validQuery(operation), (c) =>
    c.text(forwardedQuery(c.req.valid('query')).toString()),
  )
  app.onError((error) => {
    expect(error).toBeInstanceOf(ProxyError)
    const { status, category, message } = error as ProxyError
    return new Response(JSON.stringify({ category, message }), { status })
  })
  const response = await app.request(`/?${query}`)
  if (response.ok) return response.text()
  const body = (await response.json()) as { category: string; message: string }
  return { outcome: `${response.status} ${body.category}`, message: body.message }
}

const REFUSED = '400 VALIDATION_ERROR'

describe('validImportId', () => {
  it.each([
    ['1', '1'],
    ['0', '0'],
    ['52946112', '52946112'],
    ['9223372036854775807', '9223372036854775807'],
    ['12345678901234567890', REFUSED],
    ['', REFUSED],
    [undefined, REFUSED],
    ['-1', REFUSED],
    ['+1', REFUSED],
    ['1.5', REFUSED],
    ['1e3', REFUSED],
    ['0x10', REFUSED],
    [' 1', REFUSED],
    ['1 ', REFUSED],
    ['1\n', REFUSED],
    ['12a', REFUSED],
    ['..', REFUSED],
    ['../1', REFUSED],
    ['1/../2', REFUSED],
    ['%2e%2e', REFUSED],
    ['1%2F..', REFUSED],
    ['1;x', REFUSED],
    ['１２', REFUSED],
    ['١٢', REFUSED],
  ])('%j → %s', (raw, expected) => {
    expect(outcome(() => validImportId(raw))).toBe(expected)
  })
})

describe('validObjectType', () => {
  it.each([
    ['contacts', 'contacts'],
    ['contact', 'contact'],
    ['companies', 'companies'],
    ['company', 'company'],
    ['deals', 'deals'],
    ['deal', 'deal'],
    ['tickets', 'tickets'],
    ['ticket', 'ticket'],
    ['0-1', '0-1'],
    ['0-5', '0-5'],
    ['2-123', '2-123'],
    ['2-123456789012', '2-123456789012'],
    ['2-1234567890123', REFUSED],
    ['22-1', REFUSED],
    ['0-', REFUSED],
    ['-1', REFUSED],
    ['0_1', REFUSED],
    ['CONTACTS', REFUSED],
    ['Contacts', REFUSED],
    ['CONTACT', REFUSED],
    ['widgets', REFUSED],
    ['contacts ', REFUSED],
    ['contacts/..', REFUSED],
    ['../objects', REFUSED],
    ['..%2Fcontacts', REFUSED],
    ['contacts%3Farchived%3Dtrue', REFUSED],
    ['contacts?archived=true', REFUSED],
    ['contacts#x', REFUSED],
    ['', REFUSED],
    [undefined, REFUSED],
  ])('%j → %s', (raw, expected) => {
    expect(outcome(() => validObjectType(raw))).toBe(expected)
  })

  it('names the accepted forms', () => {
    expect(() => validObjectType('widgets')).toThrow(
      /objectType must be one of contacts, contact, companies, company, .* or an objectTypeId such as 0-1 or 2-123\./,
    )
  })
})

describe('validQuery', () => {
  it.each<[Operation, string, string]>([
    ['listImports', '', ''],
    // sent upstream in the allow-list's order
    ['listImports', 'limit=10&after=abc', 'after=abc&limit=10'],
    ['listImports', 'limit=1000', 'limit=1000'],
    ['listImports', 'limit=0', REFUSED],
    ['listImports', 'limit=1001', REFUSED],
    ['listImports', 'limit=-1', REFUSED],
    ['listImports', 'limit=1&limit=2', REFUSED],
    ['listImports', 'hapikey=x', REFUSED],
    ['listImports', 'after=', REFUSED],
    ['listImports', 'after=a%20b', REFUSED],
    ['getImport', '', ''],
    ['getImport', 'limit=1', REFUSED],
    ['cancelImport', 'x=1', REFUSED],
    [
      'getImportErrors',
      'includeErrorMessage=true&includeRowData=false',
      'includeErrorMessage=true&includeRowData=false',
    ],
    ['getImportErrors', 'includeRowData=yes', REFUSED],
    [
      'listProperties',
      'archived=false&properties=email,firstname',
      'archived=false&properties=email%2Cfirstname',
    ],
    ['listProperties', 'dataSensitivity=highly_sensitive', 'dataSensitivity=highly_sensitive'],
    ['listProperties', 'dataSensitivity=secret', REFUSED],
    ['listProperties', 'properties=email%26hapikey%3Dx', REFUSED],
    ['createProperty', 'name=x', REFUSED],
  ])('%s ?%s → %s', async (operation, query, expected) => {
    const result = await queryOutcome(operation, query)
    expect(typeof result === 'string' ? result : (result as { outcome: string }).outcome).toBe(
      expected,
    )
  })

  it('names the parameter and the allowed ones, cutting a long name', async () => {
    expect(await queryOutcome('listImports', 'hapikey=x')).toMatchObject({
      message: 'Query parameter "hapikey" is not allowed here (allowed: after, before, limit).',
    })
    expect(await queryOutcome('getImport', `${'n'.repeat(100)}=1`)).toMatchObject({
      message: `Query parameter "${'n'.repeat(64)}" is not allowed here.`,
    })
  })

  it('names the parameter whose value is refused', async () => {
    expect(await queryOutcome('listImports', 'limit=0')).toMatchObject({
      message: 'Query parameter "limit" has an invalid value.',
    })
  })
})

describe('upstreamUrl', () => {
  const hubspot = new URL('https://api.hubapi.com')
  const prefixed = new URL('http://127.0.0.1:3100/hubspot/')
  const query = new URLSearchParams('limit=5')
  it.each([
    [hubspot, '/crm/v3/imports', undefined, 'https://api.hubapi.com/crm/v3/imports'],
    [hubspot, '/crm/v3/imports', query, 'https://api.hubapi.com/crm/v3/imports?limit=5'],
    [prefixed, '/crm/v3/imports/12', undefined, 'http://127.0.0.1:3100/hubspot/crm/v3/imports/12'],
    [
      new URL('https://api.hubapi.com/?x=1#y'),
      '/crm/v3/imports',
      undefined,
      'https://api.hubapi.com/crm/v3/imports',
    ],
    // the path only ever extends the base: a leading // is no host
    [hubspot, '//evil.example/x', undefined, 'https://api.hubapi.com//evil.example/x'],
    [hubspot, '/crm/v3/imports/../../objects', undefined, REFUSED],
    [hubspot, '/crm/v3/imports/%2e%2e/x', undefined, REFUSED],
    [hubspot, '/crm/v3/imports/12?x=1', undefined, REFUSED],
    [hubspot, '/crm/v3/imports/12#x', undefined, REFUSED],
    [hubspot, '/crm/v3/imports/a b', undefined, REFUSED],
    [hubspot, '/crm/v3/imports\\..\\x', undefined, REFUSED],
  ])('%s + %s → %s', (base, path, search, expected) => {
    expect(outcome(() => upstreamUrl(base, path, search).href)).toBe(expected)
  })
})
