// Header-row detection: title rows above the header, blank and repeated names
import { describe, expect, it } from 'vitest'
import { readCsvText } from '#shared/csv/record-reader.ts'
import { detectHeaderRow } from './detect-header-row.ts'
import { fixtureBytes } from './test-helpers.ts'

const records = (name: string) =>
  readCsvText(new TextDecoder().decode(fixtureBytes(name)), { delimiter: ',' }).records

describe('detectHeaderRow', () => {
  it.each([
    { fixture: 'utf8.csv', index: 0 },
    { fixture: 'title-row.csv', index: 1 },
    { fixture: 'blank-headers.csv', index: 0 },
    { fixture: 'ragged.csv', index: 0 },
    { fixture: 'quoted-newlines.csv', index: 0 },
  ])('puts the header of $fixture at record $index', ({ fixture, index }) => {
    expect(detectHeaderRow(records(fixture)).headerRowIndex).toBe(index)
  })

  it.each([
    {
      description: 'report title and date above the header',
      rows: [
        ['Quarterly contacts'],
        ['Exported 2026-01-02', ''],
        ['Email', 'Name', 'Phone'],
        ['a@x.com', 'A', '123'],
        ['b@x.com', 'B', '456'],
      ],
      expected: 2,
    },
    {
      description: 'header with its last column unnamed',
      rows: [
        ['Email', 'Name', ''],
        ['a@x.com', 'A', 'x'],
        ['b@x.com', 'B', 'y'],
      ],
      expected: 0,
    },
    {
      description: 'no text row: the fullest row wins',
      rows: [
        ['1', '2'],
        ['3', '4'],
      ],
      expected: 0,
    },
    { description: 'nothing at all', rows: [], expected: 0 },
  ])('$description', ({ rows, expected }) => {
    expect(detectHeaderRow(rows).headerRowIndex).toBe(expected)
  })
})
