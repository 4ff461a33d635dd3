// Reveals the costly part of a list's items a batch at a time, one render per batch, so no single task builds them all
import { startTransition, useCallback, useEffect, useState } from 'react'

/** How many items to reveal per render: at least one, else as many as `budget` units allow. */
export function revealBatchSize(unitsPerItem: number, budget: number): number {
  return Math.max(1, Math.floor(budget / Math.max(1, unitsPerItem)))
}

/**
 * How many of `total` items have their full content. It starts at 0 and grows by `batch` after
 * each commit, in a transition, so each batch is a render (and a DOM commit) of its own and a
 * frame can paint between them; `revealAll` skips ahead at once (the person reached for an item).
 */
export function useProgressiveReveal(
  total: number,
  batch: number,
): { revealed: number; revealAll: () => void } {
  const [revealed, setRevealed] = useState(0)
  useEffect(() => {
    if (revealed >= total) return
    startTransition(() => setRevealed((current) => Math.min(total, current + batch)))
  }, [revealed, total, batch])
  const revealAll = useCallback(() => setRevealed(total), [total])
  return { revealed, revealAll }
}
