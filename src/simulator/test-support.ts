// Test support: in-process simulators closed after each test, request helpers, imports by the official client
import { Client } from '@hubspot/api-client'
import { afterEach } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator.ts'
import { DEFAULT_TOKEN } from './tokens.ts'

export const TOKEN = DEFAULT_TOKEN

const started: Simulator[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()))
})

/** A simulator on a free port, closed after the test; imports run unthrottled unless told otherwise. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const simulator = await createSimulator({ rowsPerSecond: 0, ...options })
  started.push(simulator)
  return simulator
}

/** HubSpot's official Node client pointed at the simulator. */
export function hubspotClient(simulator: Simulator, accessToken = TOKEN): Client {
  return new Client({ accessToken, basePath: simulator.url })
}

export function contactsCsv(rows: number, start = 0): string {
  const lines = ['Email,First Name,Last Name']
  for (let i = start; i < start + rows; i++) lines.push(`person${i}@example.com,First${i},Last${i}`)
  return `${lines.join('\n')}\n`
}

/** Multipart POST with fetch + FormData, for the 2026-03 path and for malformed uploads. */
export async function postImport(
  simulator: Simulator,
  parts: { importRequest?: string | Blob; files?: { name: string; content: string | Blob }[] },
  path = '/crm/v3/imports',
  token = TOKEN,
): Promise<Response> {
  const form = new FormData()
  for (const file of parts.files ?? []) {
    const blob =
      typeof file.content === 'string'
        ? new Blob([file.content], { type: 'text/csv' })
        : file.content
    form.append('files', blob, file.name)
  }
  if (parts.importRequest !== undefined) form.append('importRequest', parts.importRequest)
  return fetch(`${simulator.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  })
}

export async function getJson(
  simulator: Simulator,
  path: string,
  /** null sends no Authorization header */
  token: string | null = TOKEN,
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${simulator.url}${path}`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

export async function control(
  simulator: Simulator,
  path: string,
  body: unknown = {},
): Promise<Response> {
  return fetch(`${simulator.url}/__simulator${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A contacts import created with the official client (v3). */
export async function createWithClient(
  simulator: Simulator,
  csv = contactsCsv(3),
  fileName = 'contacts.csv',
) {
  return hubspotClient(simulator).crm.imports.coreApi.create(
    { data: Buffer.from(csv), name: fileName },
    JSON.stringify(contactsImportRequest(fileName)),
  )
}

export async function stateOf(simulator: Simulator, id: string): Promise<string> {
  return (await hubspotClient(simulator).crm.imports.coreApi.getById(Number(id))).state
}

export async function untilState(simulator: Simulator, id: string, state: string): Promise<void> {
  await waitFor(async () => ((await stateOf(simulator, id)) === state ? true : undefined))
}
