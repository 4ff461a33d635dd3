// The worker's warm-up: sample heads that read like a real export, run one per task until a request comes
import { describe, expect, it } from 'vitest'
import { warmUpInspections, warmUpWhileIdle } from './inspect-warm-up.ts'

describe('warmUpInspections', () => {
  const inspections = [...warmUpInspections()]

  it('reads every sample as a clean comma-separated export with its header on line 1', () => {
    expect(inspections.length).toBeGreaterThan(2)
    for (const inspection of inspections) {
      expect(inspection.settings).toEqual({ encoding: 'utf-8', delimiter: ',', headerRowIndex: 0 })
      expect(inspection.headers).toHaveLength(8)
      expect(inspection.previewRows[0]).toHaveLength(8)
      expect(inspection.issues).toEqual([])
    }
  })

  it('covers accented and plain text, quoted cells and a line break inside a cell', () => {
    const reasons = inspections.map((i) => i.detected.encoding.reason)
    expect(reasons.some((r) => r.includes('valid UTF-8'))).toBe(true)
    expect(reasons.some((r) => r.includes('plain ASCII'))).toBe(true)
    const cells = inspections.flatMap((i) => i.previewRows.flat())
    expect(cells).toContain('said "call back", then left')
    expect(cells).toContain('two\nlines')
  })
})

describe('warmUpWhileIdle', () => {
  function run(steps: number, busyAfter: number) {
    let taken = 0
    const queue: (() => void)[] = []
    function* counted() {
      for (let i = 0; i < steps; i++) yield taken++
    }
    warmUpWhileIdle(
      counted(),
      () => taken >= busyAfter,
      (next) => queue.push(next),
    )
    // each queued step runs as a task of its own
    let tasks = 0
    while (queue.length > 0) {
      queue.shift()!()
      tasks++
    }
    return { taken, tasks }
  }

  it.each([
    { case: 'nothing asked: every step, one per task', steps: 5, busyAfter: Infinity, taken: 5 },
    { case: 'asked before it starts: no step', steps: 5, busyAfter: 0, taken: 0 },
    { case: 'asked after two steps: stops there', steps: 5, busyAfter: 2, taken: 2 },
  ])('$case', ({ steps, busyAfter, taken }) => {
    const result = run(steps, busyAfter)
    expect(result.taken).toBe(taken)
    expect(result.tasks).toBeGreaterThanOrEqual(result.taken)
  })
})
