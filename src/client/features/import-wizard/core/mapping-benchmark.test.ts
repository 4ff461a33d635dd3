// Mapping quality over real header/value sets: precision and recall printed, no guess where a person would hesitate
import { describe, expect, it } from 'vitest'
import { DEFAULT_PORTAL } from './fixtures/default-portal.ts'
import { MAPPING_SETS } from './fixtures/mapping-sets.ts'
import { suggestMapping, suggestObject } from './suggest-mapping.ts'

interface Outcome {
  source: string
  header: string
  expected: string
  suggested: string | undefined
}

function run(): Outcome[] {
  return MAPPING_SETS.flatMap((set) => {
    const headers = set.columns.map(([header]) => header)
    const values = set.columns.map(([, samples]) => samples.split('|'))
    const matches = suggestMapping(headers, values, DEFAULT_PORTAL, [set.object])
    return set.columns.map(([header, , expected], i) => ({
      source: set.source,
      header,
      expected,
      suggested: matches[i]?.propertyName,
    }))
  })
}

// the figures belong in the test output (the issue asks for them), not in a log level
const report = (text: string) => process.stdout.write(`${text}\n`)

const outcomes = run()
const made = outcomes.filter((o) => o.suggested !== undefined)
const correct = made.filter((o) => o.suggested === o.expected)
const wanted = outcomes.filter((o) => o.expected !== '-' && o.expected !== '?')
const precision = correct.length / made.length
const recall = correct.length / wanted.length

describe('mapping benchmark', () => {
  it('has at least 40 sets', () => {
    expect(MAPPING_SETS.length).toBeGreaterThanOrEqual(40)
  })

  it('reports precision and recall', () => {
    const misses = outcomes.filter((o) => o.suggested !== undefined && o.suggested !== o.expected)
    const gaps = wanted.filter((o) => o.suggested === undefined)
    report(
      [
        `mapping benchmark: ${MAPPING_SETS.length} sets, ${outcomes.length} columns, ${wanted.length} with a property`,
        `precision ${(precision * 100).toFixed(1)} % (${correct.length} of ${made.length} suggestions right)`,
        `recall ${(recall * 100).toFixed(1)} % (${correct.length} of ${wanted.length} columns found)`,
        ...misses.map(
          (o) => `  wrong: ${o.source}: "${o.header}" → ${o.suggested} (expected ${o.expected})`,
        ),
        ...gaps.map((o) => `  missed: ${o.source}: "${o.header}" (expected ${o.expected})`),
      ].join('\n'),
    )
    expect(precision).toBeGreaterThanOrEqual(0.97)
    expect(recall).toBeGreaterThanOrEqual(0.9)
  })

  it('makes no guess where the right answer is ambiguous', () => {
    expect(outcomes.filter((o) => o.expected === '?' && o.suggested !== undefined)).toEqual([])
  })

  it('suggests the object each set holds, or none', () => {
    const guessed = MAPPING_SETS.map((set) => ({
      source: set.source,
      expected: set.object,
      suggested: suggestObject(
        set.columns.map(([header]) => header),
        set.columns.map(([, samples]) => samples.split('|')),
        DEFAULT_PORTAL,
      ),
    }))
    const wrong = guessed.filter((g) => g.suggested !== undefined && g.suggested !== g.expected)
    const right = guessed.filter((g) => g.suggested === g.expected)
    report(`object guess: ${right.length} of ${guessed.length} right, ${wrong.length} wrong`)
    expect(wrong).toEqual([])
    expect(right.length / guessed.length).toBeGreaterThanOrEqual(0.9)
  })
})
