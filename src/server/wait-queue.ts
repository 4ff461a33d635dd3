// A bounded FIFO of callers waiting for a place: refused when full, timed out, abortable
export interface WaitQueueOptions {
  /** callers that may wait; one more is refused at once with `full()` */
  maxQueue: number
  /** how long a caller may wait before it is refused with `timedOut()` */
  timeoutMs: number
  full: () => Error
  timedOut: () => Error
}

/** A caller taken out of the queue: its timer and abort listener are already gone. */
export interface Waiter<T> {
  resolve: (value: T) => void
  reject: (error: Error) => void
  signal: AbortSignal | undefined
}

interface Queued<T> extends Waiter<T> {
  timer: NodeJS.Timeout
  onAbort?: () => void
}

/**
 * The queue the rate budgets and the upload slots put their callers in. The owner decides when
 * a place is free and hands it to `shift()`'s caller; the queue only keeps the order and the
 * bounds: a caller that waits too long or aborts leaves it by itself, rejected.
 */
export function createWaitQueue<T>({ maxQueue, timeoutMs, full, timedOut }: WaitQueueOptions) {
  const queue: Queued<T>[] = []

  const settle = (waiter: Queued<T>) => {
    clearTimeout(waiter.timer)
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort)
  }
  const leave = (waiter: Queued<T>) => {
    const index = queue.indexOf(waiter)
    if (index >= 0) queue.splice(index, 1)
    settle(waiter)
  }

  return {
    get length() {
      return queue.length
    },
    /** Waits for a place; `queued` runs once the caller is in the queue (to look for one). */
    wait(signal: AbortSignal | undefined, queued: () => void = () => {}): Promise<T> {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      if (queue.length >= maxQueue) return Promise.reject(full())
      return new Promise<T>((resolve, reject) => {
        const waiter: Queued<T> = {
          resolve,
          reject,
          signal,
          timer: setTimeout(() => {
            leave(waiter)
            reject(timedOut())
          }, timeoutMs),
        }
        if (signal) {
          waiter.onAbort = () => {
            leave(waiter)
            reject(signal.reason as Error)
          }
          signal.addEventListener('abort', waiter.onAbort, { once: true })
        }
        queue.push(waiter)
        queued()
      })
    },
    /** The longest-waiting caller, out of the queue. */
    shift(): Waiter<T> | undefined {
      const waiter = queue.shift()
      if (waiter) settle(waiter)
      return waiter
    },
    /** Every waiting caller, out of the queue, oldest first. */
    takeAll(): Waiter<T>[] {
      const all = queue.splice(0)
      all.forEach(settle)
      return all
    },
  }
}
