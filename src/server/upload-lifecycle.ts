/**
 * The browser side of a create's lifetime: abort when the browser stalls or disconnects, and
 * after answering early, close the connection without losing the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BrowserGone } from './create-import-errors.ts'
import { ProxyError } from './errors.ts'

export interface UploadWatch {
  /** aborted with a ProxyError (408) on a stall, or BrowserGone on a disconnect */
  signal: AbortSignal
  /** bytes arrived: restarts the stall timer (the first call starts it) */
  touch(): void
  /**
   * The proxy waits on itself (the rate budget, an earlier create with the same key), not on the
   * browser: the stall timer is stopped until `work` settles, then restarts in full.
   */
  whileProxyWaits<T>(work: Promise<T>): Promise<T>
  release(): void
}

export function watchUpload(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  idleTimeoutMs: number,
): UploadWatch {
  const abort = new AbortController()
  let idleTimer: NodeJS.Timeout | undefined
  let started = false
  let proxyWaits = 0
  let released = false
  const arm = () => {
    clearTimeout(idleTimer)
    if (released || proxyWaits > 0) return
    idleTimer = setTimeout(
      () =>
        abort.abort(
          new ProxyError(
            408,
            'REQUEST_TIMEOUT',
            'The upload stalled: no data arrived for too long.',
          ),
        ),
      idleTimeoutMs,
    )
  }
  const touch = () => {
    started = true
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
  return {
    signal: abort.signal,
    touch,
    whileProxyWaits(work) {
      proxyWaits++
      clearTimeout(idleTimer)
      return work.finally(() => {
        proxyWaits--
        if (started) arm()
      })
    },
    release() {
      released = true
      clearTimeout(idleTimer)
      outgoing.off('close', onResponseClose)
      incoming.off('close', onIncomingClose)
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
