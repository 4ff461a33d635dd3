// Playwright fixtures: the simulator's control routes, reset before each test, and the wizard's page object
import { test as base, expect } from '@playwright/test'
import { ImportWizardPage } from './pages/import-wizard-page.ts'
import { SIMULATOR_TOKEN, SIMULATOR_URL } from './playwright.config.ts'

/**
 * fetch with one retry on a network error: the simulator may close a kept-alive socket (it drops
 * connections on purpose in fault tests), and undici then reports EPIPE on reuse.
 */
async function fetchOnceMore(input: string | URL, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init)
  } catch {
    return await fetch(input, init)
  }
}

/** A record as the objects API returns it, with the associations asked for. */
export interface StoredObject {
  id: string
  properties: Record<string, string | null>
  associations?: Record<string, { results: { id: string; type: string }[] }>
}

/** Drives the simulator's test control routes and reads what actually landed in its CRM store. */
export class SimulatorControl {
  async reset(): Promise<void> {
    await this.post('/__simulator/reset', {})
  }

  /** e.g. `{ rowsPerSecond: 20 }` or `{ paused: true }` */
  async configure(config: Record<string, unknown>): Promise<void> {
    await this.post('/__simulator/config', config)
  }

  /** a HubSpot fault for the next matching requests, e.g. `{ dropAnswerAfterBytes: 0, method: 'POST' }` */
  async fault(spec: Record<string, unknown>): Promise<void> {
    await this.post('/__simulator/faults', spec)
  }

  async requests(): Promise<{ method: string; path: string; status: number }[]> {
    const response = await fetchOnceMore(`${SIMULATOR_URL}/__simulator/requests`)
    const body = (await response.json()) as
      | { requests: { method: string; path: string; status: number }[] }
      | { method: string; path: string; status: number }[]
    return Array.isArray(body) ? body : body.requests
  }

  /** The ids of the imports the simulator holds (the app's list, newest first). */
  async importIds(): Promise<string[]> {
    const response = await fetchOnceMore(`${SIMULATOR_URL}/crm/v3/imports?limit=100`, {
      headers: { Authorization: `Bearer ${SIMULATOR_TOKEN}` },
    })
    return ((await response.json()) as { results: { id: string }[] }).results.map((r) => r.id)
  }

  /** Every stored record of an object type, with the given properties, paging through the objects API. */
  async objects(
    objectType: string,
    properties: string[],
    /** object types whose associated ids to read too, e.g. `['contacts']` */
    associations: string[] = [],
  ): Promise<StoredObject[]> {
    const all: StoredObject[] = []
    let after: string | undefined
    do {
      const url = new URL(`/crm/v3/objects/${objectType}`, SIMULATOR_URL)
      url.searchParams.set('limit', '100')
      url.searchParams.set('properties', properties.join(','))
      if (associations.length > 0) url.searchParams.set('associations', associations.join(','))
      if (after) url.searchParams.set('after', after)
      const response = await fetchOnceMore(url, {
        headers: { Authorization: `Bearer ${SIMULATOR_TOKEN}` },
      })
      expect(response.ok, `GET ${url.pathname} answered ${response.status}`).toBe(true)
      const page = (await response.json()) as {
        results: StoredObject[]
        paging?: { next?: { after: string } }
      }
      all.push(...page.results)
      after = page.paging?.next?.after
    } while (after)
    return all
  }

  /**
   * Starts a contacts import straight at the simulator, as another app (or HubSpot's UI) would.
   * `rows` starts with the header; every column maps to the contact property named in `properties`.
   */
  async startImport(name: string, properties: string[], rows: string[][]): Promise<string> {
    const fileName = `${name.replace(/\W+/g, '-')}.csv`
    const header = rows[0] ?? []
    const columnMappings = header.map((columnName, i) => ({
      columnObjectTypeId: '0-1',
      columnName,
      propertyName: properties[i],
    }))
    const form = new FormData()
    form.append(
      'importRequest',
      JSON.stringify({
        name,
        importOperations: { '0-1': 'UPSERT' },
        files: [
          { fileName, fileFormat: 'CSV', fileImportPage: { hasHeader: true, columnMappings } },
        ],
      }),
    )
    const csv = rows
      .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))
      .join('\r\n')
    form.append('files', new Blob([`${csv}\r\n`], { type: 'text/csv' }), fileName)
    const response = await fetchOnceMore(`${SIMULATOR_URL}/crm/v3/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SIMULATOR_TOKEN}` },
      body: form,
    })
    expect(response.ok, `POST /crm/v3/imports answered ${response.status}`).toBe(true)
    return ((await response.json()) as { id: string }).id
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await fetchOnceMore(`${SIMULATOR_URL}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.ok, `POST ${path} answered ${response.status}`).toBe(true)
  }
}

export const test = base.extend<{ simulator: SimulatorControl; wizard: ImportWizardPage }>({
  // playwright reads fixture dependencies from the destructuring pattern, so it must be there
  // eslint-disable-next-line no-empty-pattern
  simulator: async ({}, use) => {
    const simulator = new SimulatorControl()
    await simulator.reset()
    await use(simulator)
  },
  wizard: async ({ page }, use) => {
    await use(new ImportWizardPage(page))
  },
})

export { expect }
