// Test support for the rate budget's suites: budgets on a fake clock, closed after each test; acquires recorded
import { afterEach, beforeEach, vi } from 'vitest'
import { ProxyError } from './errors.ts'
import { createRateBudget, type RateBudget, type RateBudgetOptions } from './rate-budget.ts'

/**
 * Registers, for the calling test file, a fake clock (at 1,000,000 ms) in each test and the closing
 * of every budget made in it; returns what makes a budget on that clock. Call it at a file's top
 * level: the unit project shares one module graph between files, so hooks registered when this
 * module loads would belong to the first file only.
 */
export function useFakeClockBudgets(): (options: RateBudgetOptions) => RateBudget {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const budgets: RateBudget[] = []
  afterEach(() => {
    for (const budget of budgets.splice(0)) budget.close()
  })

  return (options) => {
    const created = createRateBudget({ now: () => Date.now(), ...options })
    budgets.push(created)
    return created
  }
}

/** Starts `count` acquires and records, in order, when each was granted or how it failed. */
export function acquireMany(rate: RateBudget, count: number, signal?: AbortSignal) {
  const start = Date.now()
  const events: string[] = []
  const settled = Array.from({ length: count }, (_, i) =>
    rate.acquire(signal).then(
      // sent as soon as granted
      (slot) => {
        slot.sent()
        events.push(`${i}@${Date.now() - start}`)
      },
      (error: unknown) =>
        void events.push(
          `${i}:${error instanceof ProxyError ? `${error.status} ${error.category}` : String(error)}@${Date.now() - start}`,
        ),
    ),
  )
  return { events, settled }
}
