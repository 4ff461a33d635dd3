// parseImportRequestField: the importRequest form field read, or refused with a ProxyError
import { describe, expect, it } from 'vitest'
import { ProxyError } from '../../errors.ts'
import { parseImportRequestField } from './import-form.ts'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'

describe('parseImportRequestField', () => {
  const valid = contactsImportRequest('a.csv', ['email'])
  it.each([
    ['a valid request', JSON.stringify(valid), false, undefined],
    [
      'a value cut at the limit',
      JSON.stringify(valid),
      true,
      '413 importRequest is larger than 1 MB.',
    ],
    ['not JSON', '{', false, '400 importRequest is not valid JSON.'],
    ['JSON of the wrong shape', '{"name":1}', false, /^400 importRequest is invalid: /],
  ])('%s', (_case, value, truncated, problem) => {
    const parsed = parseImportRequestField(value, truncated)
    if (problem === undefined) {
      expect(parsed).toMatchObject(valid)
      return
    }
    expect(parsed).toBeInstanceOf(ProxyError)
    const error = parsed as ProxyError
    expect(`${error.status} ${error.message}`).toMatch(problem)
  })
})
