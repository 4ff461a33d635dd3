// Delimiter detection over real and tricky heads (decimal commas, titles, one column)
import { describe, expect, it } from 'vitest'
import { detectDelimiter } from './detect-delimiter.ts'
import { fixtureBytes } from './test-helpers.ts'

const text = (name: string) => new TextDecoder().decode(fixtureBytes(name))

describe('detectDelimiter', () => {
  it.each([
    { fixture: 'utf8.csv', delimiter: ',', columns: 3 },
    { fixture: 'semicolon.csv', delimiter: ';', columns: 3 },
    { fixture: 'tab.csv', delimiter: '\t', columns: 3 },
    { fixture: 'pipe.csv', delimiter: '|', columns: 3 },
    { fixture: 'quoted-newlines.csv', delimiter: ',', columns: 3 },
    { fixture: 'title-row.csv', delimiter: ',', columns: 3 },
    { fixture: 'ragged.csv', delimiter: ',', columns: 3 },
  ])(
    'finds $columns columns split by "$delimiter" in $fixture',
    ({ fixture, delimiter, columns }) => {
      const result = detectDelimiter(text(fixture))
      expect(result.delimiter).toBe(delimiter)
      expect(result.columnCount).toBe(columns)
    },
  )

  it.each([
    {
      description: 'semicolons inside quoted cells of a comma file',
      input: 'a,b,c\n"x;y;z",2,3\n"p;q",5,6\n',
      expected: ',',
    },
    {
      description: 'european decimals in every row of a semicolon file',
      input: 'name;price;qty\nA;1,5;2\nB;2,5;3\nC;3,5;4\n',
      expected: ';',
    },
    {
      description: 'a single column falls back to comma',
      input: 'email\na@x.com\nb@x.com\n',
      expected: ',',
    },
  ])('$description', ({ input, expected }) => {
    expect(detectDelimiter(input).delimiter).toBe(expected)
  })

  it('ignores the last line of a sample, which may be cut', () => {
    const sample = 'a;b;c\n1;2;3\n4;5;6\n7,8'
    expect(detectDelimiter(sample, { sampled: true })).toMatchObject({
      delimiter: ';',
      consistency: 1,
    })
  })
})
