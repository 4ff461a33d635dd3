// Import id, object type and query validation, and the upstream URL's exact-path check
import { describe, expect, it } from 'vitest'
import { ProxyError } from './errors.ts'
import {
  upstreamUrl,
  validImportId,
  validObjectType,
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
    ['listImports', 'limit=10&after=abc', 'limit=10&after=abc'],
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
    ['createImport', 'name=x', REFUSED],
  ])('%s ?%s → %s', (operation, query, expected) => {
    expect(outcome(() => validQuery(operation, new URLSearchParams(query)).toString())).toBe(
      expected,
    )
  })

  it('names the parameter and the allowed ones, cutting a long name', () => {
    expect(() => validQuery('listImports', new URLSearchParams('hapikey=x'))).toThrow(
      'Query parameter "hapikey" is not allowed here (allowed: after, before, limit).',
    )
    expect(() => validQuery('getImport', new URLSearchParams(`${'n'.repeat(100)}=1`))).toThrow(
      `Query parameter "${'n'.repeat(64)}" is not allowed here.`,
    )
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
