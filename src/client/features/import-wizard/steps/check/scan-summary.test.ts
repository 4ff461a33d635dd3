// The expected result shows only the outcomes that apply to the chosen operations
import { describe, expect, it } from 'vitest'
import type { ExpectedObjectResult } from '../../core/scan-result.ts'
import { expectedCountsShown } from './scan-summary.tsx'

const row = (over: Partial<ExpectedObjectResult>): ExpectedObjectResult => ({
  objectTypeId: '0-1',
  operation: 'UPSERT',
  toCreate: 0,
  toUpdate: 0,
  toCreateOrUpdate: 0,
  withProblems: 0,
  skipped: 0,
  ...over,
})

describe('expectedCountsShown', () => {
  it.each([
    {
      why: 'create and update matched by email: only "Create or update"',
      rows: [row({ toCreateOrUpdate: 12 })],
      shown: [
        'Create or update (HubSpot matches)',
        'With problems',
        'No record (all its cells blank)',
      ],
    },
    {
      why: 'create and update with record IDs on some rows',
      rows: [row({ toUpdate: 3, toCreateOrUpdate: 9 })],
      shown: [
        'To update',
        'Create or update (HubSpot matches)',
        'With problems',
        'No record (all its cells blank)',
      ],
    },
    {
      why: 'create only',
      rows: [row({ operation: 'CREATE', toCreate: 5 })],
      shown: ['To create', 'With problems', 'No record (all its cells blank)'],
    },
    {
      why: 'update only, every row excluded: its outcome still shows, at 0',
      rows: [row({ operation: 'UPDATE' })],
      shown: ['To update', 'With problems', 'No record (all its cells blank)'],
    },
    {
      why: 'two objects: contacts created, companies updated',
      rows: [
        row({ operation: 'CREATE', toCreate: 4 }),
        row({ objectTypeId: '0-2', operation: 'UPDATE', toUpdate: 4 }),
      ],
      shown: ['To create', 'To update', 'With problems', 'No record (all its cells blank)'],
    },
  ])('$why', ({ rows, shown }) => {
    expect(expectedCountsShown(rows).map((outcome) => outcome.label)).toEqual(shown)
  })
})
