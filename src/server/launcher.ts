// Starts the local HubSpot simulator as a child process when no HubSpot token is configured
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import type { Logger } from './logger.ts'

export interface LaunchedSimulator {
  url: string
  token: string
  child: ChildProcess
  stop(): void
}

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const LISTENING = /listening on (http:\/\/\S+)/

/**
 * Starts the local HubSpot simulator as a child process (no token configured), with a token made
 * up for this run, and resolves with its URL once it prints its "listening on" line. The proxy then
 * talks to it by URL exactly as to api.hubapi.com.
 *
 * The child is the simulator itself (node with tsx's loader, not tsx's CLI, which would run it as
 * a grandchild): `child` exiting means the simulator is gone, and `stop()` signals the simulator,
 * so nothing is left listening behind a dead parent.
 *
 * If the simulator dies later, the launcher only reports it through `child`'s 'exit' event; the
 * policy is the caller's. `npm start` (main.ts) logs "the HubSpot simulator stopped; stopping the
 * proxy" and exits 1: a proxy whose only upstream is gone for good should fail loudly, where a
 * supervisor or the terminal sees it, rather than keep serving a page whose every call fails.
 * Until it exits, and for an embedder that keeps the proxy running, calls get the proxy's usual
 * JSON errors, never a hang: 503 UPSTREAM_UNAVAILABLE ("HubSpot could not be reached. Nothing was
 * sent") once the port refuses connections, 502 UPSTREAM_CONNECTION_RESET for an upload it cut.
 */
export function launchSimulator({
  logger,
  env = process.env,
  rateLimit,
  timeoutMs = 30_000,
}: {
  logger: Logger
  env?: NodeJS.ProcessEnv
  rateLimit?: number
  timeoutMs?: number
}): Promise<LaunchedSimulator> {
  const token = `pat-sim-${randomBytes(16).toString('hex')}`
  const tsxLoader = import.meta.resolve('tsx')
  const childEnv: NodeJS.ProcessEnv = { ...env }
  delete childEnv.HUBSPOT_ACCESS_TOKEN
  Object.assign(childEnv, {
    SIMULATOR_PORT: '0',
    SIMULATOR_HOST: '127.0.0.1',
    SIMULATOR_TOKEN: token,
    ...(rateLimit && !env.SIMULATOR_RATE_LIMIT ? { SIMULATOR_RATE_LIMIT: String(rateLimit) } : {}),
  })
  const child = spawn(process.execPath, ['--import', tsxLoader, 'src/simulator/main.ts'], {
    cwd: PROJECT_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  }
  process.once('exit', stop)

  return new Promise((resolve, reject) => {
    let url: string | undefined
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`The HubSpot simulator did not start within ${timeoutMs / 1000} s.`))
    }, timeoutMs)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = url === undefined ? LISTENING.exec(line) : null
      if (match?.[1]) {
        url = match[1]
        clearTimeout(timer)
        resolve({ url, token, child, stop })
        return
      }
      logger.info('simulator', { line: line.replaceAll(token, '[redacted]') })
    })
    createInterface({ input: child.stderr! }).on('line', (line) => {
      logger.warn('simulator', { line: line.replaceAll(token, '[redacted]') })
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code, signal) => {
      process.off('exit', stop)
      clearTimeout(timer)
      if (url === undefined)
        reject(
          new Error(
            `The HubSpot simulator exited before it started (${signal ?? `code ${code}`}).`,
          ),
        )
    })
  })
}
