import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
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
  const tsx = createRequire(import.meta.url).resolve('tsx/cli')
  const childEnv: NodeJS.ProcessEnv = { ...env }
  delete childEnv.HUBSPOT_ACCESS_TOKEN
  Object.assign(childEnv, {
    SIMULATOR_PORT: '0',
    SIMULATOR_HOST: '127.0.0.1',
    SIMULATOR_TOKEN: token,
    ...(rateLimit && !env.SIMULATOR_RATE_LIMIT ? { SIMULATOR_RATE_LIMIT: String(rateLimit) } : {}),
  })
  const child = spawn(process.execPath, [tsx, 'src/simulator/main.ts'], {
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
