// Processing a contacts file that mixes good and bad rows: each problem, each value written, the counters
import { beforeAll, describe, expect, it } from 'vitest'
import type { ColumnMapping } from '#shared/hubspot/import-request.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { compileCellCheck } from '#shared/value-rules/index.ts'
import type { CrmStore } from './crm-store.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'
import {
  NOW,
  all,
  brief,
  byEmail,
  contact,
  expectCountersAddUp,
  run,
  userValues,
} from './process-test-support.ts'
import type { ProcessResult } from './types.ts'

const contactMappings: ColumnMapping[] = [
  contact('Email', 'email', { columnType: 'HUBSPOT_ALTERNATE_ID' }),
  contact('First Name', 'firstname'),
  contact('Lifecycle', 'lifecyclestage'),
  contact('Lead Status', 'hs_lead_status'),
  contact('Interests', 'interests'),
  contact('Newsletter', 'newsletter_opt_in'),
  contact('Birthday', 'date_of_birth'),
  contact('Revenue', 'annualrevenue'),
  contact('Made Up', 'no_such_property'),
  contact('Created', 'createdate'),
  contact('Customer No', 'customer_number'),
]
const HEADER =
  'Email,First Name,Lifecycle,Lead Status,Interests,Newsletter,Birthday,Revenue,Made Up,Created,Customer No'
const MIXED_ROWS = [
  // line 2: all good but the unknown property
  'alice@example.com,Alice,Lead,NEW,Analytics;CRM,Yes,01/31/1990,1000.50,whatever,,C-1',
  // line 3: three bad values, written without them
  'bob@example.com,Bob,NotAStage,,,,13/45/1990,abc,,,',
  // line 4: invalid key email: not written
  'not-an-email,Carl,lead,,,,,,,,',
  // line 5: no identifier, so a create without the required email
  ',Dana,lead,,,,,,,,',
  // line 6: the same email again, differently cased
  'ALICE@example.com,Alicia,,,,,,,,,',
  // line 7: a read-only property
  'erin@example.com,"Erin, ""E""",,,,,,,,2024-01-01,',
  // line 8: too few cells
  'frank@example.com,Frank',
  // line 9: a unique value another contact holds
  'gina@example.com,Gina,customer,OPEN,,no,,,,,C-1',
  // line 10: a bad option in the lead status select, bad checkbox option
  'hank@example.com,Hank,,NOPE,Knitting,maybe,,,,,C-2',
]

describe('processImport: a mix of good and bad contact rows', () => {
  let result: ProcessResult
  let store: CrmStore
  beforeAll(async () => {
    ;({ result, store } = await run([
      { content: [HEADER, ...MIXED_ROWS].join('\n') + '\n', mappings: contactMappings },
    ]))
  })

  it('records exactly the expected problems, row by row and column by column', () => {
    expect(result.outcome).toBe('DONE')
    expect(brief(result.errors)).toEqual([
      [2, 'PROPERTY_DEFINITION_NOT_FOUND', 8],
      [3, 'INVALID_ENUMERATION_OPTION', 2],
      [3, 'COULD_NOT_PARSE_DATE', 6],
      [3, 'COULD_NOT_PARSE_NUMBER', 7],
      [4, 'INVALID_EMAIL', 0],
      [5, 'MISSING_REQUIRED_PROPERTY', 0],
      [6, 'DUPLICATE_ALTERNATE_ID', 0],
      [7, 'INVALID_COLUMN_CONFIGURATION', 9],
      [8, 'INCORRECT_NUMBER_OF_COLUMNS', undefined],
      [9, 'DUPLICATE_UNIQUE_PROPERTY_VALUE', 10],
      [10, 'INVALID_ENUMERATION_OPTION', 3],
      [10, 'INVALID_ENUMERATION_OPTION', 4],
      [10, 'INVALID_ENUMERATION_OPTION', 5],
    ])
  })

  it('fills every error in HubSpot shape with the raw value, the row and the file', () => {
    const [first] = result.errors
    expect(first).toEqual({
      id: '7001-1',
      createdAt: NOW.getTime(),
      errorType: 'PROPERTY_DEFINITION_NOT_FOUND',
      errorMessage: expect.stringContaining('no_such_property'),
      invalidValue: 'whatever',
      knownColumnNumber: 8,
      objectType: 'CONTACT',
      objectTypeId: '0-1',
      sourceData: {
        rowData: MIXED_ROWS[0]?.split(','),
        additionalRowData: [],
        containsEncryptedProperties: false,
        fileId: 5000,
        lineNumber: 2,
        pageName: expect.stringMatching(/\.csv$/),
      },
    })
    const invalidValues = result.errors.map((e) => e.invalidValue)
    expect(invalidValues).toEqual([
      'whatever',
      'NotAStage',
      '13/45/1990',
      'abc',
      'not-an-email',
      '',
      'ALICE@example.com',
      '2024-01-01',
      undefined,
      'C-1',
      'NOPE',
      'Knitting',
      'maybe',
    ])
    for (const error of result.errors) {
      expect(error.errorMessage?.length).toBeGreaterThan(10)
      expect(error.sourceData.rowData.length).toBeGreaterThan(0)
    }
  })

  it('writes every good value and no bad one', () => {
    const rule = (name: string, raw: string) => {
      const check = compileCellCheck(new PropertyCatalogue().get('0-1', name) as Property, {
        dateFormat: 'MONTH_DAY_YEAR',
      })
      const r = check(raw)
      if (r.kind !== 'ok') throw new Error(`${name} ${raw} should be valid`)
      return r.value
    }
    expect(all(store, '0-1').map((r) => r.properties.email)).toEqual([
      'alice@example.com',
      'bob@example.com',
      'erin@example.com',
      'gina@example.com',
      'hank@example.com',
    ])
    expect(userValues(byEmail(store, 'alice@example.com'))).toEqual({
      email: 'alice@example.com',
      firstname: 'Alice',
      lifecyclestage: 'lead',
      hs_lead_status: 'NEW',
      interests: rule('interests', 'Analytics;CRM'),
      newsletter_opt_in: 'true',
      date_of_birth: rule('date_of_birth', '01/31/1990'),
      annualrevenue: rule('annualrevenue', '1000.50'),
      customer_number: 'C-1',
    })
    expect(userValues(byEmail(store, 'bob@example.com'))).toEqual({
      email: 'bob@example.com',
      firstname: 'Bob',
    })
    expect(userValues(byEmail(store, 'erin@example.com'))).toEqual({
      email: 'erin@example.com',
      firstname: 'Erin, "E"',
    })
    expect(byEmail(store, 'erin@example.com')?.properties.createdate).toBe(NOW.toISOString())
    expect(userValues(byEmail(store, 'gina@example.com'))).toEqual({
      email: 'gina@example.com',
      firstname: 'Gina',
      lifecyclestage: 'customer',
      hs_lead_status: 'OPEN',
      newsletter_opt_in: 'false',
    })
    expect(userValues(byEmail(store, 'hank@example.com'))).toEqual({
      email: 'hank@example.com',
      firstname: 'Hank',
      customer_number: 'C-2',
    })
    // Alice was not overwritten by the duplicate row
    expect(byEmail(store, 'alice@example.com')?.properties.firstname).toBe('Alice')
  })

  it('counts what happened, and the counters add up', () => {
    const records = expectCountersAddUp(result, store, ['0-1'])
    const emitted = records.reduce((n, r) => n + Object.keys(userValues(r) ?? {}).length, 0)
    expect(result.counters).toEqual({
      TOTAL_ROWS: MIXED_ROWS.length,
      CREATED_OBJECTS: 5,
      UPDATED_OBJECTS: 0,
      UNIQUE_OBJECTS_WRITTEN: 5,
      PROPERTY_VALUES_EMITTED: emitted,
      ERRORS: 13,
    })
    expect(emitted).toBe(9 + 2 + 2 + 5 + 3)
  })

  it('accounts for every non-blank cell: stored, or named by an error on its row', () => {
    const written = new Map(all(store, '0-1').map((r) => [r.properties.email, r]))
    MIXED_ROWS.forEach((line, i) => {
      const lineNumber = i + 2
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? []
      const rowErrors = result.errors.filter((e) => e.sourceData.lineNumber === lineNumber)
      const blocked = rowErrors.some((e) =>
        [
          'INVALID_EMAIL',
          'MISSING_REQUIRED_PROPERTY',
          'DUPLICATE_ALTERNATE_ID',
          'INCORRECT_NUMBER_OF_COLUMNS',
        ].includes(e.errorType),
      )
      if (blocked) return
      const record = written.get(cells[0]?.toLowerCase())
      expect(record, `line ${lineNumber}`).toBeDefined()
      cells.forEach((raw, column) => {
        if (raw.trim() === '') return
        const property = contactMappings[column]?.propertyName as string
        const errored = rowErrors.some((e) => e.knownColumnNumber === column)
        expect(
          errored || record?.properties[property] !== undefined,
          `line ${lineNumber} column ${column}`,
        ).toBe(true)
        if (errored) expect(record?.properties[property] ?? '').not.toBe(raw)
      })
    })
  })
})
