/**
 * The browser side of a create's lifetime: abort when the browser stalls, crawls, runs past the
 * deadline or disconnects, and after answering early, close the connection without losing the
 * answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BrowserGone } from './create-import-errors.ts'
import { ProxyError } from '../../errors.ts'

export interface UploadWatch {
  /** aborted with a ProxyError (408) on a stall, a crawl or the deadline, or BrowserGone */
  signal: AbortSignal
  /** bytes arrived (`bytes` counts toward the minimum rate): restarts the stall timer */
  touch(bytes?: number): void
  /**
   * The proxy waits on itself (the rate budget, an earlier create with the same key), not on the
   * browser: the stall and rate timers stop until `work` settles, then restart in full.
   */
  whileProxyWaits<T>(work: Promise<T>): Promise<T>
  release(): void
}

export interface UploadLimits {
  /** no bytes for this long: the upload stalled */
  idleTimeoutMs: number
  /**
   * fewer bytes than this a second, on average over each `rateWindowMs`: the upload crawls (one
   * byte every few seconds would otherwise hold a slot for ever); 0 = no minimum
   */
  minBytesPerSecond: number
  rateWindowMs: number
  /** the whole upload, from the slot to the browser's last byte */
  deadlineMs: number
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  idleTimeoutMs: 60_000,
  // 1 KiB/s over 30 s: any real connection does far better; a trickle of bytes does not
  minBytesPerSecond: 1024,
  rateWindowMs: 30_000,
  // 512 MB in an hour needs about 1.2 Mbit/s
  deadlineMs: 60 * 60_000,
}

const timeout = (message: string) => new ProxyError(408, 'REQUEST_TIMEOUT', message)

function duration(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`
}

export function watchUpload(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  limits: UploadLimits,
  /** the proxy is stopping: an upload still arriving ends with its reason (HubSpot's answer to a whole one is awaited) */
  shutdown?: AbortSignal,
): UploadWatch {
  const abort = new AbortController()
  let idleTimer: NodeJS.Timeout | undefined
  let rateTimer: NodeJS.Timeout | undefined
  let windowBytes = 0
  let started = false
  let proxyWaits = 0
  let stopped = false
  const minWindowBytes = (limits.minBytesPerSecond * limits.rateWindowMs) / 1000

  const arm = () => {
    clearTimeout(idleTimer)
    if (stopped || proxyWaits > 0) return
    idleTimer = setTimeout(
      () => abort.abort(timeout('The upload stalled: no data arrived for too long.')),
      limits.idleTimeoutMs,
    )
  }
  /** a fresh rate window from now: after the first bytes, and after each wait of the proxy */
  const armRate = () => {
    clearTimeout(rateTimer)
    windowBytes = 0
    if (stopped || proxyWaits > 0 || minWindowBytes <= 0) return
    rateTimer = setTimeout(() => {
      if (windowBytes < minWindowBytes) {
        abort.abort(
          timeout(
            `The upload is too slow: less than ${limits.minBytesPerSecond} bytes a second arrived over ${duration(limits.rateWindowMs)}.`,
          ),
        )
        return
      }
      armRate()
    }, limits.rateWindowMs)
  }
  const deadline = setTimeout(
    () =>
      abort.abort(
        timeout(`The upload took longer than the ${duration(limits.deadlineMs)} allowed.`),
      ),
    limits.deadlineMs,
  )
  const stop = () => {
    stopped = true
    clearTimeout(idleTimer)
    clearTimeout(rateTimer)
    clearTimeout(deadline)
  }
  const touch = (bytes = 0) => {
    windowBytes += bytes
    if (!started) {
      started = true
      armRate()
    }
    arm()
  }
  const onResponseClose = () => {
    if (!outgoing.writableFinished) abort.abort(new BrowserGone('the browser disconnected'))
  }
  outgoing.on('close', onResponseClose)
  const onIncomingClose = () => {
    if (!incoming.complete)
      abort.abort(new BrowserGone('the browser disconnected during the upload'))
  }
  incoming.on('close', onIncomingClose)
  // the browser has sent everything: what follows (HubSpot's answer) has its own timeout
  incoming.on('end', stop)
  const onShutdown = () => {
    if (!stopped) abort.abort(shutdown?.reason)
  }
  if (shutdown?.aborted) onShutdown()
  else shutdown?.addEventListener('abort', onShutdown, { once: true })
  return {
    signal: abort.signal,
    touch,
    whileProxyWaits(work) {
      proxyWaits++
      clearTimeout(idleTimer)
      clearTimeout(rateTimer)
      return work.finally(() => {
        proxyWaits--
        if (started) {
          arm()
          armRate()
        }
      })
    },
    release() {
      stop()
      outgoing.off('close', onResponseClose)
      incoming.off('close', onIncomingClose)
      shutdown?.removeEventListener('abort', onShutdown)
      incoming.off('end', stop)
    },
  }
}

/**
 * After answering before the upload ended: ask the browser to close, then read and drop what it
 * still sends for a moment before closing. Closing a socket with unread data would reset it and
 * the browser could lose our answer.
 */
export function closeAfterAnswer(incoming: IncomingMessage, outgoing: ServerResponse): void {
  if (!outgoing.headersSent) outgoing.setHeader('connection', 'close')
  const close = () => {
    incoming.resume()
    setTimeout(() => incoming.socket?.destroy(), 2_000).unref()
  }
  if (outgoing.writableFinished) close()
  else outgoing.once('finish', close)
}
