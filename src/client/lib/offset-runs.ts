// A map from row positions to line numbers that mostly rise in step, kept as a few runs
/**
 * Maps the consecutive keys 0, 1, 2, … to numbers that usually rise by one with the key (line
 * numbers of rows). Each run is `[firstKey, offset]`: from `firstKey` on, value = key + offset,
 * until the next run. A file with three excluded rows is four runs, whatever its length.
 */
export type OffsetRuns = readonly (readonly [firstKey: number, offset: number])[]

/**
 * More runs than this (a file where nearly every row breaks the step: cells on several lines in
 * every row, thousands of rows excluded) is not kept: the map would outgrow browser storage, and
 * the dashboard then says it shows HubSpot's numbers.
 */
export const MAX_RUNS = 20_000

export interface OffsetRunsBuilder {
  /** the value for the next key (0 first) */
  push(value: number): void
  /** the runs, or undefined when there were more than `maxRuns` */
  finish(): OffsetRuns | undefined
}

export function createOffsetRunsBuilder(maxRuns = MAX_RUNS): OffsetRunsBuilder {
  const runs: [number, number][] = []
  let key = 0
  let overflow = false
  return {
    push(value) {
      const offset = value - key
      if (!overflow && runs.at(-1)?.[1] !== offset) {
        if (runs.length >= maxRuns) overflow = true
        else runs.push([key, offset])
      }
      key++
    },
    finish: () => (overflow ? undefined : runs),
  }
}

/** The value at `key`; keys before the first run (or with no runs) map to themselves. */
export function valueAt(runs: OffsetRuns, key: number): number {
  let low = 0
  let high = runs.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (runs[middle]![0] <= key) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found < 0 ? key : key + runs[found]![1]
}

/** Runs for a plain list of values (small lists, such as a re-import's rows). */
export function runsOf(values: readonly number[], maxRuns = MAX_RUNS): OffsetRuns | undefined {
  const builder = createOffsetRunsBuilder(maxRuns)
  for (const value of values) builder.push(value)
  return builder.finish()
}
