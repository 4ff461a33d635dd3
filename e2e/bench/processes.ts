/**
 * The servers the bench and the e2e fixtures drive, each in its own process so its memory is its
 * own: the simulator, the proxy (the real `src/server/main.ts`), and the small helpers in
 * `upload-servers.ts`.
 * Memory comes from procfs (Linux): VmRSS now, VmHWM the peak since start or since `resetPeak`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../..')
export const SIMULATOR_TOKEN = 'pat-bench-simulator-token'

export interface Child {
  url: string
  process: ChildProcess
  pid: number
  stop(): Promise<void>
}

/**
 * Runs a TypeScript entry point with tsx's loader and resolves once a stdout line matches
 * `ready` (its first group is the URL). Output after that is drained and dropped.
 */
export function startChild(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  args: string[] = [],
): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
    })
  // nothing outlives the bench, even when it fails half-way
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  return new Promise((done, fail) => {
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4_000)
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = ready.exec(line)
      if (match?.[1]) done({ url: match[1], process: child, pid: child.pid!, stop })
    })
    child.once('exit', (code) =>
      fail(new Error(`${entry} exited (${code}) before it was ready:\n${stderr}`)),
    )
  })
}

/** The HubSpot simulator with its control routes, importing as fast as it can. */
export function startSimulator(env: Record<string, string> = {}): Promise<Child> {
  return startChild(
    'src/simulator/main.ts',
    {
      SIMULATOR_PORT: '0',
      SIMULATOR_TOKEN,
      SIMULATOR_CONTROL: '1',
      SIMULATOR_ROWS_PER_SECOND: '0',
      ...env,
    },
    /listening on (http:\/\/\S+)/,
  )
}

/** The proxy and the built app, talking to `hubspotBaseUrl` as it would to HubSpot. */
export function startProxy(
  hubspotBaseUrl: string,
  env: Record<string, string> = {},
): Promise<Child> {
  return startChild(
    'src/server/main.ts',
    {
      PORT: '0',
      HOST: '127.0.0.1',
      HUBSPOT_BASE_URL: hubspotBaseUrl,
      HUBSPOT_ACCESS_TOKEN: SIMULATOR_TOKEN,
      ...env,
    },
    /ready at (http:\/\/\S+)/,
  )
}

/** Resident memory now and at its peak, in MB (10^6 bytes). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rssMb: (kb('VmRSS') * 1024) / 1e6, peakMb: (kb('VmHWM') * 1024) / 1e6 }
}

/** CPU time the process has used so far (user + system), in seconds. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux)
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** Resets VmHWM to the current RSS, so the next peak is this phase's own. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5')
}
