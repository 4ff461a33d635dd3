/**
 * Stopping the proxy with uploads in flight: each upload still arriving is ended with a 503 that
 * says nothing was imported (its request to HubSpot is destroyed, never ended), a create whose file
 * HubSpot already has waits for HubSpot's answer, and the whole wait is bounded by a grace period.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { ProxyError } from './errors.ts'

export function proxyStopping(): ProxyError {
  return new ProxyError(
    503,
    'PROXY_BUSY',
    'The proxy is restarting: this upload was stopped before HubSpot had all of it, so nothing was imported. Try again in a moment.',
    {},
    { 'Retry-After': '5' },
  )
}

/** Ends uploads still arriving, then waits (at most `graceMs`) until no create is running. */
export async function drainUploads(
  shutdown: AbortController,
  running: () => number,
  graceMs: number,
): Promise<void> {
  shutdown.abort(proxyStopping())
  const until = Date.now() + graceMs
  // a poll: creates settle on their own, each in its own time
  while (running() > 0 && Date.now() < until) await sleep(25)
}
