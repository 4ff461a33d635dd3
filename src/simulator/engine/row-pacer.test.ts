// Pacing rows to rowsPerSecond with a fake clock
import { describe, expect, it } from 'vitest'
import { UNTHROTTLED_BATCH_ROWS, pacingFor } from './row-pacer.ts'

describe('pacingFor', () => {
  it.each([
    [0, false, UNTHROTTLED_BATCH_ROWS],
    [Infinity, false, UNTHROTTLED_BATCH_ROWS],
    [-5, false, UNTHROTTLED_BATCH_ROWS],
    [1, true, 1],
    [400, true, 20],
    [2_000, true, 100],
  ])('%s rows a second: throttled %s, %i rows a batch', (rowsPerSecond, throttled, batchRows) => {
    expect(pacingFor(rowsPerSecond)).toEqual({ throttled, batchRows })
  })
})
