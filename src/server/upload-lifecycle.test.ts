import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProxyError } from './errors.ts'
import { watchUpload } from './upload-lifecycle.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function watch(idleTimeoutMs = 100) {
  const incoming = Object.assign(new EventEmitter(), { complete: false })
  const outgoing = Object.assign(new EventEmitter(), { writableFinished: false })
  return watchUpload(
    incoming as unknown as IncomingMessage,
    outgoing as unknown as ServerResponse,
    idleTimeoutMs,
  )
}

describe('watchUpload', () => {
  it('stops the stall timer while the proxy waits on itself, then restarts it in full', async () => {
    const upload = watch()
    upload.touch()
    let release: () => void = () => {}
    const waiting = upload.whileProxyWaits(new Promise<void>((resolve) => (release = resolve)))
    vi.advanceTimersByTime(500)
    // bytes during the wait do not restart the timer either
    upload.touch()
    vi.advanceTimersByTime(500)
    expect(upload.signal.aborted).toBe(false)
    release()
    await waiting
    vi.advanceTimersByTime(99)
    expect(upload.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(upload.signal.reason).toBeInstanceOf(ProxyError)
    expect((upload.signal.reason as ProxyError).status).toBe(408)
    upload.release()
  })

  it('restarts the timer after a wait that fails, and never after release', async () => {
    const upload = watch()
    upload.touch()
    await expect(upload.whileProxyWaits(Promise.reject(new Error('busy')))).rejects.toThrow('busy')
    vi.advanceTimersByTime(100)
    expect(upload.signal.aborted).toBe(true)

    const released = watch()
    released.touch()
    let finish: () => void = () => {}
    const waiting = released.whileProxyWaits(new Promise<void>((resolve) => (finish = resolve)))
    released.release()
    finish()
    await waiting
    vi.advanceTimersByTime(1_000)
    expect(released.signal.aborted).toBe(false)
  })
})
