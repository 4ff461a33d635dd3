// Import states, counters and sources in plain words
import { describe, expect, it } from 'vitest'
import { IMPORT_STATES } from '#shared/hubspot/public-import-response.ts'
import {
  counterLabel,
  formatDateTime,
  stateExplanation,
  stateLabel,
  stateTone,
} from './import-state.ts'

describe('import states in words', () => {
  it.each(IMPORT_STATES.map((state) => ({ state })))('labels and explains $state', ({ state }) => {
    expect(stateLabel(state)).not.toBe(state)
    expect(stateExplanation(state)).toBeTruthy()
  })

  it.each([
    { state: 'DEFERRED', label: 'Waiting', tone: 'waiting' },
    { state: 'PROCESSING', label: 'Importing', tone: 'running' },
    { state: 'DONE', label: 'Done', tone: 'ok' },
    { state: 'FAILED', label: 'Failed', tone: 'bad' },
    { state: 'SOMETHING_NEW', label: 'Something new', tone: 'neutral' },
  ])('$state → $label ($tone)', ({ state, label, tone }) => {
    expect(stateLabel(state)).toBe(label)
    expect(stateTone(state)).toBe(tone)
  })

  it('explains DEFERRED as HubSpot’s three-import limit', () => {
    expect(stateExplanation('DEFERRED')).toBe(
      'Waiting: HubSpot runs at most three imports at once.',
    )
  })
})

describe('formatting', () => {
  it.each([
    { input: undefined, expected: '—' },
    { input: '', expected: '—' },
    { input: 'garbage', expected: 'garbage' },
  ])('formatDateTime($input)', ({ input, expected }) => {
    expect(formatDateTime(input)).toBe(expected)
  })

  it('formats a real date without throwing', () => {
    expect(formatDateTime('2026-05-01T10:00:00Z')).toMatch(/2026/)
  })

  it.each([
    { key: 'CREATED_OBJECTS', expected: 'Records created' },
    { key: 'NEW_COUNTER', expected: 'New counter' },
  ])('counterLabel($key)', ({ key, expected }) => {
    expect(counterLabel(key)).toBe(expected)
  })

  it.each([
    { state: 'PROCESSING', expected: 'Rows processed' },
    { state: 'CANCELED', expected: 'Rows processed' },
    { state: 'DONE', expected: 'Rows in the file' },
  ])('TOTAL_ROWS while $state is "$expected"', ({ state, expected }) => {
    expect(counterLabel('TOTAL_ROWS', state)).toBe(expected)
  })
})
