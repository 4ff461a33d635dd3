// The common-value index of a two-file join: owner rows, repeated and unmatched values
import { describe, expect, it } from 'vitest'
import { compileCellCheck } from './cell-check.ts'
import { CommonValueIndex, unmatchedCommonValues } from './common-values.ts'
import { makeProperty } from './property-fixtures.ts'

const email = compileCellCheck(makeProperty({ name: 'email' }), { dateFormat: 'MONTH_DAY_YEAR' })
const domain = compileCellCheck(makeProperty({ name: 'domain' }), { dateFormat: 'MONTH_DAY_YEAR' })
const recordId = compileCellCheck(makeProperty({ name: 'hs_object_id', type: 'number' }), {
  dateFormat: 'MONTH_DAY_YEAR',
})

describe('CommonValueIndex', () => {
  it.each([
    ['an email in another case', email, ['Ann@Example.com'], ' ann@EXAMPLE.com ', 'matched'],
    ['a domain with scheme and www', domain, ['acme.com'], 'https://www.Acme.com/about', 'matched'],
    ['a record ID with leading zeros', recordId, ['1000000001'], '0001000000001', 'matched'],
    ['a value no row has', email, ['ann@example.com'], 'bob@example.com', 'unmatched'],
    ['a blank cell', email, ['ann@example.com'], '   ', 'blank'],
    ['a value that is no email', email, ['ann@example.com'], 'not-an-email', 'invalid'],
    [
      'an owner cell that was invalid is not indexed',
      email,
      ['not-an-email'],
      'not-an-email',
      'invalid',
    ],
  ])('%s → %s', (_case, check, owner, other, kind) => {
    const index = new CommonValueIndex<number>(check)
    owner.forEach((value, i) => index.add(value, i + 2))
    expect(index.find(other).kind).toBe(kind)
  })

  it('keeps the first owner row of a repeated value', () => {
    const index = new CommonValueIndex<number>(email)
    index.add('ann@example.com', 2)
    index.add('ANN@example.com', 5)
    expect(index.size).toBe(1)
    expect(index.find('ann@example.com')).toEqual({
      kind: 'matched',
      key: 'ann@example.com',
      entry: 2,
    })
  })
})

describe('unmatchedCommonValues', () => {
  it('lists, in file order, the values that join no owner row, and why', () => {
    const index = new CommonValueIndex<number>(email)
    for (const [value, line] of [
      ['ann@example.com', 2],
      ['bea@example.com', 3],
    ] as const)
      index.add(value, line)
    expect(
      unmatchedCommonValues(index, [
        { value: 'ANN@example.com', lineNumber: 2 },
        { value: 'carl@example.com', lineNumber: 3 },
        { value: '', lineNumber: 4 },
        { value: 'nope', lineNumber: 5 },
      ]),
    ).toEqual([
      { lineNumber: 3, value: 'carl@example.com', reason: 'unmatched' },
      {
        lineNumber: 5,
        value: 'nope',
        reason: 'invalid',
        message: expect.stringContaining('"nope"'),
      },
    ])
  })
})
