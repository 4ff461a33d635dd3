// The order files of an import are processed in: the file holding the common column first
import { describe, expect, it } from 'vitest'
import { joinKeyFilesFirst } from './file-plan.ts'

describe('joinKeyFilesFirst', () => {
  it.each([
    [
      ['a', 'b'],
      [false, false],
      ['a', 'b'],
    ],
    [
      ['a', 'b'],
      [false, true],
      ['b', 'a'],
    ],
    [
      ['a', 'b', 'c', 'd'],
      [false, true, false, true],
      ['b', 'd', 'a', 'c'],
    ],
    [
      ['a', 'b'],
      [true, true],
      ['a', 'b'],
    ],
  ])('%j holding join keys %j → %j', (files, holdsJoinKeys, order) => {
    expect(joinKeyFilesFirst(files, holdsJoinKeys)).toEqual(order)
  })
})
