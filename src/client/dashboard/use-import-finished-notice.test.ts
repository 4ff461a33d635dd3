import { describe, expect, it } from 'vitest'
import {
  asOrigin,
  finishedMessage,
  finishedText,
  markImportsNotified,
  newlyFinished,
  readStartedImports,
  rememberStartedImport,
  resolveParentOrigin,
  STARTED_IMPORTS_KEY,
} from './use-import-finished-notice.ts'

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial))
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('started imports', () => {
  it('remembers, marks and forgets nothing else', () => {
    const storage = memoryStorage()
    rememberStartedImport('1', storage)
    rememberStartedImport('2', storage)
    rememberStartedImport('1', storage)
    markImportsNotified(['2'], storage)
    expect(readStartedImports(storage)).toEqual([
      { id: '2', notified: true },
      { id: '1', notified: false },
    ])
  })

  it.each([
    { description: 'plain id strings', stored: '["5"]', expected: [{ id: '5', notified: false }] },
    { description: 'corrupted JSON', stored: '[oops', expected: [] },
    { description: 'an object', stored: '{"id":"5"}', expected: [] },
    {
      description: 'odd entries',
      stored: '[1, null, {"id": 2}, {"id": "3", "notified": true}]',
      expected: [{ id: '3', notified: true }],
    },
  ])('reads $description', ({ stored, expected }) => {
    expect(readStartedImports(memoryStorage({ [STARTED_IMPORTS_KEY]: stored }))).toEqual(expected)
  })
})

describe('newlyFinished', () => {
  const started = [
    { id: '1', notified: false },
    { id: '2', notified: true },
    { id: '3', notified: false },
  ]
  it.each([
    {
      description: 'a finished import of mine',
      imports: [{ id: '1', state: 'DONE' }],
      expected: ['1'],
    },
    { description: 'one already announced', imports: [{ id: '2', state: 'DONE' }], expected: [] },
    { description: 'one still running', imports: [{ id: '3', state: 'PROCESSING' }], expected: [] },
    { description: 'someone else’s', imports: [{ id: '9', state: 'FAILED' }], expected: [] },
    {
      description: 'a cancelled one of mine',
      imports: [{ id: '3', state: 'CANCELED' }],
      expected: ['3'],
    },
  ])('$description', ({ imports, expected }) => {
    expect(newlyFinished(started, imports).map((item) => item.id)).toEqual(expected)
  })
})

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
