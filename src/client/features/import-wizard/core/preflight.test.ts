// The pre-flight check row by row: value rules, duplicates, create values, ragged rows, caps
import { describe, expect, it } from 'vitest'
import { buildCheckPlan } from './check-plan.ts'
import { CATALOGS } from './fixtures/properties.ts'
import type { ImportOperations, MappingDraft } from './mapping-draft.ts'
import { createPreflight } from './preflight.ts'

const HEADERS = ['Record ID', 'Email', 'First Name', 'Birthday', 'Company', 'Domain']
const MAPPING: MappingDraft = [
  { columnIndex: 0, columnName: 'Record ID', objectTypeId: '0-1', propertyName: 'hs_object_id' },
  { columnIndex: 1, columnName: 'Email', objectTypeId: '0-1', propertyName: 'email' },
  { columnIndex: 2, columnName: 'First Name', objectTypeId: '0-1', propertyName: 'firstname' },
  { columnIndex: 3, columnName: 'Birthday', objectTypeId: '0-1', propertyName: 'date_of_birth' },
  { columnIndex: 4, columnName: 'Company', objectTypeId: '0-2', propertyName: 'name' },
  { columnIndex: 5, columnName: 'Domain', objectTypeId: '0-2', propertyName: 'domain' },
]

function run(operations: ImportOperations, rows: string[][]) {
  const plan = buildCheckPlan({
    mapping: MAPPING,
    operations,
    catalogs: CATALOGS,
    columnCount: HEADERS.length,
    dateFormat: 'YEAR_MONTH_DAY',
  })
  const preflight = createPreflight(plan)
  rows.forEach((row, i) => preflight.checkRow(row, i, i + 2))
  return preflight.finish()
}

const types = (result: ReturnType<typeof run>) =>
  result.problemRows.map((r) => [r.lineNumber, r.problems.map((p) => p.type)])

describe('createPreflight', () => {
  it.each([
    {
      description: 'a clean row',
      operations: { '0-1': 'UPSERT', '0-2': 'UPSERT' },
      rows: [['', 'ana@example.com', 'Ana', '1990-04-01', 'Acme', 'acme.com']],
      problems: [],
    },
    {
      description: 'an invalid email and an invalid date',
      operations: { '0-1': 'UPSERT' },
      rows: [['', 'ana@', 'Ana', '1990-13-45', '', '']],
      // the bad email is the reason the contact can't be created: no second "missing" problem
      problems: [[2, ['INVALID_EMAIL', 'COULD_NOT_PARSE_DATE']]],
    },
    {
      description: 'a ragged row is reported once, not cell by cell',
      operations: { '0-1': 'UPSERT' },
      rows: [['', 'ana@', 'Ana']],
      problems: [[2, ['INCORRECT_NUMBER_OF_COLUMNS']]],
    },
    {
      description: 'the same email twice, whatever its case',
      operations: { '0-1': 'UPSERT' },
      rows: [
        ['', 'ana@example.com', 'Ana', '', '', ''],
        ['', 'ANA@example.com', 'Ana', '', '', ''],
      ],
      problems: [[3, ['DUPLICATE_ALTERNATE_ID']]],
    },
    {
      description: 'the same record ID twice',
      operations: { '0-1': 'UPDATE' },
      rows: [
        ['101', '', 'Ana', '', '', ''],
        ['101', '', 'Bo', '', '', ''],
      ],
      problems: [[3, ['DUPLICATE_OBJECT_ID']]],
    },
    {
      description: 'UPDATE without any identifier value',
      operations: { '0-1': 'UPDATE' },
      rows: [['', '', 'Ana', '', '', '']],
      problems: [[2, ['MISSING_REQUIRED_PROPERTY']]],
    },
    {
      description: 'CREATE without the email',
      operations: { '0-1': 'CREATE' },
      rows: [['', '', 'Ana', '', '', '']],
      problems: [[2, ['MISSING_REQUIRED_PROPERTY']]],
    },
    {
      description: 'companies CREATE with a domain but no name',
      operations: { '0-2': 'CREATE' },
      rows: [['', '', '', '', '', 'acme.com']],
      problems: [],
    },
    {
      description: 'a row without company cells creates no company',
      operations: { '0-1': 'UPSERT', '0-2': 'CREATE' },
      rows: [['', 'ana@example.com', 'Ana', '', '', '']],
      problems: [],
    },
  ] as const)('$description', ({ operations, rows, problems }) => {
    expect(
      types(
        run(
          operations,
          rows.map((r) => [...r]),
        ),
      ),
    ).toEqual(problems)
  })

  it('names the first line of a duplicate', () => {
    const result = run({ '0-1': 'UPSERT' }, [
      ['', 'ana@example.com', '', '', '', ''],
      ['', 'bo@example.com', '', '', '', ''],
      ['', 'ana@example.com', '', '', '', ''],
    ])
    expect(result.problemRows[0]!.problems[0]).toMatchObject({
      columnIndex: 1,
      objectTypeId: '0-1',
      message:
        'Email "ana@example.com" is also on line 2; HubSpot would apply both rows to one contact. Keep one of them.',
    })
  })

  it('predicts what HubSpot will do with each row', () => {
    const result = run({ '0-1': 'UPSERT', '0-2': 'CREATE' }, [
      ['7', 'a@example.com', '', '', 'Acme', ''],
      ['', 'b@example.com', '', '', '', ''],
      ['', '', 'Cy', '', 'Globex', ''],
      ['', 'not-an-email', '', '', '', 'initech.com'],
    ])
    expect(result.expected).toEqual([
      {
        objectTypeId: '0-1',
        operation: 'UPSERT',
        toCreate: 0,
        toUpdate: 1,
        toCreateOrUpdate: 1,
        withProblems: 2,
        skipped: 0,
      },
      {
        objectTypeId: '0-2',
        operation: 'CREATE',
        toCreate: 3,
        toUpdate: 0,
        toCreateOrUpdate: 0,
        withProblems: 0,
        skipped: 1,
      },
    ])
    expect(result.problemRowCount).toBe(2)
    expect(result.problemCounts).toEqual({ MISSING_REQUIRED_PROPERTY: 1, INVALID_EMAIL: 1 })
  })

  it('collects date samples, including values that fail the chosen format', () => {
    const result = run({ '0-1': 'UPSERT' }, [
      ['', 'a@example.com', '', '03/04/2025', '', ''],
      ['', 'b@example.com', '', '', '', ''],
      ['', 'c@example.com', '', '2025-04-03', '', ''],
    ])
    expect(result.dateSamples).toEqual({ 3: ['03/04/2025', '2025-04-03'] })
  })

  it('keeps counting after the problem-row cap', () => {
    const plan = buildCheckPlan({
      mapping: MAPPING.slice(0, 2),
      operations: { '0-1': 'CREATE' },
      catalogs: CATALOGS,
      columnCount: 2,
      dateFormat: 'MONTH_DAY_YEAR',
      problemRowCap: 3,
    })
    const preflight = createPreflight(plan)
    for (let i = 0; i < 10; i++) preflight.checkRow(['', 'bad'], i, i + 2)
    const result = preflight.finish()
    expect(result.problemRows).toHaveLength(3)
    expect(result.problemRowsTruncated).toBe(true)
    expect(result.problemRowCount).toBe(10)
    expect(result.problemCounts.INVALID_EMAIL).toBe(10)
    // every row with the problem, past the cap, so one action can exclude them all
    expect(result.problemRowIndexes.INVALID_EMAIL).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(Object.keys(result.problemRowIndexes)).toEqual(Object.keys(result.problemCounts))
  })
})
