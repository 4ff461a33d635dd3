/**
 * The reliability checklist (bad inputs and faults, groups A–H, in reliability-checklist.ts): each
 * case names the tests that prove it, by file and by words of the test's title as written in that
 * file. This suite fails when a case has no test, when a named test is renamed or gone, or when it
 * names a file `npm test` does not run. Cases still without a test are listed in OPEN with what is
 * missing.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECKLIST, OPEN } from './reliability-checklist.ts'

const GROUPS: Record<string, number> = { A: 24, B: 11, C: 12, D: 21, E: 12, F: 10, G: 12, H: 4 }
const ALL_CASES = Object.entries(GROUPS).flatMap(([group, count]) =>
  Array.from({ length: count }, (_, i) => `${group}${i + 1}`),
)
const RUN_BY_NPM_TEST = /^(src\/.+\.test\.tsx?|e2e\/[^/]+\.spec\.ts)$/

describe('the reliability checklist', () => {
  it('has every case of groups A–H either proved by tests or listed as open, never both', () => {
    const covered = Object.keys(CHECKLIST)
    const open = Object.keys(OPEN)
    expect([...covered, ...open].sort()).toEqual([...ALL_CASES].sort())
    expect(covered.filter((id) => open.includes(id))).toEqual([])
  })

  it.each(Object.entries(CHECKLIST))(
    '%s names tests that exist and that npm test runs',
    (_id, refs) => {
      expect(refs.length).toBeGreaterThan(0)
      for (const [file, words] of refs) {
        expect(file).toMatch(RUN_BY_NPM_TEST)
        expect(readFileSync(file, 'utf8'), `${file} should contain "${words}"`).toContain(words)
      }
    },
  )
})
