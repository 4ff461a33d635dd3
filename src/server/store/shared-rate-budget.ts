/**
 * The rate budget when replicas share a token: the same RateBudget contract as rate-budget.ts
 * (a FIFO queue, bounded length and wait, abortable), but whether a place is free is decided by
 * the Redis window, atomically for all replicas. Only the head of this replica's queue asks
 * Redis, once per free place it might take, so waiting costs Redis little.
 *
 * When Redis is down (not connected), or has failed every command for `degradeAfterMs` (stalled),
 * requests are granted by a local in-memory budget holding this replica's share of the limit
 * instead (`fallbackLimit`): GETs keep working, and the replicas together stay under the limit as
 * long as the share is right. A single slow command only delays the queue: falling back on a
 * hiccup would grant places the shared window never sees. Every grant tries Redis first, and the
 * first one that succeeds carries the places granted locally within the interval into the shared
 * window, so the shared window resumes without a burst on top of them.
 */
import { randomUUID } from 'node:crypto'
import { describeError, type Logger } from '../logger.ts'
import {
  budgetBusy,
  budgetCapacity,
  budgetQueue,
  createRateBudget,
  type RateBudget,
  type RateSlot,
} from '../rate-budget.ts'
import type { RedisRateWindow } from './redis-rate-window.ts'

export interface SharedRateBudgetOptions {
  window: RedisRateWindow
  limit: number
  intervalMs?: number
  maxQueue?: number
  queueTimeoutMs?: number
  /** HubSpot's limit for this replica alone while Redis is unreachable */
  fallbackLimit: number
  logger: Logger
  /** the longest a waiting head sleeps before asking Redis again (other replicas free places too) */
  maxPollMs?: number
  /** how long Redis may fail every command, while connected, before this replica falls back */
  degradeAfterMs?: number
}

export function createSharedRateBudget({
  window,
  limit,
  intervalMs = 10_000,
  maxQueue = 500,
  queueTimeoutMs = 30_000,
  fallbackLimit,
  logger,
  maxPollMs = 250,
  degradeAfterMs = 2_000,
}: SharedRateBudgetOptions): RateBudget {
  const capacity = budgetCapacity(limit)
  const fallback = createRateBudget({ limit: fallbackLimit, intervalMs, maxQueue, queueTimeoutMs })
  const replica = randomUUID()
  let batch = 0
  const busy = (message: string) => budgetBusy(message, intervalMs)
  const queue = budgetQueue(maxQueue, queueTimeoutMs, intervalMs)
  let asking = false
  let askAgain = false
  let timer: NodeJS.Timeout | undefined
  let unsent = 0
  let inWindow = 0
  let degraded = false
  /** since when every take has failed */
  let failingSince: number | undefined
  let closed = false

  const sharedSlot = (member: string): RateSlot => {
    let open = true
    unsent++
    const close = () => {
      if (!open) return false
      open = false
      unsent--
      return true
    }
    return {
      sent() {
        if (!close()) return
        // until this lands the place counts as pending, i.e. taken: late is on the safe side
        window.sent(member).catch((error: unknown) => redisFailed('rate sent', error))
      },
      unused() {
        if (!close()) return
        window
          .unused(member)
          .catch((error: unknown) => redisFailed('rate unused', error))
          .finally(pump)
      },
    }
  }

  const redisFailed = (operation: string, error: unknown) => {
    logger.warn('Redis command failed', { operation, ...describeError(error) })
  }

  /** Hands every waiter to the local budget: Redis cannot decide now. */
  const degrade = () => {
    for (const waiter of queue.takeAll()) {
      fallback.acquire(waiter.signal).then(waiter.resolve, waiter.reject)
    }
  }

  function pump() {
    if (closed) return
    if (asking) {
      askAgain = true
      return
    }
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!queue.length) return
    asking = true
    askAgain = false
    const prefix = `${replica}:${++batch}:`
    // places granted locally meanwhile still count at HubSpot: the shared window learns of them
    const carried = degraded ? fallback.stats().inWindow : 0
    window.take(queue.length, prefix, carried).then(
      ({ granted, retryInMs, inWindow: used }) => {
        asking = false
        inWindow = used
        failingSince = undefined
        if (degraded) {
          degraded = false
          logger.warn('Redis is back: the rate budget is shared again', { carried })
        }
        let given = 0
        for (; given < granted && queue.length; given++) {
          queue.shift()!.resolve(sharedSlot(`${prefix}${given + 1}`))
        }
        // waiters that left while Redis was answering: their places go straight back
        for (let i = given + 1; i <= granted; i++) sharedSlot(`${prefix}${i}`).unused()
        if (!queue.length) return
        if (askAgain || granted > 0) return pump()
        const wait = Math.min(maxPollMs, retryInMs ?? 25)
        timer = setTimeout(pump, Math.max(1, wait))
      },
      (error: unknown) => {
        asking = false
        failingSince ??= Date.now()
        if (!degraded && (!window.connected() || Date.now() - failingSince >= degradeAfterMs)) {
          degraded = true
          logger.error('Redis unavailable: the rate budget falls back to this replica’s share', {
            fallbackLimit,
            ...describeError(error),
          })
        }
        if (degraded) degrade()
        else {
          redisFailed('rate take', error)
          timer = setTimeout(pump, 50)
        }
      },
    )
  }

  return {
    capacity,
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      if (closed) return Promise.reject(busy('The proxy is shutting down.'))
      return queue.wait(signal, pump)
    },
    pauseFor(ms) {
      fallback.pauseFor(ms)
      window.pauseFor(ms).catch((error: unknown) => redisFailed('rate pause', error))
    },
    stats() {
      const local = fallback.stats()
      return {
        inWindow: inWindow + local.inWindow,
        queued: queue.length + local.queued,
        unsent: unsent + local.unsent,
      }
    },
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      fallback.close()
      for (const waiter of queue.takeAll()) waiter.reject(busy('The proxy is shutting down.'))
    },
  }
}
