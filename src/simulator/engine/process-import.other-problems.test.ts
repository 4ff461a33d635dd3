// Processing's other problems: unparsable rows, unknown labels, custom objects, imports that fail whole
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Property } from '#shared/hubspot/property.ts'
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
import type { ImportJob } from './types.ts'

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
