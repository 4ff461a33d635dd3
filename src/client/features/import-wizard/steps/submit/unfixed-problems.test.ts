// The start summary says what happens to rows whose problems were not fixed
import { describe, expect, it } from 'vitest'
import { unfixedProblemsNote } from './unfixed-problems.ts'

describe('unfixedProblemsNote', () => {
  it.each([
    {
      count: 1,
      note: "1 row with problems that were not fixed or excluded will be sent as it is. HubSpot still runs the import, leaves out what it can't accept in that row and lists each problem as an error on the import's page, where you can download it, fix it and import it again.",
    },
    {
      count: 12,
      note: "12 rows with problems that were not fixed or excluded will be sent as they are. HubSpot still runs the import, leaves out what it can't accept in those rows and lists each problem as an error on the import's page, where you can download them, fix them and import them again.",
    },
  ])('$count', ({ count, note }) => {
    expect(unfixedProblemsNote(count)).toBe(note)
  })
})
