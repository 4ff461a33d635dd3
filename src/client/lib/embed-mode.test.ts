// Embed mode: the query parameter wins, else what the session remembered
import { describe, expect, it } from 'vitest'
import { resolveEmbedMode } from './embed-mode.ts'

describe('resolveEmbedMode', () => {
  it.each([
    { search: '?embed=1', remembered: null, embedded: true },
    { search: '?embed=0', remembered: '1', embedded: false },
    { search: '', remembered: '1', embedded: true },
    { search: '', remembered: '0', embedded: false },
    { search: '', remembered: null, embedded: false },
    { search: '?embed=yes', remembered: undefined, embedded: false },
    { search: '?reimportOf=7&embed=1', remembered: '0', embedded: true },
  ])('$search with $remembered remembered: $embedded', ({ search, remembered, embedded }) => {
    expect(resolveEmbedMode(search, remembered)).toBe(embedded)
  })
})
