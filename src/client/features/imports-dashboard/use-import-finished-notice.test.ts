// The finished-import notice's pure parts: the parent origin and the messages
import { describe, expect, it } from 'vitest'
import {
  asOrigin,
  finishedMessage,
  finishedText,
  resolveParentOrigin,
} from './use-import-finished-notice.ts'

describe('resolveParentOrigin', () => {
  it.each([
    {
      description: 'the query parameter',
      search: '?embedParentOrigin=https://crm.example.com',
      referrer: '',
      remembered: null,
      expected: 'https://crm.example.com',
    },
    {
      description: 'a query origin with a path, reduced to the origin',
      search: '?embedParentOrigin=https://crm.example.com/app',
      referrer: '',
      remembered: null,
      expected: 'https://crm.example.com',
    },
    {
      description: 'a bad query parameter, refused outright',
      search: '?embedParentOrigin=*',
      referrer: 'https://ref.example.com/x',
      remembered: null,
      expected: undefined,
    },
    {
      description: 'a javascript: origin',
      search: '?embedParentOrigin=javascript:alert(1)',
      referrer: '',
      remembered: null,
      expected: undefined,
    },
    {
      description: 'the remembered origin',
      search: '',
      referrer: 'https://ref.example.com/x',
      remembered: 'https://crm.example.com',
      expected: 'https://crm.example.com',
    },
    {
      description: 'the referrer’s origin',
      search: '',
      referrer: 'https://ref.example.com/page?q=1',
      remembered: null,
      expected: 'https://ref.example.com',
    },
    {
      description: 'nothing known',
      search: '',
      referrer: '',
      remembered: null,
      expected: undefined,
    },
  ])('uses $description', ({ search, referrer, remembered, expected }) => {
    expect(resolveParentOrigin(search, referrer, remembered)).toBe(expected)
  })

  it.each([
    { input: 'http://localhost:3000', expected: 'http://localhost:3000' },
    { input: 'data:text/html,x', expected: undefined },
    { input: 'not a url', expected: undefined },
    { input: '', expected: undefined },
  ])('asOrigin($input)', ({ input, expected }) => {
    expect(asOrigin(input)).toBe(expected)
  })
})

describe('messages', () => {
  const item = {
    id: '7',
    state: 'DONE',
    importName: 'May',
    metadata: { counters: { CREATED_OBJECTS: 3 }, fileIds: [], objectLists: [] },
  }
  it('posts the documented shape', () => {
    expect(finishedMessage(item)).toEqual({
      type: 'hubspot-import:finished',
      importId: '7',
      state: 'DONE',
      counters: { CREATED_OBJECTS: 3 },
    })
  })
  it.each([
    { state: 'DONE', expected: 'Import “May” has finished.' },
    { state: 'FAILED', expected: 'Import “May” has failed.' },
    { state: 'CANCELED', expected: 'Import “May” was cancelled.' },
  ])('says $state in words', ({ state, expected }) => {
    expect(finishedText({ ...item, state })).toBe(expected)
  })
})
