// Processing by operation (create, update, upsert, record IDs, required properties), pacing and cancel
import { describe, expect, it } from 'vitest'
import {
  NOW,
  brief,
  byEmail,
  contact,
  expectCountersAddUp,
  run,
  userValues,
  world,
} from './process-test-support.ts'

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
