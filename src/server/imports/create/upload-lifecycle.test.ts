// watchUpload: an upload's minimum rate and overall deadline, with a fake clock
import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProxyError } from '../../errors.ts'
import { watchUpload, type UploadLimits } from './upload-lifecycle.ts'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const LIMITS: UploadLimits = {
  idleTimeoutMs: 100,
  minBytesPerSecond: 0,
  rateWindowMs: 1_000,
  deadlineMs: 1_000_000,
}

function streams() {
  const incoming = Object.assign(new EventEmitter(), { complete: false })
  const outgoing = Object.assign(new EventEmitter(), { writableFinished: false })
  return { incoming, outgoing }
}

function watch(limits: Partial<UploadLimits> = {}, { incoming, outgoing } = streams()) {
  return watchUpload(
    incoming as unknown as IncomingMessage,
    outgoing as unknown as ServerResponse,
    { ...LIMITS, ...limits },
  )
}

const reason = (upload: { signal: AbortSignal }) =>
  upload.signal.aborted ? (upload.signal.reason as ProxyError).message : 'running'

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

  describe('minimum rate', () => {
    const TOO_SLOW = 'The upload is too slow: less than 100 bytes a second arrived over 1 s.'
    const crawl = (limits: Partial<UploadLimits> = {}) =>
      watch({ idleTimeoutMs: 10_000, minBytesPerSecond: 100, rateWindowMs: 1_000, ...limits })

    it.each<[string, number[], string]>([
      // bytes per 250 ms tick, over 2 s (two windows)
      ['a steady 100 B/s passes', [25, 25, 25, 25, 25, 25, 25, 25], 'running'],
      [
        'a burst then nothing within one window passes that window',
        [100, 0, 0, 0, 50, 50, 0, 0],
        'running',
      ],
      ['one byte a tick is cut after the first window', [1, 1, 1, 1, 1, 1, 1, 1], TOO_SLOW],
      ['a good first window, then a crawl', [100, 0, 0, 0, 1, 1, 1, 1], TOO_SLOW],
    ])('%s', (_case, ticks, expected) => {
      const upload = crawl()
      upload.touch(0)
      for (const bytes of ticks) {
        vi.advanceTimersByTime(249)
        if (bytes > 0) upload.touch(bytes)
        vi.advanceTimersByTime(1)
      }
      expect(reason(upload)).toBe(expected)
      upload.release()
    })

    it('does not count a wait of the proxy, and measures a fresh window after it', async () => {
      const upload = crawl()
      upload.touch(10)
      let release: () => void = () => {}
      const waiting = upload.whileProxyWaits(new Promise<void>((resolve) => (release = resolve)))
      vi.advanceTimersByTime(5_000)
      expect(reason(upload)).toBe('running')
      release()
      await waiting
      vi.advanceTimersByTime(999)
      upload.touch(100)
      vi.advanceTimersByTime(1)
      expect(reason(upload)).toBe('running')
      vi.advanceTimersByTime(1_000)
      expect(reason(upload)).toBe(TOO_SLOW)
    })

    it('stops once the browser has sent everything', () => {
      const pair = streams()
      const upload = watch({ minBytesPerSecond: 100, idleTimeoutMs: 10_000 }, pair)
      upload.touch(10)
      pair.incoming.emit('end')
      vi.advanceTimersByTime(60_000)
      expect(reason(upload)).toBe('running')
      upload.release()
    })

    it('0 means no minimum', () => {
      const upload = watch({ minBytesPerSecond: 0, idleTimeoutMs: 10_000 })
      upload.touch(1)
      vi.advanceTimersByTime(5_000)
      expect(reason(upload)).toBe('running')
      upload.release()
    })
  })

  describe('overall deadline', () => {
    it.each([
      [1_200, 'The upload took longer than the 1 s allowed.'],
      [90_000, 'The upload took longer than the 90 s allowed.'],
      [3_600_000, 'The upload took longer than the 60 min allowed.'],
    ])('%i ms: cuts a lively upload with "%s"', (deadlineMs, message) => {
      const upload = watch({ deadlineMs, idleTimeoutMs: 1_000 })
      for (let t = 0; t < deadlineMs - 500; t += 500) {
        upload.touch(10_000)
        vi.advanceTimersByTime(500)
      }
      expect(reason(upload)).toBe('running')
      upload.touch(10_000)
      vi.advanceTimersByTime(500)
      expect(reason(upload)).toBe(message)
    })

    it('runs during waits of the proxy, and stops at release', () => {
      const upload = watch({ deadlineMs: 1_000, idleTimeoutMs: 100 })
      upload.touch(1)
      const waiting = upload.whileProxyWaits(new Promise<void>(() => {}))
      vi.advanceTimersByTime(1_000)
      expect(reason(upload)).toBe('The upload took longer than the 1 s allowed.')
      void waiting
      upload.release()

      const released = watch({ deadlineMs: 1_000 })
      released.release()
      vi.advanceTimersByTime(5_000)
      expect(reason(released)).toBe('running')
      expect(vi.getTimerCount()).toBe(0)
    })
  })
})
