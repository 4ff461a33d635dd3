// Number lists and offset runs survive packing, a structured clone and unpacking unchanged
import { describe, expect, it } from 'vitest'
import type { OffsetRuns } from '#client/lib/offset-runs.ts'
import {
  packNumbers,
  packRecord,
  packRuns,
  unpackNumbers,
  unpackRecord,
  unpackRuns,
} from './packed-numbers.ts'

describe('packed numbers', () => {
  it.each([
    { name: 'nothing', values: [] },
    { name: 'row indexes', values: [0, 1, 7, 99_999] },
    { name: 'values past 32 bits', values: [2 ** 32 + 5, 2 ** 40] },
    { name: 'negative offsets', values: [-3, -1] },
  ])('round-trips $name', ({ values }) => {
    const packed = structuredClone(packNumbers(values))
    expect(packed).toBeInstanceOf(Float64Array)
    expect(unpackNumbers(packed)).toEqual(values)
  })

  it.each<{ name: string; runs: OffsetRuns }>([
    { name: 'no runs', runs: [] },
    { name: 'one run', runs: [[0, 2]] },
    {
      name: 'a run per excluded row',
      runs: [
        [0, 2],
        [10, 3],
        [11, -1],
      ],
    },
  ])('round-trips $name', ({ runs }) => {
    expect(unpackRuns(structuredClone(packRuns(runs)))).toEqual(runs)
  })

  it('round-trips a record of lists, keys with empty lists included', () => {
    const record = { INVALID_EMAIL: [1, 5], INVALID_DATE: [], MISSING_REQUIRED_PROPERTY: [9] }
    expect(unpackRecord(structuredClone(packRecord(record)))).toEqual(record)
  })
})
