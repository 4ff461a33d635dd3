// The bench's knobs: BENCH_* variables parsed into a run's settings, bad values refused
import { describe, expect, it } from 'vitest'
import { DEFAULT_KNOBS, parseKnobs } from './knobs.ts'

describe('parseKnobs', () => {
  it('defaults to the full run', () => {
    expect(parseKnobs({})).toEqual(DEFAULT_KNOBS)
  })

  it.each([
    { env: { BENCH_ROWS: '10000' }, field: 'rows', expected: [10_000] },
    { env: { BENCH_ROWS: '100_000, 1000000' }, field: 'rows', expected: [100_000, 1_000_000] },
    { env: { BENCH_ROUNDS: '5' }, field: 'rounds', expected: 5 },
    { env: { BENCH_ONLY: 'upload,pollers' }, field: 'only', expected: ['upload', 'pollers'] },
    { env: { BENCH_ONLY: ' grid ' }, field: 'only', expected: ['grid'] },
    { env: { BENCH_ONLY: '' }, field: 'only', expected: DEFAULT_KNOBS.only },
    { env: { BENCH_UPLOAD_MB: '50' }, field: 'uploadMb', expected: 50 },
    { env: { BENCH_POLL_SECONDS: '4' }, field: 'pollSeconds', expected: 4 },
    { env: { BENCH_SKIP_BUILD: '1' }, field: 'skipBuild', expected: true },
    { env: { BENCH_SKIP_BUILD: '0' }, field: 'skipBuild', expected: false },
    { env: { BENCH_PROFILE: 'true' }, field: 'profile', expected: true },
  ])('$env sets $field', ({ env, field, expected }) => {
    expect(parseKnobs(env)[field as keyof typeof DEFAULT_KNOBS]).toEqual(expected)
  })

  it.each([
    {
      env: { BENCH_ROWS: '100k' },
      message: 'BENCH_ROWS must be a whole number of at least 1, not "100k".',
    },
    {
      env: { BENCH_ROWS: '10000,' },
      message: 'BENCH_ROWS must be a whole number of at least 1, not "".',
    },
    {
      env: { BENCH_ROUNDS: '0' },
      message: 'BENCH_ROUNDS must be a whole number of at least 1, not "0".',
    },
    {
      env: { BENCH_POLLERS: '2.5' },
      message: 'BENCH_POLLERS must be a whole number of at least 1, not "2.5".',
    },
    {
      env: { BENCH_ONLY: 'flow,speed' },
      message:
        'BENCH_ONLY: "speed" is not one of parse, flow, excel, grid, upload, pollers, simulator.',
    },
  ])('refuses $env', ({ env, message }) => {
    expect(() => parseKnobs(env)).toThrow(message)
  })
})
