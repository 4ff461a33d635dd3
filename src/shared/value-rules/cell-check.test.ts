// Which rule each property gets, and that compiled checks stay free of zod and allocations
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type { Property } from '../hubspot/property.ts'
import { compileCellCheck, compileCellRule } from './cell-check.ts'
import { makeOptions, makeProperty } from './property-fixtures.ts'

const options = { dateFormat: 'DAY_MONTH_YEAR' } as const
const stageOptions = makeOptions([
  ['Lead', 'lead'],
  ['Customer', 'customer'],
])

// one property per rule, with a cell that only that rule reads the way shown
const RULES: { name: string; property: Property; input: string; expected: unknown }[] = [
  { name: 'text', property: makeProperty({ name: 'city' }), input: ' Paris ', expected: 'Paris' },
  { name: 'email', property: makeProperty({ name: 'email' }), input: 'A@B.CO', expected: 'a@b.co' },
  {
    name: 'domain',
    property: makeProperty({ name: 'domain' }),
    input: 'https://www.Example.com/path',
    expected: 'example.com',
  },
  {
    name: 'record ID',
    property: makeProperty({ name: 'hs_object_id', type: 'number', fieldType: 'number' }),
    input: '007',
    expected: '7',
  },
  {
    name: 'phone',
    property: makeProperty({ name: 'phone', fieldType: 'phonenumber' }),
    input: '+1 617',
    expected: '+1 617',
  },
  {
    name: 'number',
    property: makeProperty({ name: 'amount', type: 'number', fieldType: 'number' }),
    input: '+1.50',
    expected: '1.5',
  },
  {
    name: 'bool',
    property: makeProperty({ name: 'vip', type: 'bool', fieldType: 'booleancheckbox' }),
    input: 'Yes',
    expected: 'true',
  },
  {
    name: 'select',
    property: makeProperty({
      name: 'stage',
      type: 'enumeration',
      fieldType: 'select',
      options: stageOptions,
    }),
    input: 'customer',
    expected: 'customer',
  },
  {
    name: 'radio',
    property: makeProperty({
      name: 'stage',
      type: 'enumeration',
      fieldType: 'radio',
      options: stageOptions,
    }),
    input: 'LEAD',
    expected: 'lead',
  },
  {
    name: 'checkbox',
    property: makeProperty({
      name: 'stages',
      type: 'enumeration',
      fieldType: 'checkbox',
      options: stageOptions,
    }),
    input: 'Lead;Customer',
    expected: 'lead;customer',
  },
  {
    name: 'date',
    property: makeProperty({ name: 'birthday', type: 'date', fieldType: 'date' }),
    input: '03/04/2026',
    expected: '2026-04-03',
  },
  {
    name: 'datetime',
    property: makeProperty({ name: 'seen', type: 'datetime', fieldType: 'date' }),
    input: '03/04/2026 10:00',
    expected: '2026-04-03T10:00:00.000Z',
  },
  {
    name: 'calculated (the caller decides whether to map it)',
    property: makeProperty({
      name: 'score',
      type: 'number',
      fieldType: 'calculation_equation',
      calculated: true,
      modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true },
    }),
    input: '2.50',
    expected: '2.5',
  },
  {
    name: 'unknown type read as text',
    property: makeProperty({ name: 'future', type: 'currency_amount' }),
    input: ' $5 ',
    expected: '$5',
  },
  {
    name: 'internal json type read as text',
    property: makeProperty({ name: 'blob', type: 'json' }),
    input: '{"a":1}',
    expected: '{"a":1}',
  },
]

describe('compileCellCheck', () => {
  it.each(RULES)('picks the $name rule', ({ property, input, expected }) => {
    expect(compileCellCheck(property, options)(input)).toEqual({ kind: 'ok', value: expected })
  })

  const BLANKS = ['', ' ', '   ', '\t', '\r\n', '\u00a0', '\ufeff', ' \t\u00a0 ']
  it.each(
    RULES.flatMap((rule) =>
      BLANKS.map((blank) => ({ name: rule.name, property: rule.property, blank })),
    ),
  )('a blank cell ($blank) is never an error for $name', ({ property, blank }) => {
    expect(compileCellCheck(property, options)(blank)).toEqual({ kind: 'blank' })
  })

  it('a compiled check keeps no state between cells', () => {
    const check = compileCellCheck(
      makeProperty({ name: 'seen', type: 'datetime', fieldType: 'date' }),
      options,
    )
    const first = check('03/04/2026 10:00 +01:00')
    check('31/12/2026 23:59')
    check('not a date')
    expect(check('03/04/2026 10:00 +01:00')).toEqual(first)
    expect(check('03/04/2026')).toEqual({ kind: 'ok', value: '2026-04-03T00:00:00.000Z' })
  })
})

describe('compileCellRule', () => {
  it.each(RULES)(
    'answers an ok $name cell with its value alone',
    ({ property, input, expected }) => {
      expect(compileCellRule(property, options)(input)).toBe(expected)
    },
  )

  it('answers a multiple-checkbox cell that appends, blanks and problems with their results', () => {
    const stages = compileCellRule(
      makeProperty({
        name: 'stages',
        type: 'enumeration',
        fieldType: 'checkbox',
        options: stageOptions,
      }),
      options,
    )
    expect(stages(';Lead')).toEqual({ kind: 'ok', value: 'lead', append: true })
    expect(stages(' ')).toEqual({ kind: 'blank' })
    expect(stages('Partner')).toMatchObject({
      kind: 'invalid',
      errorType: 'INVALID_ENUMERATION_OPTION',
    })
  })
})

describe('compiling is separate from checking', () => {
  // The checks run on up to 1,000,000 cells per column in a worker: a regex literal inside a
  // function is rebuilt per call, and a Map or Set built inside a returned check is per-cell work.
  const folder = fileURLToPath(new URL('.', import.meta.url))
  const sources = readdirSync(folder).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'property-fixtures.ts',
  )

  function findings(file: string): string[] {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8')
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const found: string[] = []
    const where = (node: ts.Node) =>
      `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
    const visit = (node: ts.Node, depth: number) => {
      const inner = ts.isFunctionLike(node) ? depth + 1 : depth
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && depth > 0) {
        found.push(`regex literal inside a function at ${where(node)}`)
      }
      if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression)
      ) {
        const callee = node.expression.text
        if (callee === 'RegExp') found.push(`RegExp built at ${where(node)}`)
        if ((callee === 'Map' || callee === 'Set') && depth > 1) {
          found.push(`${callee} built inside a check at ${where(node)}`)
        }
      }
      ts.forEachChild(node, (child) => visit(child, inner))
    }
    visit(source, 0)
    return found
  }

  it('finds the module sources', () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        'cell-check.ts',
        'date-rules.ts',
        'number-rules.ts',
        'text-rules.ts',
      ]),
    )
  })

  it.each(sources)('%s builds its regexes at module load and no Map or Set per cell', (file) => {
    expect(findings(file)).toEqual([])
  })
})
