// Finding the record a row means: record ID, email, domain, unique properties
import { describe, expect, it } from 'vitest'
import { testColumn } from './column-fixtures.ts'
import {
  pickIdentifier,
  repeatedIdentifierProblem,
  seenIdentifierKey,
  unknownRecordIdProblem,
  type Identifier,
} from './identifier.ts'

// sorted by priority, as column-plan.ts leaves them: record ID, email, customer number
const recordId = testColumn(0, '0-1', 'hs_object_id')
const email = testColumn(1, '0-1', 'email')
const customerNumber = testColumn(2, '0-1', 'customer_number')
const identifiers = [recordId, email, customerNumber]

describe('pickIdentifier', () => {
  it.each([
    ['no identifier cell', ['', ' ', ''], { kind: 'none' }],
    [
      'the record ID first',
      ['0042', 'a@example.com', 'C-1'],
      { kind: 'found', column: recordId, value: '42', propertyName: 'hs_object_id' },
    ],
    [
      'email when the record ID is blank, normalised',
      ['', ' A@Example.com ', 'C-1'],
      { kind: 'found', column: email, value: 'a@example.com', propertyName: 'email' },
    ],
    [
      'a custom unique key last',
      ['', '', 'C-1'],
      { kind: 'found', column: customerNumber, value: 'C-1', propertyName: 'customer_number' },
    ],
    ['a short row reads as blanks', [], { kind: 'none' }],
  ])('%s', (_case, cells, expected) => {
    expect(pickIdentifier(identifiers, cells)).toEqual(expected)
  })

  it.each([
    ['a malformed record ID', ['12x', 'a@example.com', ''], recordId, 'INVALID_RECORD_ID'],
    ['an invalid email, not passed over', ['', 'nope', 'C-1'], email, 'INVALID_EMAIL'],
  ])('%s stops the search', (_case, cells, column, errorType) => {
    const pick = pickIdentifier(identifiers, cells)
    expect(pick).toMatchObject({ kind: 'invalid', column, problem: { column, errorType } })
  })
})

const found = (column: typeof email, value: string): Identifier => ({
  column,
  value,
  propertyName: column.property?.name ?? '',
})

describe('seenIdentifierKey', () => {
  it.each([
    [found(email, 'a@example.com'), found(email, 'A@EXAMPLE.COM'), true],
    [found(customerNumber, 'C-1'), found(customerNumber, 'c-1'), false],
    [found(recordId, '42'), found(customerNumber, '42'), false],
  ])('%j and %j are the same: %s', (a, b, same) => {
    expect(seenIdentifierKey(a) === seenIdentifierKey(b)).toBe(same)
  })
})

describe('identifier problems', () => {
  it.each([
    [
      repeatedIdentifierProblem(found(recordId, '42')),
      'DUPLICATE_OBJECT_ID',
      'The record ID 42 is on an earlier row of this file; only the first row is imported.',
    ],
    [
      repeatedIdentifierProblem(found(email, 'a@example.com')),
      'DUPLICATE_ALTERNATE_ID',
      'The email a@example.com is on an earlier row of this file; only the first row is imported.',
    ],
    [
      unknownRecordIdProblem('0-1', found(recordId, '42')),
      'INVALID_RECORD_ID',
      'No contact has the record ID 42.',
    ],
  ])('%#: %s', (problem, errorType, message) => {
    expect(problem).toMatchObject({ errorType, message })
  })
})
