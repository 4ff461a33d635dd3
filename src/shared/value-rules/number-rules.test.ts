// Number cells: accepted spellings, canonical output, percentages, refusals
import { describe, expect, it } from 'vitest'
import { compileCellCheck } from './cell-check.ts'
import { canonicalDecimal, percentToDecimal, plainDecimal, readDecimal } from './number-rules.ts'
import { makeProperty } from './property-fixtures.ts'

const options = { dateFormat: 'MONTH_DAY_YEAR' } as const
const amount = compileCellCheck(
  makeProperty({
    name: 'amount',
    label: 'Amount',
    type: 'number',
    fieldType: 'number',
    numberDisplayHint: 'currency',
  }),
  options,
)
const discount = compileCellCheck(
  makeProperty({
    name: 'discount',
    label: 'Discount',
    type: 'number',
    fieldType: 'number',
    numberDisplayHint: 'percentage',
  }),
  options,
)
const probability = compileCellCheck(
  makeProperty({
    name: 'hs_deal_stage_probability',
    type: 'number',
    fieldType: 'number',
    numberDisplayHint: 'probability',
  }),
  options,
)

describe('number cells', () => {
  it.each([
    { input: '123.45', expected: '123.45' },
    { input: '-3', expected: '-3' },
    { input: '+4', expected: '4' },
    { input: '.25', expected: '0.25' },
    { input: '-.5', expected: '-0.5' },
    { input: '5.', expected: '5' },
    { input: '0', expected: '0' },
    { input: '-0', expected: '0' },
    { input: '-0.000', expected: '0' },
    { input: '007', expected: '7' },
    { input: '00012.500', expected: '12.5' },
    { input: '100.00', expected: '100' },
    { input: '  42  ', expected: '42' },
    // long values keep every digit (a double would round them)
    { input: '12345678901234567890', expected: '12345678901234567890' },
    { input: '0.1234567890123456789', expected: '0.1234567890123456789' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(amount(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    { input: '$123', mentions: 'currency symbol' },
    { input: '123 EUR', mentions: 'currency symbol or code' },
    { input: '€1.5', mentions: 'currency symbol' },
    { input: '1,234.5', mentions: 'comma' },
    { input: '1.234,5', mentions: 'comma' },
    { input: '12,5', mentions: 'comma' },
    { input: '1e5', mentions: 'scientific notation' },
    { input: '1.23E+15', mentions: 'scientific notation' },
    { input: '25%', mentions: 'only percentage properties accept' },
    { input: '1 000', mentions: 'is not a number' },
    { input: '1.2.3', mentions: 'is not a number' },
    { input: '--1', mentions: 'is not a number' },
    { input: '.', mentions: 'is not a number' },
    { input: '-', mentions: 'is not a number' },
    { input: 'twelve', mentions: 'is not a number' },
    { input: 'NaN', mentions: 'is not a number' },
    { input: 'Infinity', mentions: 'is not a number' },
    { input: '0x1A', mentions: 'is not a number' },
  ])('$input is COULD_NOT_PARSE_NUMBER ($mentions)', ({ input, mentions }) => {
    const result = amount(input)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'COULD_NOT_PARSE_NUMBER' })
    const message = result.kind === 'invalid' ? result.message : ''
    expect(message).toContain(mentions)
    expect(message).toContain(`"${input}"`)
    expect(message).toContain('Amount takes a plain number')
  })

  it.each([
    { input: '25%', expected: '0.25' },
    { input: '25 %', expected: '0.25' },
    { input: '.25', expected: '0.25' },
    { input: '0.25', expected: '0.25' },
    { input: '100%', expected: '1' },
    { input: '12.5%', expected: '0.125' },
    { input: '0.5%', expected: '0.005' },
    { input: '-3%', expected: '-0.03' },
    { input: '250%', expected: '2.5' },
    { input: '0%', expected: '0' },
  ])('on a percentage property $input → $expected', ({ input, expected }) => {
    expect(discount(input)).toEqual({ kind: 'ok', value: expected })
    expect(probability(input)).toEqual({ kind: 'ok', value: expected })
  })

  it('a percentage property still refuses a bare %', () => {
    expect(discount('%')).toMatchObject({ kind: 'invalid', errorType: 'COULD_NOT_PARSE_NUMBER' })
  })
})

describe('decimal helpers', () => {
  it.each([
    { input: [false, '', '5'], expected: '0.5' },
    { input: [false, '000', ''], expected: '0' },
    { input: [true, '0', '0'], expected: '0' },
    { input: [true, '010', '010'], expected: '-10.01' },
  ] as const)('canonicalDecimal($input) → $expected', ({ input, expected }) => {
    expect(canonicalDecimal(input[0], input[1], input[2])).toBe(expected)
  })

  it.each([
    { input: [false, '25', ''], expected: '0.25' },
    { input: [false, '1', ''], expected: '0.01' },
    { input: [false, '', '5'], expected: '0.005' },
    { input: [false, '12345', '6'], expected: '123.456' },
  ] as const)('percentToDecimal($input) → $expected', ({ input, expected }) => {
    expect(percentToDecimal(input[0], input[1], input[2])).toBe(expected)
  })
})

describe('the plain-decimal fast path', () => {
  const PLAIN_DECIMAL = /^[+-]?\d*(?:\.\d*)?$/
  // every sign, integer, point and fraction spelling, and what may follow a number
  const inputs = ['', '+', '-'].flatMap((sign) =>
    ['', '0', '00', '7', '007', '10', '120'].flatMap((integer) =>
      ['', '.'].flatMap((point) =>
        ['', '0', '5', '50', '05', '000'].flatMap((fraction) =>
          ['', '%', ' %', 'e5', '.', ',5', 'x'].map((tail) => ({
            number: `${sign}${integer}${point}${fraction}`,
            tail,
          })),
        ),
      ),
    ),
  )

  it('answers a plain decimal as the full reading does, and leaves anything else to it', () => {
    const disagreements = inputs
      .map(({ number, tail }) => number + tail)
      .filter((text) => text !== '')
      .map((text) => ({
        text,
        fast: plainDecimal(text),
        // a `%`, an exponent, a comma… are left to the full reading
        expected: PLAIN_DECIMAL.test(text) ? readDecimal(text, false) : undefined,
      }))
      .filter(({ fast, expected }) => fast !== expected)
    expect(disagreements).toEqual([])
  })

  it.each([
    { input: '123456.78', canonical: true },
    { input: '-3', canonical: true },
    { input: '0.5', canonical: true },
    { input: '100.00', canonical: false },
    { input: '+4', canonical: false },
    { input: '-0', canonical: false },
  ])('$input is returned as it is: $canonical', ({ input, canonical }) => {
    // the same string, not a copy, when nothing changes
    expect(plainDecimal(input) === input).toBe(canonical)
  })
})
