// Re-import links: the name suffix, the stored map, and links learned from names
import { beforeEach, describe, expect, it } from 'vitest'
import { MemoryStorage } from '#client/testing/memory-storage.ts'
import {
  learnReimportLinks,
  recordReimportLink,
  REIMPORT_LINKS_KEY,
  reimportedAs,
  reimportedFrom,
  reimportName,
  reimportSourceFromName,
} from './reimport-links.ts'

describe('reimportName', () => {
  it.each([
    {
      description: 'adds the source id',
      name: 'Contacts May',
      id: '12',
      expected: 'Contacts May (re-import of #12)',
    },
    {
      description: 'replaces an earlier suffix',
      name: 'Contacts May (re-import of #12)',
      id: '15',
      expected: 'Contacts May (re-import of #15)',
    },
    {
      description: 'names a nameless import',
      name: undefined,
      id: '9',
      expected: 'Import 9 (re-import of #9)',
    },
  ])('$description', ({ name, id, expected }) => {
    expect(reimportName(name, id)).toBe(expected)
  })

  it('stays within HubSpot’s 255 characters', () => {
    const name = reimportName('x'.repeat(300), '123456789')
    expect(name).toHaveLength(255)
    expect(reimportSourceFromName(name)).toBe('123456789')
  })
})

describe('reimportSourceFromName', () => {
  it.each([
    { name: 'A (re-import of #42)', expected: '42' },
    { name: 'A (re-import of #42) copy', expected: undefined },
    { name: 'A', expected: undefined },
    { name: undefined, expected: undefined },
  ])('$name → $expected', ({ name, expected }) => {
    expect(reimportSourceFromName(name)).toBe(expected)
  })
})

describe('the link map', () => {
  let storage: MemoryStorage
  beforeEach(() => {
    storage = new MemoryStorage()
  })

  it('links both ways', () => {
    recordReimportLink('10', '11', storage)
    recordReimportLink('10', '13', storage)
    expect(reimportedFrom('11', undefined, storage)).toBe('10')
    expect(reimportedAs('10', storage)).toEqual(['11', '13'])
    expect(reimportedAs('11', storage)).toEqual([])
  })

  it('falls back to the name suffix', () => {
    expect(reimportedFrom('20', 'X (re-import of #19)', storage)).toBe('19')
  })

  it.each([
    { description: 'corrupted JSON', stored: '{oops' },
    { description: 'an array', stored: '[1,2]' },
    { description: 'odd values', stored: '{"5": 4}' },
  ])('ignores $description', ({ stored }) => {
    storage.setItem(REIMPORT_LINKS_KEY, stored)
    expect(reimportedFrom('5', undefined, storage)).toBeUndefined()
    recordReimportLink('1', '2', storage)
    expect(reimportedFrom('2', undefined, storage)).toBe('1')
  })

  it('survives storage that throws', () => {
    const blocked = new MemoryStorage()
    blocked.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    blocked.getItem = () => {
      throw new Error('SecurityError')
    }
    expect(() => recordReimportLink('1', '2', blocked)).not.toThrow()
    expect(reimportedAs('1', blocked)).toEqual([])
  })
})

describe('learnReimportLinks', () => {
  it.each([
    {
      description: 'learns a link from a re-import’s name',
      imports: [{ id: '31', importName: 'May (re-import of #30)' }],
      expected: ['31'],
    },
    {
      description: 'ignores ordinary names',
      imports: [{ id: '31', importName: 'May' }],
      expected: [],
    },
    {
      description: 'ignores a name pointing at itself',
      imports: [{ id: '30', importName: 'May (re-import of #30)' }],
      expected: [],
    },
  ])('$description', ({ imports, expected }) => {
    const storage = new MemoryStorage()
    learnReimportLinks(imports, storage)
    expect(reimportedAs('30', storage)).toEqual(expected)
  })

  it('never overrides a recorded link', () => {
    const storage = new MemoryStorage()
    recordReimportLink('10', '31', storage)
    learnReimportLinks([{ id: '31', importName: 'May (re-import of #30)' }], storage)
    expect(reimportedFrom('31', 'May (re-import of #30)', storage)).toBe('10')
  })
})
