// The record pairs a row associates across objects
import { describe, expect, it } from 'vitest'
import { recordPairs } from './associate-row.ts'

describe('recordPairs', () => {
  it.each([
    [[], []],
    [[['0-1', '1']], []],
    [
      [
        ['0-1', '1'],
        ['0-2', '2'],
      ],
      [['0-1:1', '0-2:2']],
    ],
    [
      [
        ['0-1', '1'],
        ['0-2', '2'],
        ['0-3', '3'],
      ],
      [
        ['0-1:1', '0-2:2'],
        ['0-1:1', '0-3:3'],
        ['0-2:2', '0-3:3'],
      ],
    ],
  ] as [[string, string][], [string, string][]][])('%j → %j', (resolved, pairs) => {
    const found = recordPairs(new Map(resolved)).map(([a, b]) => [
      `${a.objectTypeId}:${a.id}`,
      `${b.objectTypeId}:${b.id}`,
    ])
    expect(found).toEqual(pairs)
  })
})
