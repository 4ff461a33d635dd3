// A value that changes many times a second (a scan's progress), kept out of React state: its readers are told at most once a frame
import { useSyncExternalStore } from 'react'

export interface FrameThrottledValue<T> {
  /** the value readers were last told of (a value set since waits for the next frame) */
  get(): T | undefined
  /** keeps `value`; readers are told once, at the next frame, however many values came before it */
  set(value: T | undefined): void
  subscribe(listener: () => void): () => void
}

type Schedule = (run: () => void) => void

const nextFrame: Schedule = (run) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run)
  else setTimeout(run, 16)
}

/**
 * Progress posted by a worker ten times a second would re-render whatever holds it in state each
 * time; here only the components that read it re-render, and no more often than the screen paints.
 */
export function createFrameThrottledValue<T>(
  schedule: Schedule = nextFrame,
): FrameThrottledValue<T> {
  let value: T | undefined
  let told: T | undefined
  let scheduled = false
  const listeners = new Set<() => void>()
  const tell = () => {
    scheduled = false
    told = value
    for (const listener of listeners) listener()
  }
  return {
    get: () => told,
    set(next) {
      value = next
      if (scheduled || next === told) return
      scheduled = true
      schedule(tell)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The value as of the last frame; the calling component re-renders when it changes. */
export function useFrameThrottledValue<T>(source: FrameThrottledValue<T>): T | undefined {
  return useSyncExternalStore(source.subscribe, source.get)
}
