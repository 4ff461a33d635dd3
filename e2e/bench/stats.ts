/** Small statistics for benchmark rounds: pure, so they are unit-tested. */

/** The middle value (the mean of the two middle ones for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (finite.length === 0) return Number.NaN
  const middle = finite.length >> 1
  return finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2
}

/** The p-th percentile (0–100), nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (finite.length === 0) return Number.NaN
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * finite.length)
  return finite[Math.max(0, rank - 1)]!
}

/** Long-task summary: the longest task and total blocking time (the part of each task over 50 ms). */
export function blockingSummary(durations: readonly number[]): {
  longestMs: number
  totalBlockingMs: number
} {
  let longestMs = 0
  let totalBlockingMs = 0
  for (const duration of durations) {
    longestMs = Math.max(longestMs, duration)
    totalBlockingMs += Math.max(0, duration - 50)
  }
  return { longestMs, totalBlockingMs }
}

/**
 * Frame statistics from successive requestAnimationFrame timestamps: frames per second over the
 * whole span, the median, 95th-percentile and longest frame, and how many frames took longer than
 * one and a half 60 Hz frames (a visible stutter).
 */
export function frameSummary(timestamps: readonly number[]): {
  fps: number
  medianFrameMs: number
  p95FrameMs: number
  longestFrameMs: number
  slowFrames: number
} {
  const frames: number[] = []
  for (let i = 1; i < timestamps.length; i++) frames.push(timestamps[i]! - timestamps[i - 1]!)
  const spanMs = timestamps.length > 1 ? timestamps.at(-1)! - timestamps[0]! : 0
  return {
    fps: spanMs > 0 ? (frames.length * 1000) / spanMs : Number.NaN,
    medianFrameMs: median(frames),
    p95FrameMs: percentile(frames, 95),
    longestFrameMs: frames.length ? Math.max(...frames) : Number.NaN,
    slowFrames: frames.filter((ms) => ms > 25).length,
  }
}
