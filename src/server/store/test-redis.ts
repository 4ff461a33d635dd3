/**
 * Test support: a real redis-server (Debian's `redis-server` package) on a free loopback port,
 * in a temporary directory, without persistence; stopped (and startable again on the same port)
 * by the test. No mock: the scripts and expiries under test are Redis' own.
 *
 * Locally: `apt-get install redis-server` (or any redis-server on PATH, or REDIS_SERVER_PATH).
 * `.ci/run` installs it when missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestRedis {
  url: string
  port: number
  /** stops the server (SIGKILL: a crash, nothing flushed) and resolves once it has exited */
  kill(): Promise<void>
  /** freezes the server (SIGSTOP): connections stay open, nothing answers, as in a stall */
  freeze(): void
  thaw(): void
  /** starts it again on the same port: empty, or with its data when persistent */
  restart(): Promise<void>
  stop(): Promise<void>
}

export function redisServerPath(): string {
  const path = process.env.REDIS_SERVER_PATH ?? 'redis-server'
  const found = spawnSync(path, ['--version'], { encoding: 'utf8' })
  if (found.status !== 0) {
    throw new Error(
      `These tests need a real redis-server and none was found (${path}). Install it with ` +
        '`apt-get install redis-server` (.ci/run does), or set REDIS_SERVER_PATH.',
    )
  }
  return path
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function launch(
  path: string,
  port: number,
  dir: string,
  persistent: boolean,
): Promise<ChildProcess> {
  const settings = {
    port: String(port),
    bind: '127.0.0.1',
    dir,
    save: '',
    // persistent: every write on disk before it is acknowledged, so a kill loses nothing
    appendonly: persistent ? 'yes' : 'no',
    appendfsync: 'always',
    'protected-mode': 'yes',
    daemonize: 'no',
    loglevel: 'notice',
  }
  const args = Object.entries(settings).flatMap(([name, value]) => [`--${name}`, value])
  const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  // a test run that dies must not leave a server behind
  const stop = () => child.kill('SIGKILL')
  process.once('exit', stop)
  child.once('exit', () => process.off('exit', stop))
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        child.stdout!.off('data', onData)
        resolve(child)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    )
  })
}

/** `persistent`: an append-only file, so a restart after kill() has the data again */
export async function startTestRedis({ persistent = false } = {}): Promise<TestRedis> {
  const path = redisServerPath()
  const dir = mkdtempSync(join(tmpdir(), 'proxy-redis-'))
  let port = 0
  let child: ChildProcess | undefined
  // a port found free may be taken before redis-server binds it: try a few
  for (let attempt = 0; !child; attempt++) {
    port = await freePort()
    try {
      child = await launch(path, port, dir, persistent)
    } catch (error) {
      if (attempt >= 4) throw error
    }
  }
  const exited = (process: ChildProcess) =>
    process.exitCode !== null || process.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => process.once('exit', () => resolve()))
  const kill = async () => {
    if (!child) return
    const running = child
    child = undefined
    running.kill('SIGKILL')
    running.kill('SIGCONT')
    await exited(running)
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async restart() {
      await kill()
      child = await launch(path, port, dir, persistent)
    },
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
