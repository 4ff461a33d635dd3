/**
 * Test support: the proxy as its own process, started exactly as `npm run dev` starts it
 * (main.ts, API only), configured by environment variables, so two of them are two replicas.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const READY = /API ready at (http:\/\/\S+)\/api/

export interface Replica {
  url: string
  /** base of the HubSpot paths, as the page calls them */
  api: string
  /** every line the process wrote (JSON log lines and messages) */
  lines: string[]
  stop(): Promise<void>
}

export interface ExitedProcess {
  code: number | null
  lines: string[]
}

function launch(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), 'src/server/main.ts', '--dev'],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const lines: string[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line))
  createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line))
  // 'close': the process has exited and its output has been read to the end
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
  const stop = () => child.kill('SIGKILL')
  process.once('exit', stop)
  void exited.then(() => process.off('exit', stop))
  return { child, lines, exited }
}

/** Starts a replica and resolves once it listens; rejects with its output if it exits first. */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const { child, lines, exited } = launch(env)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = lines.map((line) => READY.exec(line)).find(Boolean)
      if (match?.[1]) {
        clearInterval(timer)
        resolve(match[1])
      }
    }, 20)
    void exited.then((code) => {
      clearInterval(timer)
      reject(new Error(`the replica exited (${code}) before it listened:\n${lines.join('\n')}`))
    })
  })
  return {
    url,
    api: `${url}/api/hubspot`,
    lines,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** Runs a replica that is expected to exit by itself (a refused start). */
export async function runReplicaToExit(env: Record<string, string>): Promise<ExitedProcess> {
  const { lines, exited } = launch(env)
  const code = await exited
  return { code, lines }
}
