// CREATE, UPDATE and UPSERT against existing records
import { describe, expect, it } from 'vitest'
import type { ImportOperation } from '#shared/hubspot/import-request.ts'
import { testColumn } from './column-fixtures.ts'
import {
  createOnlyMessage,
  decideWrite,
  updateOnlyMessage,
  type MatchedRecord,
  type WriteDecision,
} from './operation-rules.ts'

describe('decideWrite', () => {
  const cases: [ImportOperation, MatchedRecord, boolean, boolean, WriteDecision][] = [
    // a matched record
    ['UPSERT', 'already-there', true, true, 'update'],
    ['UPDATE', 'already-there', true, false, 'update'],
    ['CREATE', 'already-there', true, true, 'reject-create-only'],
    ['CREATE', 'created-by-this-import', true, true, 'update'],
    ['UPSERT', 'created-by-this-import', true, false, 'update'],
    // no record found
    ['UPSERT', 'none', true, true, 'create'],
    ['UPSERT', 'none', false, true, 'create'],
    ['UPSERT', 'none', true, false, 'create'],
    ['CREATE', 'none', false, true, 'create'],
    ['UPDATE', 'none', true, false, 'reject-update-only'],
    ['UPDATE', 'none', false, true, 'reject-update-only'],
    // nothing for this object on the row
    ['UPSERT', 'none', false, false, 'skip'],
    ['CREATE', 'none', false, false, 'skip'],
    ['UPDATE', 'none', false, false, 'skip'],
  ]
  it.each(cases)(
    '%s, matched %s, identifier %s, values %s → %s',
    (operation, matched, hasIdentifier, hasValues, decision) => {
      expect(decideWrite({ operation, matched, hasIdentifier, hasValues })).toBe(decision)
    },
  )
})

describe('operation messages', () => {
  const email = testColumn(0, '0-1', 'email')
  it.each([
    [
      createOnlyMessage('0-2', '1001'),
      'This import only creates company records, and company 1001 already exists.',
    ],
    [
      updateOnlyMessage('0-1', { column: email, value: 'a@example.com', propertyName: 'email' }),
      'This import only updates contact records, and none has the email a@example.com.',
    ],
    [
      updateOnlyMessage('0-1', undefined),
      'This import only updates contact records, and the row has no identifier to find one.',
    ],
  ])('%s', (message, expected) => {
    expect(message).toBe(expected)
  })
})
