// Option cells: values and labels, ambiguity, checkboxes, multiple checkboxes
import { describe, expect, it } from 'vitest'
import { compileCellCheck } from './cell-check.ts'
import { describeChoices } from './enumeration-rules.ts'
import { makeOptions, makeProperty } from './property-fixtures.ts'

const options = { dateFormat: 'MONTH_DAY_YEAR' } as const

const leadStatus = compileCellCheck(
  makeProperty({
    name: 'hs_lead_status',
    label: 'Lead Status',
    type: 'enumeration',
    fieldType: 'select',
    options: makeOptions([
      ['New', 'NEW'],
      ['Open', 'OPEN'],
      ['In Progress', 'IN_PROGRESS'],
      ['Open Deal', 'OPEN_DEAL'],
      ['Unqualified', 'UNQUALIFIED'],
      ['Attempted to Contact', 'ATTEMPTED_TO_CONTACT'],
      ['Legacy', 'legacy', 'hidden'],
      // two options share a label: the label alone can't say which
      ['Bad Timing', 'BAD_TIMING'],
      ['Bad timing', 'BAD_TIMING_OLD'],
      // a label that is another option's internal value: the value wins
      ['NEW', 'RENEWED'],
    ]),
  }),
  options,
)

// values that differ only in case: exact case picks one, any other case is ambiguous
const tier = compileCellCheck(
  makeProperty({
    name: 'tier',
    label: 'Tier',
    type: 'enumeration',
    fieldType: 'radio',
    options: makeOptions([
      ['Gold (new)', 'gold'],
      ['Gold (old)', 'Gold'],
    ]),
  }),
  options,
)

const interests = compileCellCheck(
  makeProperty({
    name: 'interests',
    label: 'Interests',
    type: 'enumeration',
    fieldType: 'checkbox',
    options: makeOptions([
      ['Value 1', 'value_1'],
      ['Value 2', 'value_2'],
      ['Value 3', 'value_3'],
      ['Same', 'same_a'],
      ['Same', 'same_b'],
    ]),
  }),
  options,
)

describe('single-choice enumeration cells', () => {
  it.each([
    { input: 'NEW', expected: 'NEW' },
    { input: 'new', expected: 'NEW' },
    { input: 'New', expected: 'NEW' },
    { input: '  in progress ', expected: 'IN_PROGRESS' },
    { input: 'IN_PROGRESS', expected: 'IN_PROGRESS' },
    { input: 'in_progress', expected: 'IN_PROGRESS' },
    { input: 'Open Deal', expected: 'OPEN_DEAL' },
    { input: 'OPEN DEAL', expected: 'OPEN_DEAL' },
    { input: 'attempted to contact', expected: 'ATTEMPTED_TO_CONTACT' },
    { input: 'Legacy', expected: 'legacy' },
    { input: 'BAD_TIMING_OLD', expected: 'BAD_TIMING_OLD' },
    { input: 'renewed', expected: 'RENEWED' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(leadStatus(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    { input: 'Gold', expected: 'Gold' },
    { input: 'gold', expected: 'gold' },
    { input: 'gold (old)', expected: 'Gold' },
  ])('case-only different values: $input → $expected', ({ input, expected }) => {
    expect(tier(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    { check: leadStatus, input: 'bad timing', values: 'BAD_TIMING, BAD_TIMING_OLD' },
    { check: tier, input: 'GOLD', values: 'gold, Gold' },
  ])('$input is AMBIGUOUS_ENUMERATION_OPTION naming $values', ({ check, input, values }) => {
    const result = check(input)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'AMBIGUOUS_ENUMERATION_OPTION' })
    expect(result.kind === 'invalid' && result.message).toContain(`(${values})`)
  })

  it('a value that is no option is INVALID_ENUMERATION_OPTION listing visible choices', () => {
    expect(leadStatus('Closed')).toEqual({
      kind: 'invalid',
      errorType: 'INVALID_ENUMERATION_OPTION',
      message:
        '"Closed" is not an option of Lead Status. Use an option\'s label or internal value, such as New, Open, In Progress, Open Deal, Unqualified (and 4 more).',
    })
  })

  it.each([
    { options: [], externalOptions: false, input: ' Jane Doe ', expected: 'Jane Doe' },
    {
      options: makeOptions([['A', 'a']]),
      externalOptions: true,
      input: '12345',
      expected: '12345',
    },
  ])(
    'options resolved elsewhere pass trimmed: $input',
    ({ options: opts, externalOptions, input, expected }) => {
      const owner = compileCellCheck(
        makeProperty({
          name: 'hubspot_owner_id',
          type: 'enumeration',
          fieldType: 'select',
          options: opts,
          externalOptions,
        }),
        options,
      )
      expect(owner(input)).toEqual({ kind: 'ok', value: expected })
    },
  )
})

describe('multiple-checkbox cells', () => {
  it.each([
    { input: 'value_1', expected: { kind: 'ok', value: 'value_1' } },
    { input: 'value_1;value_2', expected: { kind: 'ok', value: 'value_1;value_2' } },
    { input: 'Value 1;value 3', expected: { kind: 'ok', value: 'value_1;value_3' } },
    { input: 'value_2 ; Value 1', expected: { kind: 'ok', value: 'value_2;value_1' } },
    { input: 'value_1;Value 1;VALUE_1', expected: { kind: 'ok', value: 'value_1' } },
    { input: 'value_1;;value_2;', expected: { kind: 'ok', value: 'value_1;value_2' } },
    { input: ';value_3;value_2', expected: { kind: 'ok', value: 'value_3;value_2', append: true } },
    { input: ';Value 3', expected: { kind: 'ok', value: 'value_3', append: true } },
    { input: ' ;value_1', expected: { kind: 'ok', value: 'value_1', append: true } },
    { input: ';', expected: { kind: 'blank' } },
    { input: ' ; ; ', expected: { kind: 'blank' } },
  ])('$input → $expected', ({ input, expected }) => {
    expect(interests(input)).toEqual(expected)
  })

  it.each([
    { input: 'value_1;nope', message: '"nope" is not an option of Interests.' },
    { input: ';nope', message: '"nope" is not an option of Interests.' },
    { input: 'nope', message: '"nope" is not an option of Interests.' },
    { input: 'x;value_2;y', message: '"x", "y" are not options of Interests.' },
    { input: 'value 1,value 2', message: '"value 1,value 2" is not an option' },
  ])('$input is INVALID_ENUMERATION_OPTION naming the bad part', ({ input, message }) => {
    const result = interests(input)
    expect(result).toMatchObject({ kind: 'invalid', errorType: 'INVALID_ENUMERATION_OPTION' })
    expect(result.kind === 'invalid' && result.message).toContain(message)
  })

  it('an ambiguous part is AMBIGUOUS_ENUMERATION_OPTION', () => {
    expect(interests('value_1;same')).toMatchObject({
      kind: 'invalid',
      errorType: 'AMBIGUOUS_ENUMERATION_OPTION',
    })
  })
})

describe('single-checkbox cells', () => {
  const flag = compileCellCheck(
    makeProperty({ name: 'is_vip', label: 'VIP', type: 'bool', fieldType: 'booleancheckbox' }),
    options,
  )
  const enumFlag = compileCellCheck(
    makeProperty({
      name: 'hs_opt_in',
      label: 'Opted in',
      type: 'enumeration',
      fieldType: 'booleancheckbox',
      options: makeOptions([
        ['Checked', 'true'],
        ['Not checked', 'false'],
      ]),
    }),
    options,
  )

  it.each([
    { input: 'True', expected: 'true' },
    { input: 'TRUE', expected: 'true' },
    { input: 'yes', expected: 'true' },
    { input: ' Yes ', expected: 'true' },
    { input: 'False', expected: 'false' },
    { input: 'no', expected: 'false' },
    { input: 'NO', expected: 'false' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(flag(input)).toEqual({ kind: 'ok', value: expected })
    expect(enumFlag(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each([
    { input: 'checked', expected: 'true' },
    { input: 'Not Checked', expected: 'false' },
  ])('an enumeration checkbox also takes its labels: $input → $expected', ({ input, expected }) => {
    expect(enumFlag(input)).toEqual({ kind: 'ok', value: expected })
  })

  it.each(['1', '0', 'y', 'n', 'on', 'checked', 'x'])(
    '%s is INVALID_ENUMERATION_OPTION',
    (input) => {
      expect(flag(input)).toEqual({
        kind: 'invalid',
        errorType: 'INVALID_ENUMERATION_OPTION',
        message: `"${input}" is not a checkbox value for VIP. Use Yes, True, No or False.`,
      })
    },
  )
})

describe('describeChoices', () => {
  it.each([
    { input: makeOptions([['A', 'a']]), expected: 'A' },
    {
      input: makeOptions([
        ['', 'a'],
        ['B', 'b'],
      ]),
      expected: 'a, B',
    },
    {
      input: makeOptions([
        ['A', 'a', 'hidden'],
        ['B', 'b'],
      ]),
      expected: 'B',
    },
    { input: makeOptions([['A', 'a', 'hidden']]), expected: 'A' },
  ])('$expected', ({ input, expected }) => {
    expect(describeChoices(input)).toBe(expected)
  })
})
