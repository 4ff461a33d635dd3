// @vitest-environment jsdom
// Progressive reveal: each batch is a render (and commit) of its own
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { revealBatchSize, useProgressiveReveal } from './use-progressive-reveal.ts'

afterEach(cleanup)

describe('revealBatchSize', () => {
  it.each([
    { name: 'a few units an item', units: 30, budget: 150, batch: 5 },
    { name: 'a remainder is left for the next batch', units: 40, budget: 150, batch: 3 },
    { name: 'an item over the budget still goes', units: 400, budget: 150, batch: 1 },
    { name: 'items with nothing costly', units: 0, budget: 150, batch: 150 },
  ])('$name', ({ units, budget, batch }) => {
    expect(revealBatchSize(units, budget)).toBe(batch)
  })
})

/** Renders the hook and lists the `revealed` value of every commit. */
function commitsOf(total: number, batch: number) {
  const commits: number[] = []
  function Probe() {
    commits.push(useProgressiveReveal(total, batch).revealed)
    return null
  }
  render(<Probe />)
  return commits
}

describe('useProgressiveReveal', () => {
  it.each([
    { name: 'batches that divide the total', total: 6, batch: 2, commits: [0, 2, 4, 6] },
    { name: 'a short last batch', total: 5, batch: 2, commits: [0, 2, 4, 5] },
    { name: 'one batch holds all', total: 3, batch: 10, commits: [0, 3] },
    { name: 'nothing to reveal', total: 0, batch: 2, commits: [0] },
  ])('$name: one render per batch', ({ total, batch, commits }) => {
    expect(commitsOf(total, batch)).toEqual(commits)
  })
})
