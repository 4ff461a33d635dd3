// The bench's report: figures, met / NOT MET against targets, changes since the last run, tables
import { describe, expect, it } from 'vitest'
import {
  change,
  figure,
  formatMarkdown,
  formatTable,
  formatValue,
  status,
  unmetTargets,
  type BenchResults,
  type Figure,
} from './report.ts'

const results = (figures: Figure[]): BenchResults => ({
  version: 1,
  startedAt: '2026-12-02T00:00:00.000Z',
  elapsedSeconds: 1,
  environment: {},
  knobs: {},
  figures,
})

describe('figure', () => {
  it('takes the median of its rounds', () => {
    expect(figure('a', 'A', 'ms', [30, 10, 20]).median).toBe(20)
  })
})

describe('status', () => {
  it.each([
    { median: 40, target: { op: '<=', value: 50 }, expected: 'met' },
    { median: 50, target: { op: '<=', value: 50 }, expected: 'met' },
    { median: 51, target: { op: '<=', value: 50 }, expected: 'NOT MET' },
    { median: 0.95, target: { op: '>=', value: 0.9 }, expected: 'met' },
    { median: 0.85, target: { op: '>=', value: 0.9 }, expected: 'NOT MET' },
    { median: Number.NaN, target: { op: '<=', value: 1 }, expected: 'no value' },
    { median: 12, target: undefined, expected: '' },
  ] as const)('$median against $target is "$expected"', ({ median, target, expected }) => {
    expect(status({ median, ...(target ? { target } : {}) })).toBe(expected)
  })
})

describe('formatValue', () => {
  it.each([
    { value: 1234.4, unit: 'ms', expected: '1,234 ms' },
    { value: 8.26, unit: 'ms', expected: '8.3 ms' },
    { value: 1.234, unit: '×', expected: '1.23×' },
    { value: 59.94, unit: 'fps', expected: '59.9 fps' },
    { value: 23514.6, unit: 'rows/s', expected: '23,515 rows/s' },
    { value: 0.5, unit: 'calls', expected: '0.50 calls' },
    { value: Number.NaN, unit: 'MB', expected: '–' },
    { value: -0.3, unit: 'MB', expected: '0 MB' },
    { value: -2.6, unit: 'MB', expected: '-3 MB' },
  ] as const)('$value $unit → $expected', ({ value, unit, expected }) => {
    expect(formatValue(value, unit)).toBe(expected)
  })
})

describe('change against the previous run', () => {
  const ms = (median: number) => figure('k', 'k', 'ms', [median])
  const fps = (median: number) => figure('k', 'k', 'fps', [median])
  const ratio = (median: number) => figure('k', 'k', '×', [median], { op: '>=', value: 0.9 })
  it.each([
    { current: ms(90), previous: ms(100), expected: '−10 % (better)' },
    { current: ms(120), previous: ms(100), expected: '+20 % (worse)' },
    { current: fps(60), previous: fps(30), expected: '+100 % (better)' },
    { current: ratio(0.8), previous: ratio(1), expected: '−20 % (worse)' },
    { current: ms(100.4), previous: ms(100), expected: '±0 %' },
    { current: ms(5), previous: undefined, expected: '–' },
    { current: ms(5), previous: ms(Number.NaN), expected: '–' },
    { current: ms(0), previous: ms(0), expected: '±0 %' },
  ])('$current.median vs $previous.median → $expected', ({ current, previous, expected }) => {
    expect(change(current, previous)).toBe(expected)
  })
})

describe('tables', () => {
  const now = results([
    figure('preview', 'preview on screen', 'ms', [120, 80, 100], { op: '<=', value: 100 }),
    figure('mb', 'upload | proxy', 'MB/s', [200]),
  ])
  const before = results([figure('preview', 'preview on screen', 'ms', [200])])

  it('prints aligned columns with targets, status and change', () => {
    expect(formatTable(now, before).split('\n')).toEqual([
      'figure             median    range of rounds  target    status  vs previous run',
      '-----------------  --------  ---------------  --------  ------  ---------------',
      'preview on screen  100 ms    80 ms – 120 ms   ≤ 100 ms  met     −50 % (better)',
      'upload | proxy     200 MB/s  200 MB/s                           –',
    ])
  })

  it('writes Markdown with pipes escaped, without the change column when there is no previous run', () => {
    expect(formatMarkdown(now).split('\n')).toEqual([
      '| figure | median | range of rounds | target | status |',
      '|---|---:|---:|---:|---|',
      '| preview on screen | 100 ms | 80 ms – 120 ms | ≤ 100 ms | met |',
      '| upload \\| proxy | 200 MB/s | 200 MB/s |  |  |',
    ])
  })

  it('lists the unmet targets with how far off they are', () => {
    const slow = results([
      figure('a', 'longest task', 'ms', [150], { op: '<=', value: 50 }),
      figure('b', 'ratio', '×', [0.95], { op: '>=', value: 0.9 }),
    ])
    expect(unmetTargets(slow)).toEqual(['longest task: 150 ms against ≤ 50 ms (3.00× the target)'])
  })
})
