// A second real proxy for one spec: same code and simulator as the shared one, its own environment
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { SIMULATOR_TOKEN, SIMULATOR_URL } from './playwright.config.ts'

const ROOT = path.join(import.meta.dirname, '..')

/**
 * Starts `src/server/main.ts` on a free port in front of the e2e simulator, with `env` added
 * (FRAME_ANCESTORS, BASE_PATH…); resolves with its origin once it prints that it is ready.
 */
export async function startSecondProxy(env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HUBSPOT_BASE_URL: SIMULATOR_URL,
      HUBSPOT_ACCESS_TOKEN: SIMULATOR_TOKEN,
      HUBSPOT_RATE_LIMIT: '100',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const ready = /ready at (http:\/\/[\d.:]+)/.exec(output)
      if (ready?.[1]) {
        clearTimeout(timer)
        resolve(ready[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`proxy exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}
