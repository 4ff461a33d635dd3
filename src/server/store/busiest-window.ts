/** The most events within any rolling window of `intervalMs`: how HubSpot counts requests. */
export function busiestWindow(times: number[], intervalMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let most = 0
  let first = 0
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[first] ?? 0) <= (sorted[last] ?? 0) - intervalMs) first++
    most = Math.max(most, last - first + 1)
  }
  return most
}
