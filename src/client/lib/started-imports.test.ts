// Remembering the imports started in this browser, and which of them finished unannounced
import { describe, expect, it } from 'vitest'
import { MemoryStorage } from '#client/testing/memory-storage.ts'
import {
  markImportsNotified,
  newlyFinished,
  readStartedImports,
  rememberStartedImport,
  STARTED_IMPORTS_KEY,
} from './started-imports.ts'

describe('started imports', () => {
  it('remembers, marks and forgets nothing else', () => {
    const storage = new MemoryStorage()
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
    expect(readStartedImports(new MemoryStorage({ [STARTED_IMPORTS_KEY]: stored }))).toEqual(
      expected,
    )
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
