/**
 * The quote problems the dialect flags on PapaParse's cases, against the errors PapaParse reports
 * (the rows themselves are checked over each reader in its own area's peer-suites test).
 */
import { describe, expect, it } from 'vitest'
import { PAPAPARSE_CASES } from './peer-cases.ts'
import { readCsvText, type QuoteProblem } from './record-reader.ts'

const STRAY =
  'a quote inside an unquoted cell is flagged STRAY_QUOTE (PapaParse reads it as text and says nothing), so the wizard sends a properly quoted copy'
const SPACES =
  'spaces after a closing quote are flagged INVALID_QUOTES (PapaParse drops them silently): strict readers refuse the row, so the wizard sends a clean copy'

/** Where the dialect flags what PapaParse does not, by case. */
const FLAGGED_ONLY_BY_US: Record<string, { problem: QuoteProblem; choice: string }> = {
  'Unquoted field with quotes at end of field': { problem: 'STRAY_QUOTE', choice: STRAY },
  'Quoted field with whitespace around quotes': { problem: 'STRAY_QUOTE', choice: STRAY },
  'Misplaced quotes in data, not as opening quotes': { problem: 'STRAY_QUOTE', choice: STRAY },
  'Misplaced quotes in data twice, not as opening quotes': {
    problem: 'STRAY_QUOTE',
    choice: STRAY,
  },
  'Quoted fields with spaces between closing quote and next delimiter': {
    problem: 'INVALID_QUOTES',
    choice: SPACES,
  },
  'Quoted fields with spaces between closing quote and next new line': {
    problem: 'INVALID_QUOTES',
    choice: SPACES,
  },
  'Quoted fields with spaces after closing quote': { problem: 'INVALID_QUOTES', choice: SPACES },
  'Quoted fields with spaces between closing quote and next delimiter and contains delimiter': {
    problem: 'INVALID_QUOTES',
    choice: SPACES,
  },
  'Quoted fields with spaces between closing quote and newline and contains newline': {
    problem: 'INVALID_QUOTES',
    choice: SPACES,
  },
}

const WORST: QuoteProblem[] = ['UNTERMINATED_QUOTE', 'INVALID_QUOTES', 'STRAY_QUOTE']

describe('quote problems against PapaParse errors', () => {
  it.each(
    PAPAPARSE_CASES.map((c) => {
      const differs = FLAGGED_ONLY_BY_US[c.name]
      return [`${c.name}${differs ? ` (differs: ${differs.choice})` : ''}`, c] as const
    }),
  )('%s', (_title, peerCase) => {
    const found = new Set(
      readCsvText(peerCase.input, { delimiter: peerCase.delimiter }).problems.map((p) => p.problem),
    )
    const ours = WORST.find((problem) => found.has(problem))
    const errors = peerCase.peerErrors ?? []
    // PapaParse reports MissingQuotes with the InvalidQuotes that led to it; the worst one counts
    const papa: QuoteProblem | undefined = errors.includes('MissingQuotes')
      ? 'UNTERMINATED_QUOTE'
      : errors.includes('InvalidQuotes')
        ? 'INVALID_QUOTES'
        : undefined
    expect(ours).toBe(FLAGGED_ONLY_BY_US[peerCase.name]?.problem ?? papa)
  })
})
