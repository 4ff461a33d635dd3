// Test support for server tests: the simulator in a child process, a proxy in-process, fixtures
import net, { type AddressInfo } from 'node:net'
import { vi } from 'vitest'
import { SimulatorControl } from '#shared/testing/simulator-control.ts'
import type { AppOptions } from './app.ts'
import { launchSimulator, type LaunchedSimulator } from './launcher.ts'
import { createLogger } from './logger.ts'
import { startProxy, type RunningProxy } from './server.ts'

/** The launched simulator, driven by the control client both test layers share. */
export type TestSimulator = LaunchedSimulator & SimulatorControl

export async function startSimulator(): Promise<TestSimulator> {
  const simulator = await launchSimulator({
    logger: createLogger({ level: 'silent' }),
    env: { ...process.env, SIMULATOR_CONTROL: '1', SIMULATOR_ROWS_PER_SECOND: '0' },
  })
  return Object.assign(new SimulatorControl(simulator), simulator)
}

export interface TestProxy extends RunningProxy {
  logs: string[]
  api: string
}

export async function startTestProxy(
  simulator: Pick<LaunchedSimulator, 'url' | 'token'>,
  overrides: Partial<AppOptions> = {},
): Promise<TestProxy> {
  const logs: string[] = []
  const running = await startProxy({
    port: 0,
    host: '127.0.0.1',
    hubspotBaseUrl: simulator.url,
    accessToken: simulator.token,
    mode: 'simulator',
    rateLimitPer10s: 100,
    logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }),
    retry: { baseDelayMs: 20, maxDelayMs: 200, rollingLimitDelayMs: 200, maxRetryAfterMs: 1_500 },
    ...overrides,
  })
  return { ...running, logs, api: `${running.url}/api/hubspot` }
}

export const REQUESTED_BY = { 'X-Requested-By': 'hubspot-import-tool' }

/**
 * Per-call options for HubSpot's Node client that add the CSRF header to state-changing calls
 * (client 13.5 ignores defaultHeaders; a per-call middleware works).
 */
export const WITH_REQUESTED_BY = {
  middleware: [
    {
      pre: (context: { setHeaderParam(name: string, value: string): void }) => {
        context.setHeaderParam('X-Requested-By', REQUESTED_BY['X-Requested-By'])
        return Promise.resolve(context)
      },
      post: <T>(context: T) => Promise.resolve(context),
    },
  ],
} as never

/** A contacts importRequest whose mappings match `columns`. */
export function contactsImportRequest(fileName: string, columns: string[]) {
  return {
    name: `proxy test ${fileName}`,
    files: [
      {
        fileName,
        fileFormat: 'CSV' as const,
        fileImportPage: {
          hasHeader: true,
          columnMappings: columns.map((column) => ({
            columnObjectTypeId: '0-1',
            columnName: column,
            propertyName: column,
          })),
        },
      },
    ],
  }
}

export const SAMPLE_CSV =
  'email,firstname,lastname\nada@example.com,Ada,Lovelace\ngrace@example.com,Grace,Hopper\n'

/** The multipart body the page sends: importRequest first, then the file. */
export function importForm(
  csv: string | Blob = SAMPLE_CSV,
  fileName = 'contacts.csv',
  request?: unknown,
) {
  const form = new FormData()
  form.append(
    'importRequest',
    JSON.stringify(request ?? contactsImportRequest(fileName, ['email', 'firstname', 'lastname'])),
  )
  form.append(
    'files',
    typeof csv === 'string' ? new Blob([csv], { type: 'text/csv' }) : csv,
    fileName,
  )
  return form
}

export const isCreate = (r: { method: string; path: string }) =>
  r.method === 'POST' && /^\/crm\/(v3\/imports|imports\/2026-03)\/?$/.test(r.path)

/**
 * A TCP relay in front of `target` (e.g. the simulator) that counts what went through it towards
 * the target: bytes, and connections whose first request's whole head (request line and headers)
 * was passed on (a create goes on a connection of its own). A request cut off part-way is passed
 * on as it was cut: what got through, then the end of the stream.
 */
export async function startCountingRelay(target: string) {
  const { hostname, port } = new URL(target)
  let bytesUp = 0
  let requestHeads = 0
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname)
    open.add(client)
    let head = ''
    client.on('data', (chunk: Buffer) => {
      bytesUp += chunk.length
      if (!head.includes('\r\n\r\n')) {
        head += chunk.toString('latin1')
        if (head.includes('\r\n\r\n')) requestHeads++
      }
    })
    client.on('error', () => {})
    upstream.on('error', () => {})
    client.pipe(upstream).pipe(client)
    // end (not destroy) so bytes already read are still delivered
    client.on('close', () => {
      open.delete(client)
      upstream.end()
    })
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stats: () => ({ bytesUp, requestHeads, open: open.size }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Resolves once `check` holds (polled every 20 ms by vitest's waitUntil); fails after `timeoutMs`. */
export function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<boolean> {
  return vi.waitUntil(check, { timeout: timeoutMs, interval: 20 })
}
