/**
 * Slots for uploads running at once, with a short queue in front: a create that finds every slot
 * taken waits its turn (first come, first served) instead of being refused, but the queue is
 * bounded in length and in time, so a crowd gets a 503 with Retry-After rather than a hang.
 */
import { ProxyError } from '../../errors.ts'

export interface UploadSlotsOptions {
  slots: number
  /** creates that may wait; one more is refused at once */
  maxQueue: number
  /** how long a create may wait for a slot */
  queueTimeoutMs: number
}

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void

interface Waiter {
  grant: (release: ReleaseSlot) => void
  timer: NodeJS.Timeout
  cleanup: () => void
}

export function createUploadSlots({ slots, maxQueue, queueTimeoutMs }: UploadSlotsOptions) {
  let running = 0
  const queue: Waiter[] = []
  const retryAfter = String(Math.max(1, Math.ceil(queueTimeoutMs / 1000)))

  const release = (): ReleaseSlot => {
    let held = true
    return () => {
      if (!held) return
      held = false
      const next = queue.shift()
      if (next) {
        next.cleanup()
        next.grant(release())
      } else {
        running--
      }
    }
  }

  return {
    acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
      if (signal?.aborted) return Promise.reject(signal.reason as Error)
      if (running < slots) {
        running++
        return Promise.resolve(release())
      }
      if (queue.length >= maxQueue) {
        return Promise.reject(
          new ProxyError(
            503,
            'PROXY_BUSY',
            'Too many uploads are waiting for a slot; try again in a moment.',
            {},
            { 'Retry-After': retryAfter },
          ),
        )
      }
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const leave = () => {
          const index = queue.indexOf(waiter)
          if (index >= 0) queue.splice(index, 1)
          waiter.cleanup()
        }
        const onAbort = () => {
          leave()
          reject(signal?.reason as Error)
        }
        const waiter: Waiter = {
          grant: resolve,
          timer: setTimeout(() => {
            leave()
            reject(
              new ProxyError(
                503,
                'PROXY_BUSY',
                `This upload waited too long for an upload slot (${Math.round(queueTimeoutMs / 1000)} s): other uploads are running. Try again in a moment.`,
                {},
                { 'Retry-After': retryAfter },
              ),
            )
          }, queueTimeoutMs),
          cleanup: () => {
            clearTimeout(waiter.timer)
            signal?.removeEventListener('abort', onAbort)
          },
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(waiter)
      })
    },
    stats: () => ({ running, queued: queue.length }),
  }
}

export type UploadSlots = ReturnType<typeof createUploadSlots>
