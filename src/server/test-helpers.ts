// Test support for server tests: the simulator in a child process, a proxy in-process, fixtures
import { spawn, type ChildProcess } from 'node:child_process'
import net, { type AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, beforeEach, vi } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { SimulatorControl } from '#shared/testing/simulator-control.ts'
import type { AppOptions } from './app.ts'
import { launchSimulator, type LaunchedSimulator } from './launcher.ts'
import { createLogger } from './logger.ts'
import { startProxy, type RunningProxy } from './server.ts'

/** The launched simulator, driven by the control client both test layers share. */
export type TestSimulator = LaunchedSimulator & SimulatorControl

/** The simulator in a child process, control routes on, imports unthrottled; `env` adds to its environment. */
export async function startSimulator(env: NodeJS.ProcessEnv = {}): Promise<TestSimulator> {
  const simulator = await launchSimulator({
    logger: createLogger({ level: 'silent' }),
    env: { ...process.env, SIMULATOR_CONTROL: '1', SIMULATOR_ROWS_PER_SECOND: '0', ...env },
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

/** The headers of SAMPLE_CSV, each the name of the contact property it maps to. */
export const SAMPLE_COLUMNS = ['email', 'firstname', 'lastname']

export const SAMPLE_CSV =
  'email,firstname,lastname\nada@example.com,Ada,Lovelace\ngrace@example.com,Grace,Hopper\n'

/** A CSV of SAMPLE_COLUMNS with `rows` made-up contacts (person0@example.com, …): large uploads. */
export function generatedCsv(rows: number): string {
  const lines = [SAMPLE_COLUMNS.join(',')]
  for (let i = 0; i < rows; i++) lines.push(`person${i}@example.com,First${i},Last${i}`)
  return `${lines.join('\n')}\n`
}

/** The multipart body the page sends: importRequest first, then the file. */
export function importForm(
  csv: string | Blob = SAMPLE_CSV,
  fileName = 'contacts.csv',
  request?: unknown,
) {
  const form = new FormData()
  form.append(
    'importRequest',
    JSON.stringify(request ?? contactsImportRequest(fileName, SAMPLE_COLUMNS)),
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

/**
 * Resolves with `check`'s first truthy answer (polled every 20 ms by vitest's waitUntil); fails
 * after `timeoutMs`.
 */
export function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  // waitUntil only resolves with a truthy answer
  return vi.waitUntil(check, { timeout: timeoutMs, interval: 20 }) as Promise<NonNullable<T>>
}

/** What a fixture started in beforeAll; read before that, it says so. */
function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not running: read it in a test or a hook`)
  return value
}

export type CountingRelay = Awaited<ReturnType<typeof startCountingRelay>>

export interface SimulatorAndProxyOptions {
  /**
   * What this file's proxy does differently (retry timings, limits, clientDir, another token…).
   * A function is called in beforeAll, for values made there (a temp directory).
   */
  proxy?: Partial<AppOptions> | (() => Partial<AppOptions> | Promise<Partial<AppOptions>>)
  /** added to the simulator's environment, e.g. `{ SIMULATOR_RATE_LIMIT: '5' }` */
  simulatorEnv?: NodeJS.ProcessEnv
  /** put a counting relay between proxy and simulator, to see what reached HubSpot's port */
  relay?: boolean
  /** reset the simulator before each test (default true) */
  resetBeforeEach?: boolean
}

/** The servers one test file shares; read them inside tests and hooks, once beforeAll has run. */
export interface SimulatorAndProxy {
  readonly simulator: TestSimulator
  readonly proxy: TestProxy
  /** only with `relay: true` */
  readonly relay: CountingRelay
}

/**
 * The integration fixture: registers the hooks that start a simulator and a proxy in front of it
 * once for the file (or the describe it is called in), reset the simulator before each test and
 * stop both afterwards.
 */
export function useSimulatorAndProxy(options: SimulatorAndProxyOptions = {}): SimulatorAndProxy {
  let simulator: TestSimulator | undefined
  let proxy: TestProxy | undefined
  let relay: CountingRelay | undefined
  beforeAll(async () => {
    simulator = await startSimulator(options.simulatorEnv)
    if (options.relay) relay = await startCountingRelay(simulator.url)
    const overrides = typeof options.proxy === 'function' ? await options.proxy() : options.proxy
    const upstream = { url: relay?.url ?? simulator.url, token: simulator.token }
    proxy = await startTestProxy(upstream, overrides)
  }, 60_000)
  afterAll(async () => {
    await proxy?.close()
    await relay?.close()
    simulator?.stop()
  })
  if (options.resetBeforeEach !== false) {
    beforeEach(() => started(simulator, 'the simulator').reset())
  }
  return {
    get simulator() {
      return started(simulator, 'the simulator')
    },
    get proxy() {
      return started(proxy, 'the proxy')
    },
    get relay() {
      return started(relay, 'the relay (relay: true)')
    },
  }
}

export interface ProxyProcess {
  child: ChildProcess
  url: string
}

/**
 * The proxy as `npm start` runs it, in a process of its own (its memory and its signals are its
 * own), pointed at `simulator`; resolves once it says it is ready.
 */
export async function startProxyProcess(
  simulator: Pick<LaunchedSimulator, 'url' | 'token'>,
  env: NodeJS.ProcessEnv = {},
): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HUBSPOT_ACCESS_TOKEN: simulator.token,
      HUBSPOT_BASE_URL: simulator.url,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /ready at (http:\/\/\S+)/.exec(line)
      if (match?.[1]) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`proxy exited ${code}`)))
  })
  return { child, url }
}

/**
 * The fixture for a proxy in its own process (startProxyProcess) in front of a simulator: both
 * started once for the file and killed afterwards. No reset: such files run one test.
 */
export function useSimulatorAndProxyProcess(env: NodeJS.ProcessEnv = {}) {
  let simulator: TestSimulator | undefined
  let proxy: ProxyProcess | undefined
  beforeAll(async () => {
    simulator = await startSimulator()
    proxy = await startProxyProcess(simulator, env)
  }, 60_000)
  afterAll(() => {
    if (proxy?.child.exitCode === null) proxy.child.kill('SIGKILL')
    simulator?.stop()
  })
  return {
    get simulator() {
      return started(simulator, 'the simulator')
    },
    get proxy() {
      return started(proxy, 'the proxy')
    },
  }
}
