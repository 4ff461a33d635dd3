// @vitest-environment jsdom
// One import's polling with TanStack's own managers: it pauses in a hidden tab and offline, resumes
// after, refetches on focus only while the import runs, and aborts its request on unmount
// (checklist E7, E8, E12)
import {
  QueryClient,
  QueryClientProvider,
  focusManager,
  onlineManager,
} from '@tanstack/react-query'
import { cleanup, renderHook } from '@testing-library/react'
import { createElement, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useImport } from './get-import.ts'

const importBody = (state: string) => ({
  id: '7',
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  state,
  optOutImport: false,
  mappedObjectTypeIds: ['0-1'],
  metadata: { counters: {}, fileIds: [], objectLists: [] },
})

let signals: AbortSignal[]
let state: string
let answer: 'json' | 'never'

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
  signals = []
  state = 'PROCESSING'
  answer = 'json'
  vi.stubGlobal('fetch', (_url: string, init: RequestInit = {}) => {
    if (init.signal) signals.push(init.signal)
    if (answer === 'never') return new Promise(() => {})
    return Promise.resolve(
      new Response(JSON.stringify(importBody(state)), {
        headers: { 'content-type': 'application/json' },
      }),
    )
  })
})
afterEach(() => {
  cleanup()
  focusManager.setFocused(undefined)
  onlineManager.setOnline(true)
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

function renderImport() {
  const client = new QueryClient()
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(QueryClientProvider, { client }, children)
  return renderHook(() => useImport('7'), { wrapper })
}
const calls = () => signals.length

describe('polling one import', () => {
  it('E7: stops in a hidden tab and refetches a running import on return', async () => {
    renderImport()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls()).toBe(1)
    await vi.advanceTimersByTimeAsync(2_100)
    expect(calls()).toBe(2)

    focusManager.setFocused(false)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls()).toBe(2)

    focusManager.setFocused(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(calls()).toBe(3)
  })

  it('E7: a finished import is not fetched again on return to the tab', async () => {
    state = 'DONE'
    renderImport()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls()).toBe(1)
    focusManager.setFocused(false)
    focusManager.setFocused(true)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls()).toBe(1)
  })

  it('E8: pauses while offline and resumes once online', async () => {
    renderImport()
    await vi.advanceTimersByTimeAsync(0)
    expect(calls()).toBe(1)
    onlineManager.setOnline(false)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls()).toBe(1)
    onlineManager.setOnline(true)
    await vi.advanceTimersByTimeAsync(2_100)
    expect(calls()).toBeGreaterThan(1)
  })

  it('E12: unmounting mid-request aborts it through its signal', async () => {
    answer = 'never'
    const { unmount } = renderImport()
    await vi.advanceTimersByTimeAsync(0)
    expect(signals).toHaveLength(1)
    expect(signals[0]?.aborted).toBe(false)
    unmount()
    await vi.advanceTimersByTimeAsync(0)
    expect(signals[0]?.aborted).toBe(true)
  })
})
