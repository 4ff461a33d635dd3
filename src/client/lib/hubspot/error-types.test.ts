// Every documented errorType has plain words; a new one is humanised
import { describe, expect, it } from 'vitest'
import { IMPORT_ERROR_TYPES } from '#shared/hubspot/public-import-error.ts'
import { describeErrorType, ERROR_TYPE_DESCRIPTIONS, humanizeConstant } from './error-types.ts'

describe('describeErrorType', () => {
  it.each(IMPORT_ERROR_TYPES.map((errorType) => ({ errorType })))(
    'has plain words for $errorType',
    ({ errorType }) => {
      const description = describeErrorType(errorType)
      expect(description).not.toBe('')
      expect(description).not.toMatch(/[A-Z]{2,}_/)
    },
  )

  it('describes exactly the documented types', () => {
    expect(Object.keys(ERROR_TYPE_DESCRIPTIONS).sort()).toEqual([...IMPORT_ERROR_TYPES].sort())
  })

  it.each([
    {
      description: 'a known type',
      input: 'INVALID_EMAIL',
      expected: 'The email address is not valid',
    },
    {
      description: 'an unknown type, humanised',
      input: 'BRAND_NEW_PROBLEM',
      expected: 'Brand new problem',
    },
    {
      description: 'a removed type, humanised',
      input: 'BLANK_VALUE_PROVIDED',
      expected: 'Blank value provided',
    },
    { description: 'an empty type', input: '', expected: 'Unknown error' },
    {
      description: 'an Object.prototype key is not a description',
      input: 'toString',
      expected: 'Tostring',
    },
  ])('$description', ({ input, expected }) => {
    expect(describeErrorType(input)).toBe(expected)
  })
})

describe('humanizeConstant', () => {
  it.each([
    { input: 'DONE', expected: 'Done' },
    { input: 'CRM_UI', expected: 'Crm ui' },
    { input: '  A__B  ', expected: 'A b' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(humanizeConstant(input)).toBe(expected)
  })
})
