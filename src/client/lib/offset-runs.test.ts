// Offset runs: line numbers packed as runs and read back
import { describe, expect, it } from 'vitest'
import { createOffsetRunsBuilder, runsOf, valueAt } from './offset-runs.ts'

describe('offset runs', () => {
  it.each([
    { name: 'lines in step with rows', values: [2, 3, 4, 5], runs: [[0, 2]] },
    {
      name: 'a row left out after the second',
      values: [2, 3, 5, 6],
      runs: [
        [0, 2],
        [2, 3],
      ],
    },
    {
      name: 'a cell on two lines',
      values: [2, 4, 5],
      runs: [
        [0, 2],
        [1, 3],
      ],
    },
    {
      name: 'falling values (a re-import in any order)',
      values: [9, 3],
      runs: [
        [0, 9],
        [1, 2],
      ],
    },
    { name: 'nothing', values: [], runs: [] },
  ])('$name', ({ values, runs }) => {
    const built = runsOf(values)
    expect(built).toEqual(runs)
    values.forEach((value, key) => expect(valueAt(built!, key)).toBe(value))
  })

  it('maps a key past the last value on the last run, and any key with no runs to itself', () => {
    expect(
      valueAt(
        [
          [0, 2],
          [2, 3],
        ],
        10,
      ),
    ).toBe(13)
    expect(valueAt([], 7)).toBe(7)
  })

  it('gives up beyond the run limit rather than keeping a map as long as the file', () => {
    const builder = createOffsetRunsBuilder(2)
    for (const value of [1, 5, 9]) builder.push(value)
    expect(builder.finish()).toBeUndefined()
    expect(runsOf([1, 5], 2)).toEqual([
      [0, 1],
      [1, 4],
    ])
  })

  it('finds the run of a key among many (binary search)', () => {
    const values = Array.from({ length: 1_000 }, (_, key) => key * 2 + 2)
    const runs = runsOf(values)!
    expect(runs).toHaveLength(1_000)
    for (const key of [0, 1, 499, 998, 999]) expect(valueAt(runs, key)).toBe(values[key])
  })
})
