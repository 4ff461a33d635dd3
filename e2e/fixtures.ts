import { test as base, expect } from '@playwright/test'
import { SIMULATOR_TOKEN, SIMULATOR_URL } from './playwright.config.ts'

/** Drives the simulator's test control routes and reads what actually landed in its CRM store. */
export class SimulatorControl {
  async reset(): Promise<void> {
    await this.post('/__simulator/reset', {})
  }

  /** e.g. `{ rowsPerSecond: 20 }` or `{ paused: true }` */
  async configure(config: Record<string, unknown>): Promise<void> {
    await this.post('/__simulator/config', config)
  }

  async requests(): Promise<{ method: string; path: string; status: number }[]> {
    const response = await fetch(`${SIMULATOR_URL}/__simulator/requests`)
    const body = (await response.json()) as
      | { requests: { method: string; path: string; status: number }[] }
      | { method: string; path: string; status: number }[]
    return Array.isArray(body) ? body : body.requests
  }

  /** Every stored record of an object type, with the given properties, paging through the objects API. */
  async objects(
    objectType: string,
    properties: string[],
  ): Promise<{ id: string; properties: Record<string, string | null> }[]> {
    const all: { id: string; properties: Record<string, string | null> }[] = []
    let after: string | undefined
    do {
      const url = new URL(`/crm/v3/objects/${objectType}`, SIMULATOR_URL)
      url.searchParams.set('limit', '100')
      url.searchParams.set('properties', properties.join(','))
      if (after) url.searchParams.set('after', after)
      const response = await fetch(url, { headers: { Authorization: `Bearer ${SIMULATOR_TOKEN}` } })
      expect(response.ok, `GET ${url.pathname} answered ${response.status}`).toBe(true)
      const page = (await response.json()) as {
        results: { id: string; properties: Record<string, string | null> }[]
        paging?: { next?: { after: string } }
      }
      all.push(...page.results)
      after = page.paging?.next?.after
    } while (after)
    return all
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${SIMULATOR_URL}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.ok, `POST ${path} answered ${response.status}`).toBe(true)
  }
}

export const test = base.extend<{ simulator: SimulatorControl }>({
  // playwright reads fixture dependencies from the destructuring pattern, so it must be there
  // eslint-disable-next-line no-empty-pattern
  simulator: async ({}, use) => {
    const simulator = new SimulatorControl()
    await simulator.reset()
    await use(simulator)
  },
})

export { expect }
