// Processing whole imports: mixed good and bad rows, operations, lists, failures, counters
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ColumnMapping } from '#shared/hubspot/import-request.ts'
import { publicImportErrorSchema } from '#shared/hubspot/public-import-error.ts'
import type { Property } from '#shared/hubspot/property.ts'
import { compileCellCheck } from '#shared/value-rules/index.ts'
import { CrmStore } from './crm-store.ts'
import { processImport } from './process-import.ts'
import { PropertyCatalogue } from './properties-catalogue.ts'
import {
  NOW,
  all,
  brief,
  byEmail,
  company,
  contact,
  run,
  testDir,
  userValues,
  world,
} from './process-test-support.ts'
import type { CrmObject, ImportJob, ProcessResult } from './types.ts'

/** Counters must describe exactly what is in the store and the error list. */
function expectCountersAddUp(result: ProcessResult, store: CrmStore, objectTypeIds: string[]) {
  const records = objectTypeIds.flatMap((id) => all(store, id))
  expect(result.counters.ERRORS).toBe(result.errors.length)
  expect(result.counters.UNIQUE_OBJECTS_WRITTEN).toBeLessThanOrEqual(
    (result.counters.CREATED_OBJECTS ?? 0) + (result.counters.UPDATED_OBJECTS ?? 0),
  )
  for (const error of result.errors) expect(publicImportErrorSchema.parse(error)).toEqual(error)
  expect(new Set(result.errors.map((e) => e.id)).size).toBe(result.errors.length)
  return records
}

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

describe('processImport: operations', () => {
  const csv = 'Email,First Name\nann@example.com,Annie\nbea@example.com,Bea\n'
  const mappings = [contact('Email', 'email'), contact('First Name', 'firstname')]

  it.each([
    ['UPSERT', [], { CREATED_OBJECTS: 1, UPDATED_OBJECTS: 1 }, 'Annie', true],
    [
      'CREATE',
      [[2, 'CREATE_ONLY_IMPORT', 0]],
      { CREATED_OBJECTS: 1, UPDATED_OBJECTS: 0 },
      'Ann',
      true,
    ],
    [
      'UPDATE',
      [[3, 'UPDATE_ONLY_IMPORT', 0]],
      { CREATED_OBJECTS: 0, UPDATED_OBJECTS: 1 },
      'Annie',
      false,
    ],
  ] as const)('%s', async (operation, errors, counts, annName, beaExists) => {
    const w = world()
    const ann = w.store.create(
      '0-1',
      { email: 'ANN@example.com', firstname: 'Ann', city: 'Oslo' },
      NOW,
    )
    const { result, store } = await run(
      [{ content: csv, mappings }],
      { importOperations: { '0-1': operation } },
      { world: w },
    )
    expect(brief(result.errors)).toEqual(errors)
    expect(result.counters).toMatchObject({ TOTAL_ROWS: 2, ...counts })
    expect(store.get('0-1', ann.id)?.properties).toMatchObject({ firstname: annName, city: 'Oslo' })
    expect(byEmail(store, 'bea@example.com') !== undefined).toBe(beaExists)
    expect(store.count('0-1')).toBe(beaExists ? 2 : 1)
    expectCountersAddUp(result, store, ['0-1'])
  })

  it('updates by record ID, and rejects unknown, malformed and repeated record IDs', async () => {
    const w = world()
    const a = w.store.create('0-1', { email: 'a@example.com', firstname: 'A' }, NOW)
    const b = w.store.create('0-1', { email: 'b@example.com' }, NOW)
    const content = [
      'Record ID,Email,First Name',
      `${a.id},a.new@example.com,Alpha`,
      '999999999999,,Nobody',
      'abc,,Bad',
      `${a.id},,Again`,
      `${b.id},a.new@example.com,Clash`,
    ].join('\r\n')
    const { result, store } = await run(
      [
        {
          content,
          mappings: [
            contact('Record ID', 'hs_object_id', { columnType: 'HUBSPOT_OBJECT_ID' }),
            contact('Email', 'email'),
            contact('First Name', 'firstname'),
          ],
        },
      ],
      { importOperations: { '0-1': 'UPDATE' } },
      { world: w },
    )
    expect(brief(result.errors)).toEqual([
      [3, 'INVALID_RECORD_ID', 0],
      [4, 'INVALID_RECORD_ID', 0],
      [5, 'DUPLICATE_OBJECT_ID', 0],
      [6, 'DUPLICATE_UNIQUE_PROPERTY_VALUE', 1],
    ])
    expect(userValues(store.get('0-1', a.id))).toEqual({
      email: 'a.new@example.com',
      firstname: 'Alpha',
    })
    expect(userValues(store.get('0-1', b.id))).toEqual({
      email: 'b@example.com',
      firstname: 'Clash',
    })
    expect(result.counters).toMatchObject({
      TOTAL_ROWS: 5,
      UPDATED_OBJECTS: 2,
      CREATED_OBJECTS: 0,
      PROPERTY_VALUES_EMITTED: 3,
    })
  })

  it('appends to multi-checkbox values with a leading semicolon, replaces without', async () => {
    const w = world()
    w.store.create('0-1', { email: 'a@example.com', interests: 'analytics' }, NOW)
    w.store.create('0-1', { email: 'b@example.com', interests: 'analytics' }, NOW)
    const { store } = await run(
      [
        {
          content: 'Email,Interests\na@example.com,;crm;Analytics\nb@example.com,crm\n',
          mappings: [contact('Email', 'email'), contact('Interests', 'interests')],
        },
      ],
      {},
      { world: w },
    )
    expect(byEmail(store, 'a@example.com')?.properties.interests).toBe('analytics;crm')
    expect(byEmail(store, 'b@example.com')?.properties.interests).toBe('crm')
  })

  it.each([
    ['0-3', 'Deal,Stage\nBig deal,closedwon\n', [[2, 'MISSING_REQUIRED_PROPERTY', undefined]], 0],
    ['0-3', 'Deal,Pipeline,Stage\nBig deal,Sales Pipeline,Closed Won\n', [], 1],
    ['0-3', 'Deal,Pipeline,Stage\nBig deal,default,\n', [[2, 'MISSING_REQUIRED_PROPERTY', 2]], 0],
    ['0-5', 'Ticket,Pipeline,Status\nPrinter on fire,Support Pipeline,New\n', [], 1],
    ['0-2', 'Name\nAcme\n', [], 1],
  ] as const)('%s required-to-create: %j', async (objectTypeId, content, errors, created) => {
    const names: Record<string, string> = {
      Deal: 'dealname',
      Stage: objectTypeId === '0-3' ? 'dealstage' : 'hs_pipeline_stage',
      Pipeline: objectTypeId === '0-3' ? 'pipeline' : 'hs_pipeline',
      Ticket: 'subject',
      Status: 'hs_pipeline_stage',
      Name: 'name',
    }
    const header = content.split('\n')[0]?.split(',') ?? []
    const { result, store } = await run([
      {
        content,
        mappings: header.map((h) => ({
          columnObjectTypeId: objectTypeId,
          columnName: h,
          propertyName: names[h] ?? h,
        })),
      },
    ])
    expect(brief(result.errors)).toEqual(errors)
    expect(store.count(objectTypeId)).toBe(created)
  })
})

describe('processImport: contacts and companies in one file', () => {
  it('writes both, associates them both ways, and reuses a repeated company', async () => {
    const content = [
      'Email,First Name,Company,Domain',
      'a@example.com,Ann,Acme,acme.com',
      'b@example.com,Bea,Acme Inc,https://www.acme.com/',
      'c@example.com,Cy,,',
      ',Nameless,Orphan Co,orphan.com',
      'd@example.com,Di,Bad Co,not a domain',
    ].join('\n')
    const { result, store } = await run(
      [
        {
          content,
          mappings: [
            contact('Email', 'email'),
            contact('First Name', 'firstname'),
            company('Company', 'name'),
            company('Domain', 'domain'),
          ],
        },
      ],
      { importOperations: { '0-1': 'UPSERT', '0-2': 'CREATE' }, createContactListFromImport: true },
    )
    expect(brief(result.errors)).toEqual([
      [5, 'MISSING_REQUIRED_PROPERTY', 0],
      [6, 'INVALID_DOMAIN', 3],
    ])
    const companies = all(store, '0-2')
    expect(companies.map(userValues)).toEqual([
      { name: 'Acme Inc', domain: 'acme.com' },
      { name: 'Orphan Co', domain: 'orphan.com' },
    ])
    const [acme, orphan] = companies as [CrmObject, CrmObject]
    const ann = byEmail(store, 'a@example.com') as CrmObject
    const bea = byEmail(store, 'b@example.com') as CrmObject
    expect(ann.associations).toEqual([
      {
        toObjectTypeId: '0-2',
        toObjectId: acme.id,
        associationTypeId: 279,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(
      store.get('0-2', acme.id)?.associations.map((a) => [a.toObjectId, a.associationTypeId]),
    ).toEqual([
      [ann.id, 280],
      [bea.id, 280],
    ])
    expect(byEmail(store, 'c@example.com')?.associations).toEqual([])
    expect(byEmail(store, 'd@example.com')?.associations).toEqual([])
    expect(orphan.associations).toEqual([])
    expect(result.counters).toEqual({
      TOTAL_ROWS: 5,
      CREATED_OBJECTS: 4 + 2,
      UPDATED_OBJECTS: 1,
      UNIQUE_OBJECTS_WRITTEN: 6,
      PROPERTY_VALUES_EMITTED: 4 * 2 + 2 * 2 + 1,
      ERRORS: 2,
      ASSOCIATIONS_CREATED: 2,
    })
    expectCountersAddUp(result, store, ['0-1', '0-2'])
    expect(result.objectLists).toEqual([
      { listId: expect.stringMatching(/^\d+$/), objectType: 'contacts' },
    ])
    const listId = result.objectLists[0]?.listId as string
    expect(store.getList(listId)?.ids.sort()).toEqual(
      ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']
        .map((e) => byEmail(store, e)?.id)
        .sort(),
    )
  })

  it('joins two files on a common column, whatever the upload order', async () => {
    const { result, store } = await run([
      {
        name: 'companies.csv',
        content:
          'Company,Domain,Email\nAcme,acme.com,a@example.com\nBeta,beta.com,nobody@example.com\n',
        mappings: [
          company('Company', 'name'),
          company('Domain', 'domain'),
          {
            columnObjectTypeId: '0-2',
            toColumnObjectTypeId: '0-1',
            columnName: 'Email',
            propertyName: null,
            foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
          },
        ],
      },
      {
        name: 'contacts.csv',
        content: 'First Name,Email\nAnn,a@example.com\n',
        mappings: [
          contact('First Name', 'firstname'),
          contact('Email', 'email', { associationIdentifierColumn: true }),
        ],
      },
    ])
    expect(brief(result.errors)).toEqual([[3, 'NO_OBJECT_ID_FROM_ASSOCIATION_IDENTIFIER', 2]])
    expect(result.errors[0]?.sourceData.pageName).toBe('companies.csv')
    expect(result.errors[0]?.errorMessage).toBe(
      'No row of contacts.csv has the email nobody@example.com, so the company was not associated with a contact.',
    )
    const acme = store.findByUnique('0-2', 'domain', 'acme.com') as CrmObject
    const ann = byEmail(store, 'a@example.com') as CrmObject
    expect(acme.associations).toEqual([
      {
        toObjectTypeId: '0-1',
        toObjectId: ann.id,
        associationTypeId: 280,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(ann.associations.map((a) => [a.toObjectId, a.associationTypeId])).toEqual([
      [acme.id, 279],
    ])
    expect(result.counters).toMatchObject({
      TOTAL_ROWS: 3,
      CREATED_OBJECTS: 3,
      ASSOCIATIONS_CREATED: 1,
    })
  })

  it('associates by a record-ID column (legacy spelling)', async () => {
    const w = world()
    const acme = w.store.create('0-2', { name: 'Acme' }, NOW)
    const { result, store } = await run(
      [
        {
          content: `Email,Company ID\na@example.com,${acme.id}\nb@example.com,12345\n`,
          mappings: [
            {
              columnObjectType: 'CONTACT',
              columnName: 'Email',
              propertyName: 'email',
              idColumnType: 'HUBSPOT_ALTERNATE_ID',
              ignored: false,
            },
            {
              columnObjectType: 'CONTACT',
              columnName: 'Company ID',
              propertyName: null,
              idColumnType: 'HUBSPOT_OBJECT_ID',
              foreignKeyType: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 },
              ignored: false,
            },
          ],
        },
      ],
      {},
      { world: w },
    )
    expect(brief(result.errors)).toEqual([[3, 'UNKNOWN_ASSOCIATION_RECORD_ID', 1]])
    expect(byEmail(store, 'a@example.com')?.associations).toEqual([
      {
        toObjectTypeId: '0-2',
        toObjectId: acme.id,
        associationTypeId: 1,
        associationCategory: 'HUBSPOT_DEFINED',
      },
    ])
    expect(result.counters.ASSOCIATIONS_CREATED).toBe(1)
  })
})

describe('processImport: file format', () => {
  it('reads the legacy mapping spelling and skips ignored columns', async () => {
    const { result, store } = await run([
      {
        content: 'Email,Notes,Last Name\nleg@example.com,skip me,Acy\n',
        mappings: [
          {
            columnObjectType: 'CONTACT',
            columnName: 'Email',
            propertyName: 'email',
            idColumnType: 'HUBSPOT_ALTERNATE_ID',
            ignored: false,
            foreignKeyType: null,
            associationIdentifierColumn: false,
          },
          {
            columnObjectType: 'CONTACT',
            columnName: 'Notes',
            propertyName: 'message',
            ignored: true,
          },
          {
            columnObjectType: 'CONTACT',
            columnName: 'Last Name',
            propertyName: 'lastname',
            idColumnType: null,
          },
        ],
      },
    ])
    expect(result.errors).toEqual([])
    expect(userValues(byEmail(store, 'leg@example.com'))).toEqual({
      email: 'leg@example.com',
      lastname: 'Acy',
    })
  })

  it.each([
    [
      'BOM, CRLF, quoted comma and newline',
      '\uFEFFEmail,First Name\r\n"q@example.com","Multi\r\nLine, Name"\r\n',
      [],
      'Multi\r\nLine, Name',
    ],
    ['LF, no trailing newline', 'Email,First Name\nq@example.com,Plain', [], 'Plain'],
    ['blank lines are not records', 'Email,First Name\n\nq@example.com,Gap\n\n', [], 'Gap'],
  ])('%s', async (_name, content, errors, firstname) => {
    const { result, store } = await run([
      { content, mappings: [contact('Email', 'email'), contact('First Name', 'firstname')] },
    ])
    expect(brief(result.errors)).toEqual(errors)
    expect(byEmail(store, 'q@example.com')?.properties.firstname).toBe(firstname)
    expect(result.counters.TOTAL_ROWS).toBe(1)
  })

  it('hasHeader false: line 1 is data', async () => {
    const { result, store } = await run([
      {
        content: 'h1@example.com,One\nh2@example.com\n',
        hasHeader: false,
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
    ])
    expect(brief(result.errors)).toEqual([[2, 'INCORRECT_NUMBER_OF_COLUMNS', undefined]])
    expect(byEmail(store, 'h1@example.com')?.properties.firstname).toBe('One')
    expect(result.counters.TOTAL_ROWS).toBe(2)
  })

  it('follows the header when it holds the mapped names in another order', async () => {
    const { store } = await run([
      {
        content: 'First Name,Email\nRe,re@example.com\n',
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
    ])
    expect(byEmail(store, 're@example.com')?.properties.firstname).toBe('Re')
  })

  it('a semicolon-delimited file is one column per row: every row has the wrong column count', async () => {
    const { result, store } = await run([
      {
        content: 'Email;First Name\ns@example.com;Semi\n',
        hasHeader: false,
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
    ])
    expect(brief(result.errors)).toEqual([
      [1, 'INCORRECT_NUMBER_OF_COLUMNS', undefined],
      [2, 'INCORRECT_NUMBER_OF_COLUMNS', undefined],
    ])
    expect(store.count('0-1')).toBe(0)
  })

  it.each([
    ['an unmapped extra column', 'Email,First Name,Extra\nx@example.com,X,1\n', 2, 'Extra'],
    ['a missing column', 'Email\nx@example.com\n', undefined, undefined],
    ['a semicolon header', 'Email;First Name\nx@example.com;X\n', undefined, undefined],
    ['an empty file', '', undefined, undefined],
  ])('FAILED before writing anything: %s', async (_name, content, column, invalidValue) => {
    const { result, store } = await run([
      {
        content: 'Email,First Name\nok@example.com,Ok\n',
        mappings: [contact('Email', 'email'), contact('First Name', 'firstname')],
      },
      { content, mappings: [contact('Email', 'email'), contact('First Name', 'firstname')] },
    ])
    expect(result.outcome).toBe('FAILED')
    expect(result.failureReason).toMatch(/columns/)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({
      errorType: 'INCORRECT_NUMBER_OF_COLUMNS',
      ...(column === undefined ? {} : { knownColumnNumber: column, invalidValue }),
      sourceData: { lineNumber: 0, fileId: 5001 },
    })
    if (column === undefined) expect(result.errors[0]?.knownColumnNumber).toBeUndefined()
    expect(store.count('0-1')).toBe(0)
    expect(result.counters).toMatchObject({ TOTAL_ROWS: 0, ERRORS: 1 })
  })
})

describe('processImport: other problems', () => {
  const mappings = [contact('Email', 'email'), contact('First Name', 'firstname')]

  it('a row Papa cannot parse is COULD_NOT_PARSE_ROW and not written', async () => {
    const { result, store } = await run([
      { content: 'Email,First Name\nok@example.com,Ok\nbad@example.com,"never closed\n', mappings },
    ])
    expect(brief(result.errors)).toEqual([[3, 'COULD_NOT_PARSE_ROW', undefined]])
    expect(all(store, '0-1').map((r) => r.properties.email)).toEqual(['ok@example.com'])
    expect(result.counters).toMatchObject({ TOTAL_ROWS: 2, CREATED_OBJECTS: 1 })
  })

  it('an association label it does not know is reported; the records are still associated', async () => {
    const { result, store } = await run([
      {
        content: 'Email,Domain,Label\na@example.com,acme.com,Manager\nb@example.com,beta.com,\n',
        mappings: [
          contact('Email', 'email'),
          company('Domain', 'domain'),
          {
            columnObjectTypeId: '0-1',
            toColumnObjectTypeId: '0-2',
            columnName: 'Label',
            columnType: 'FLEXIBLE_ASSOCIATION_LABEL',
          },
        ],
      },
    ])
    expect(brief(result.errors)).toEqual([[2, 'ASSOCIATION_LABEL_NOT_FOUND', 2]])
    expect(byEmail(store, 'a@example.com')?.associations).toHaveLength(1)
    expect(result.counters.ASSOCIATIONS_CREATED).toBe(2)
  })

  it('CREATE for companies: an existing company is not written or associated; the contact is', async () => {
    const w = world()
    const acme = w.store.create('0-2', { domain: 'acme.com', name: 'Acme' }, NOW)
    const { result, store } = await run(
      [
        {
          content: 'Email,Domain,Company\na@example.com,acme.com,Renamed\n',
          mappings: [
            contact('Email', 'email'),
            company('Domain', 'domain'),
            company('Company', 'name'),
          ],
        },
      ],
      { importOperations: { '0-2': 'CREATE' } },
      { world: w },
    )
    expect(
      result.errors.map((e) => [e.errorType, e.objectType, e.objectTypeId, e.knownColumnNumber]),
    ).toEqual([['CREATE_ONLY_IMPORT', 'COMPANY', '0-2', 1]])
    expect(store.get('0-2', acme.id)?.properties.name).toBe('Acme')
    expect(byEmail(store, 'a@example.com')?.associations).toEqual([])
    expect(result.counters).toMatchObject({ CREATED_OBJECTS: 1, UPDATED_OBJECTS: 0 })
    expect(result.counters.ASSOCIATIONS_CREATED).toBeUndefined()
  })

  it('dedupes a custom unique property even when the store was built without a catalogue', async () => {
    const catalogue = new PropertyCatalogue()
    const store = new CrmStore()
    store.create('0-1', { email: 'a@example.com', customer_number: 'C-1' }, NOW)
    const { result } = await run(
      [
        {
          content: 'Email,Customer No\nb@example.com,C-1\n',
          mappings: [contact('Email', 'email'), contact('Customer No', 'customer_number')],
        },
      ],
      {},
      { world: { catalogue, store } },
    )
    expect(brief(result.errors)).toEqual([[2, 'DUPLICATE_UNIQUE_PROPERTY_VALUE', 1]])
    expect(byEmail(store, 'b@example.com')?.properties.customer_number).toBeUndefined()
  })

  it('imports a custom object the catalogue knows', async () => {
    const w = world()
    w.catalogue.add('2-99', {
      ...(w.catalogue.get('0-1', 'firstname') as Property),
      name: 'pet_name',
      label: 'Pet name',
    })
    const { result, store } = await run(
      [
        {
          content: 'Pet\nRex\n',
          mappings: [{ columnObjectTypeId: '2-99', columnName: 'Pet', propertyName: 'pet_name' }],
        },
      ],
      {},
      { world: w },
    )
    expect(result.errors).toEqual([])
    expect(all(store, '2-99').map(userValues)).toEqual([{ pet_name: 'Rex' }])
  })

  it.each([
    [
      'an object type the account lacks',
      [{ columnObjectTypeId: '2-12345', columnName: 'X', propertyName: 'x' }],
      'X\n1\n',
      'MISSING_OBJECT_DEFINITION',
    ],
    ['a file that is not on disk', mappings, null, 'FILE_NOT_FOUND'],
  ] as const)('FAILED: %s', async (_name, columnMappings, content, errorType) => {
    const w = world()
    const job: ImportJob = {
      importId: '9',
      request: {
        name: 'x',
        files: [
          {
            fileName: 'a.csv',
            fileImportPage: { hasHeader: true, columnMappings: [...columnMappings] },
          },
        ],
      },
      files: [
        {
          fileName: 'a.csv',
          path: join(testDir(), content === null ? 'does-not-exist.csv' : 'failed-a.csv'),
          fileId: 1,
          rowCount: 1,
        },
      ],
    }
    if (content !== null) await writeFile(join(testDir(), 'failed-a.csv'), content)
    const result = await processImport(job, {
      ...w,
      signal: new AbortController().signal,
      rowsPerSecond: 0,
    })
    expect(result.outcome).toBe('FAILED')
    expect(result.errors.map((e) => [e.errorType, e.sourceData.lineNumber])).toEqual([
      [errorType, 0],
    ])
    expect(result.counters.ERRORS).toBe(1)
  })

  it('refuses a store it cannot write to', async () => {
    const readOnly = {
      get: () => undefined,
      list: () => ({ results: [] }),
      findByUnique: () => undefined,
      reset: () => undefined,
    }
    const job: ImportJob = { importId: '1', request: { name: 'x', files: [] }, files: [] }
    await expect(
      processImport(job, {
        catalogue: new PropertyCatalogue(),
        store: readOnly,
        signal: new AbortController().signal,
        rowsPerSecond: 0,
      }),
    ).rejects.toThrow(TypeError)
  })
})

describe('processImport: pacing and cancel', () => {
  const rows = (n: number) =>
    ['Email,First Name', ...Array.from({ length: n }, (_, i) => `p${i}@example.com,P${i}`)].join(
      '\n',
    )
  const mappings = [contact('Email', 'email'), contact('First Name', 'firstname')]

  it('stops promptly when the signal aborts and keeps what was written', async () => {
    const controller = new AbortController()
    const progress: number[] = []
    const { result, store } = await run(
      [{ content: rows(2_000), mappings }],
      {},
      {
        signal: controller.signal,
        rowsPerSecond: 2_000,
        onProgress: (counters) => {
          progress.push(counters.TOTAL_ROWS ?? 0)
          if ((counters.TOTAL_ROWS ?? 0) >= 300) controller.abort()
        },
      },
    )
    expect(result.outcome).toBe('DONE')
    expect(result.counters.TOTAL_ROWS).toBeGreaterThanOrEqual(300)
    expect(result.counters.TOTAL_ROWS).toBeLessThan(400)
    expect(store.count('0-1')).toBe(result.counters.CREATED_OBJECTS)
    expect(progress.length).toBeGreaterThan(1)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('paces rows to rowsPerSecond', async () => {
    const started = Date.now()
    const { result } = await run([{ content: rows(100), mappings }], {}, { rowsPerSecond: 400 })
    expect(result.counters.TOTAL_ROWS).toBe(100)
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)
  })

  it('unthrottled, still lets timers run during a large import', async () => {
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 0)
    const { result } = await run(
      [{ content: rows(12_000), mappings }],
      {},
      { rowsPerSecond: Infinity },
    )
    clearInterval(timer)
    expect(result.counters.CREATED_OBJECTS).toBe(12_000)
    expect(ticks).toBeGreaterThan(0)
  })
})
