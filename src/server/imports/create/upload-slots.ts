/**
 * Slots for uploads running at once, with a short queue in front: a create that finds every slot
 * taken waits its turn (first come, first served) instead of being refused, but the queue is
 * bounded in length and in time, so a crowd gets a 503 with Retry-After rather than a hang.
 */
import { ProxyError } from '../../errors.ts'
import { createWaitQueue } from '../../wait-queue.ts'

export interface UploadSlotsOptions {
  slots: number
  /** creates that may wait; one more is refused at once */
  maxQueue: number
  /** how long a create may wait for a slot */
  queueTimeoutMs: number
}

/** Gives the slot back; calling it again does nothing. */
export type ReleaseSlot = () => void

export function createUploadSlots({ slots, maxQueue, queueTimeoutMs }: UploadSlotsOptions) {
  let running = 0
  const retryAfter = String(Math.max(1, Math.ceil(queueTimeoutMs / 1000)))
  const busy = (message: string) =>
    new ProxyError(503, 'PROXY_BUSY', message, {}, { 'Retry-After': retryAfter })
  const queue = createWaitQueue<ReleaseSlot>({
    maxQueue,
    timeoutMs: queueTimeoutMs,
    full: () => busy('Too many uploads are waiting for a slot; try again in a moment.'),
    timedOut: () =>
      busy(
        `This upload waited too long for an upload slot (${Math.round(queueTimeoutMs / 1000)} s): other uploads are running. Try again in a moment.`,
      ),
  })

  const release = (): ReleaseSlot => {
    let held = true
    return () => {
      if (!held) return
      held = false
      const next = queue.shift()
      if (next) {
        next.resolve(release())
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
      return queue.wait(signal)
    },
    stats: () => ({ running, queued: queue.length }),
  }
}

export type UploadSlots = ReturnType<typeof createUploadSlots>
