/** The bench's environment knobs, parsed and checked before anything runs. */

export const SECTIONS = [
  'parse',
  'flow',
  'excel',
  'grid',
  'upload',
  'pollers',
  'simulator',
] as const
export type Section = (typeof SECTIONS)[number]

export interface Knobs {
  /** file sizes (data rows) for the parse comparison and the wizard flow */
  rows: number[]
  /** rounds per measurement; figures are medians over them */
  rounds: number
  only: Section[]
  /** problem rows in the grid-scrolling file */
  gridRows: number
  uploadMb: number
  pollers: number
  pollSeconds: number
  /** rows the simulator imports in fast mode */
  simulatorRows: number
  /** reuse dist/client instead of building the app again */
  skipBuild: boolean
  /** write the page's main-thread CPU profile of each flow's first round to .bench/ */
  profile: boolean
}

export const DEFAULT_KNOBS: Knobs = {
  rows: [100_000, 1_000_000],
  rounds: 3,
  only: [...SECTIONS],
  gridRows: 20_000,
  uploadMb: 500,
  pollers: 50,
  pollSeconds: 30,
  simulatorRows: 100_000,
  skipBuild: false,
  profile: false,
}

/** One line per knob, for `BENCH_HELP=1` and the README. */
export const KNOB_HELP: readonly [string, string][] = [
  ['BENCH_ROWS', 'file sizes for the parse comparison and the wizard flow (100000,1000000)'],
  ['BENCH_ROUNDS', 'rounds per measurement; every figure is their median (3)'],
  ['BENCH_ONLY', `sections to run, comma-separated: ${SECTIONS.join(', ')} (all)`],
  ['BENCH_GRID_ROWS', 'problem rows in the grid-scrolling file (20000)'],
  ['BENCH_UPLOAD_MB', 'size of the proxy upload comparison (500)'],
  ['BENCH_POLLERS', 'dashboards polling one import (50)'],
  ['BENCH_POLL_SECONDS', 'how long they poll, per round (30)'],
  ['BENCH_SIMULATOR_ROWS', 'rows the simulator imports in fast mode (100000)'],
  ['BENCH_SKIP_BUILD', '1: serve the dist/client already built (0)'],
  ['BENCH_PROFILE', '1: write main-thread CPU profiles of the flows to .bench/*.cpuprofile (0)'],
]

function wholeNumber(name: string, text: string): number {
  const number = text.trim() === '' ? Number.NaN : Number(text.replaceAll('_', ''))
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${name} must be a whole number of at least 1, not "${text}".`)
  }
  return number
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  return value === undefined || value.trim() === '' ? fallback : wholeNumber(name, value)
}

const flag = (value: string | undefined) => value === '1' || value === 'true'

/** Reads the BENCH_* variables; an unusable value throws one message naming it. */
export function parseKnobs(env: Record<string, string | undefined>): Knobs {
  const rows =
    env.BENCH_ROWS === undefined || env.BENCH_ROWS.trim() === ''
      ? DEFAULT_KNOBS.rows
      : env.BENCH_ROWS.split(',').map((part) => wholeNumber('BENCH_ROWS', part))
  let only: Section[] = DEFAULT_KNOBS.only
  if (env.BENCH_ONLY !== undefined && env.BENCH_ONLY.trim() !== '') {
    only = env.BENCH_ONLY.split(',').map((part) => {
      const name = part.trim()
      if (!(SECTIONS as readonly string[]).includes(name)) {
        throw new Error(`BENCH_ONLY: "${name}" is not one of ${SECTIONS.join(', ')}.`)
      }
      return name as Section
    })
  }
  return {
    rows,
    rounds: positiveInteger('BENCH_ROUNDS', env.BENCH_ROUNDS, DEFAULT_KNOBS.rounds),
    only,
    gridRows: positiveInteger('BENCH_GRID_ROWS', env.BENCH_GRID_ROWS, DEFAULT_KNOBS.gridRows),
    uploadMb: positiveInteger('BENCH_UPLOAD_MB', env.BENCH_UPLOAD_MB, DEFAULT_KNOBS.uploadMb),
    pollers: positiveInteger('BENCH_POLLERS', env.BENCH_POLLERS, DEFAULT_KNOBS.pollers),
    pollSeconds: positiveInteger(
      'BENCH_POLL_SECONDS',
      env.BENCH_POLL_SECONDS,
      DEFAULT_KNOBS.pollSeconds,
    ),
    simulatorRows: positiveInteger(
      'BENCH_SIMULATOR_ROWS',
      env.BENCH_SIMULATOR_ROWS,
      DEFAULT_KNOBS.simulatorRows,
    ),
    skipBuild: flag(env.BENCH_SKIP_BUILD),
    profile: flag(env.BENCH_PROFILE),
  }
}
