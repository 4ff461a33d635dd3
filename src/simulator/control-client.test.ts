// The shared test client (src/shared/testing) against a real simulator: every call the test layers make
import { describe, expect, it } from 'vitest'
import { SimulatorControl } from '#shared/testing/simulator-control.ts'
import { contactsImportRequest, quotedCsv } from '#shared/testing/contacts-import.ts'
import { startSimulator, TOKEN, waitFor } from './test-support.ts'

async function controlled() {
  const simulator = await startSimulator({ control: true })
  return { simulator, control: new SimulatorControl({ url: simulator.url, token: TOKEN }) }
}

describe('SimulatorControl', () => {
  it('starts a contacts import and reads back the records that landed', async () => {
    const { control } = await controlled()
    const id = await control.startImport(
      'Two people',
      ['email', 'firstname'],
      [
        ['E-mail', 'Name'],
        ['ada@example.com', 'Ada "the first"'],
        ['grace@example.com', 'Grace, Admiral'],
      ],
    )
    expect(await control.importIds()).toEqual([id])
    // waitFor waits for a value other than undefined
    await waitFor(async () => ((await control.imports())[0]?.state === 'DONE' ? true : undefined))
    const people = await control.objects('contacts', ['email', 'firstname'])
    expect(people.map((p) => [p.properties.email, p.properties.firstname]).sort()).toEqual([
      ['ada@example.com', 'Ada "the first"'],
      ['grace@example.com', 'Grace, Admiral'],
    ])
  })

  it('configures, injects faults, logs requests and resets', async () => {
    const { simulator, control } = await controlled()
    await control.configure({ paused: true })
    expect(simulator.state.settings.paused).toBe(true)
    await control.fault({ status: 503, method: 'GET', pathPrefix: '/crm/v3/imports' })
    expect(await control.faults()).toHaveLength(1)
    await expect(control.imports()).rejects.toThrow(/503/)
    expect((await control.requests()).map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/crm/v3/imports', 503],
    ])
    await control.clearRequests()
    expect(await control.requests()).toEqual([])
    await control.addToken('pat-second-app', ['crm.import'])
    await control.reset()
    expect(simulator.state.settings.paused).toBe(false)
    expect(await control.faults()).toEqual([])
    expect((await control.stats()).imports).toBe(0)
  })

  it('says which call failed and how', async () => {
    const simulator = await startSimulator()
    const control = new SimulatorControl({ url: simulator.url, token: TOKEN })
    await expect(control.reset()).rejects.toThrow('simulator POST /__simulator/reset: 404')
  })
})

describe('contactsImportRequest', () => {
  it.each([
    {
      columns: undefined,
      expected: [
        ['Email', 'email', 'HUBSPOT_ALTERNATE_ID'],
        ['First Name', 'firstname', undefined],
        ['Last Name', 'lastname', undefined],
      ],
    },
    {
      columns: ['email', 'phone'],
      expected: [
        ['email', 'email', 'HUBSPOT_ALTERNATE_ID'],
        ['phone', 'phone', undefined],
      ],
    },
  ])('maps $columns', ({ columns, expected }) => {
    const request = contactsImportRequest('a.csv', columns)
    const mappings = request.files[0]!.fileImportPage.columnMappings
    expect(
      mappings.map((m) => [
        'columnName' in m ? m.columnName : '',
        m.propertyName,
        'columnType' in m ? m.columnType : undefined,
      ]),
    ).toEqual(expected)
  })

  it('quotes every cell of the CSV', () => {
    expect(quotedCsv([['a', 'say "hi"']])).toBe('"a","say ""hi"""\r\n')
  })
})
