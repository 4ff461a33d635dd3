// Test client for a running simulator: its /__simulator control routes and what landed in its CRM
import { contactsImportRequest, quotedCsv } from './contacts-import.ts'

/** One entry of the simulator's request log (`GET /__simulator/requests`), as it sends it. */
export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** 0 when the connection was dropped by a fault, so no status was sent */
  status: number
  /** ISO time the request arrived */
  time: string
  durationMs: number
}

/** A record as the objects API returns it, with the associations asked for. */
export interface StoredObject {
  id: string
  properties: Record<string, string | null>
  associations?: Record<string, { results: { id: string; type: string }[] }>
}

/**
 * Drives a simulator started with control routes (`control: true`, `SIMULATOR_CONTROL=1`) over
 * HTTP, so the vitest suites and the Playwright specs reset, configure and inspect it alike.
 * Every failed call throws with the status and the answer.
 */
export class SimulatorControl {
  readonly url: string
  /** a token the simulator knows, for reads through its HubSpot API */
  readonly token: string

  constructor(simulator: { url: string; token: string }) {
    this.url = simulator.url
    this.token = simulator.token
  }

  async reset(): Promise<void> {
    await this.control('POST', '/reset', {})
  }

  /** e.g. `{ rowsPerSecond: 20 }`, `{ paused: true }`, `{ holdProcessing: true }` */
  async configure(config: Record<string, unknown>): Promise<void> {
    await this.control('POST', '/config', config)
  }

  /** A HubSpot fault for the next matching requests, e.g. `{ status: 502, method: 'POST' }`. */
  async fault(spec: Record<string, unknown>): Promise<void> {
    await this.control('POST', '/faults', spec)
  }

  /** The faults not yet used up. */
  async faults(): Promise<unknown[]> {
    return ((await this.control('GET', '/faults')) as { faults: unknown[] }).faults
  }

  async addToken(token: string, scopes: string[], appId?: number): Promise<void> {
    await this.control('POST', '/tokens', {
      token,
      scopes,
      ...(appId === undefined ? {} : { appId }),
    })
  }

  /** Every HubSpot request the simulator answered since the last reset or clear, oldest first. */
  async requests(): Promise<LoggedRequest[]> {
    return ((await this.control('GET', '/requests')) as { requests: LoggedRequest[] }).requests
  }

  async clearRequests(): Promise<void> {
    await this.control('DELETE', '/requests')
  }

  /** Memory and import counts of the simulator process. */
  async stats(): Promise<{
    rssBytes: number
    maxRssBytes: number
    heapUsedBytes: number
    imports: number
  }> {
    return (await this.control('GET', '/stats')) as Awaited<ReturnType<SimulatorControl['stats']>>
  }

  /** The imports the token's app holds, newest first, read through the imports API. */
  async imports(): Promise<{ id: string; state: string }[]> {
    const page = (await this.api('/crm/v3/imports?limit=100')) as {
      results: { id: string; state: string }[]
    }
    return page.results
  }

  async importIds(): Promise<string[]> {
    return (await this.imports()).map((i) => i.id)
  }

  /** Every stored record of an object type with the given properties, paging through the objects API. */
  async objects(
    objectType: string,
    properties: string[],
    /** object types whose associated ids to read too, e.g. `['contacts']` */
    associations: string[] = [],
  ): Promise<StoredObject[]> {
    const all: StoredObject[] = []
    let after: string | undefined
    do {
      const query = new URLSearchParams({ limit: '100', properties: properties.join(',') })
      if (associations.length > 0) query.set('associations', associations.join(','))
      if (after) query.set('after', after)
      const page = (await this.api(`/crm/v3/objects/${objectType}?${query}`)) as {
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
   * `rows` starts with the header; column i maps to the contact property `properties[i]`.
   */
  async startImport(name: string, properties: string[], rows: string[][]): Promise<string> {
    const fileName = `${name.replace(/\W+/g, '-')}.csv`
    const header = rows[0] ?? []
    const columns = header.map((columnName, i) => ({ columnName, propertyName: properties[i]! }))
    const form = new FormData()
    form.append('importRequest', JSON.stringify(contactsImportRequest(fileName, columns, name)))
    form.append('files', new Blob([quotedCsv(rows)], { type: 'text/csv' }), fileName)
    const created = (await this.api('/crm/v3/imports', { method: 'POST', body: form })) as {
      id: string
    }
    return created.id
  }

  private async control(method: string, path: string, body?: unknown): Promise<unknown> {
    return this.send(`/__simulator${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    })
  }

  private async api(path: string, init: RequestInit = {}): Promise<unknown> {
    return this.send(path, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        authorization: `Bearer ${this.token}`,
      },
    })
  }

  private async send(path: string, init: RequestInit): Promise<unknown> {
    const response = await fetchOnceMore(`${this.url}${path}`, init)
    if (!response.ok) {
      throw new Error(
        `simulator ${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`,
      )
    }
    return response.json()
  }
}

/**
 * fetch with one retry on a network error: the simulator closes kept-alive sockets on purpose in
 * fault tests, and undici then reports EPIPE when it reuses one.
 */
async function fetchOnceMore(input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(input, init)
  } catch {
    return await fetch(input, init)
  }
}
