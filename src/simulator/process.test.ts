// The simulator as a process: startup line, bad environment, signals, memory on a big upload
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { SimulatorControl } from '#shared/testing/simulator-control.ts'
import { TOKEN } from './test-support.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const children: ChildProcessWithoutNullStreams[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** `npm run simulator` without npm: node with tsx's loader, so signals reach the simulator itself. */
function startMain(env: Record<string, string>): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  })
  children.push(child)
  return child
}

function output(stream: NodeJS.ReadableStream): () => string {
  let text = ''
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()))
  return () => text
}

async function listeningUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  const stdout = output(child.stdout)
  const stderr = output(child.stderr)
  for (let i = 0; i < 300; i++) {
    const match = /listening on (http:\/\/\S+)/.exec(stdout())
    if (match?.[1]) return match[1]
    if (child.exitCode !== null) throw new Error(`simulator exited: ${stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('simulator did not start')
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

describe('src/simulator/main.ts', () => {
  it('prints exactly one listening line, serves HubSpot paths, and exits cleanly on SIGTERM', async () => {
    const child = startMain({ SIMULATOR_PORT: '0', SIMULATOR_TOKEN: 'pat-main-test' })
    const stdout = output(child.stdout)
    const url = await listeningUrl(child)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${url}/crm/v3/imports`, {
      headers: { Authorization: 'Bearer pat-main-test' },
    })
    expect(response.status).toBe(200)
    // control routes are off unless SIMULATOR_CONTROL=1
    expect((await fetch(`${url}/__simulator/requests`)).status).toBe(404)

    child.kill('SIGTERM')
    expect(await exitCode(child)).toBe(0)
    expect(stdout().trim().split('\n')).toEqual([`HubSpot simulator listening on ${url}`])
  })

  it('refuses a bad environment, naming every bad variable', async () => {
    const child = startMain({
      SIMULATOR_PORT: 'abc',
      SIMULATOR_ROWS_PER_SECOND: '-1',
      SIMULATOR_CONTROL: 'yes',
    })
    const stderr = output(child.stderr)
    expect(await exitCode(child)).toBe(1)
    expect(stderr()).toContain('SIMULATOR_PORT')
    expect(stderr()).toContain('SIMULATOR_ROWS_PER_SECOND')
    expect(stderr()).toContain('SIMULATOR_CONTROL')
  })
})

/** Streams a generated multipart upload of about `totalBytes` without holding it in memory. */
function streamUpload(url: string, totalBytes: number): Promise<{ status: number; body: string }> {
  const boundary = 'memory-test-boundary'
  const request_ = JSON.stringify(contactsImportRequest('big.csv', undefined, 'Memory test'))
  const filler = 'x'.repeat(200)
  return new Promise((resolve, reject) => {
    const req = request(`${url}/crm/v3/imports`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
    })
    req.on('response', (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n${request_}\r\n`,
    )
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    )
    req.write('Email,First Name,Last Name\n')
    let sent = 0
    let row = 0
    const write = (): void => {
      while (sent < totalBytes) {
        const lines: string[] = []
        for (let i = 0; i < 1_000; i++, row++)
          lines.push(`person${row}@example.com,First ${filler},Last${row}\n`)
        const chunk = lines.join('')
        sent += chunk.length
        if (!req.write(chunk)) {
          req.once('drain', write)
          return
        }
      }
      req.end(`\r\n--${boundary}--\r\n`)
    }
    write()
  })
}

describe('memory', () => {
  it(
    'streams a 200 MB upload to disk without growing the simulator by its size',
    { timeout: 180_000 },
    async () => {
      const child = startMain({ SIMULATOR_PORT: '0', SIMULATOR_CONTROL: '1' })
      const url = await listeningUrl(child)
      const control = new SimulatorControl({ url, token: TOKEN })
      // keep the import from processing: only the upload is measured
      await control.configure({ paused: true })
      const before = await control.stats()
      const started = Date.now()
      const { status, body } = await streamUpload(url, 200 * 1024 * 1024)
      const seconds = (Date.now() - started) / 1000
      expect(status, body).toBe(200)
      const after = await control.stats()

      const growthMb = (after.maxRssBytes - before.rssBytes) / 1024 / 1024
      process.stdout.write(
        `simulator RSS: ${(before.rssBytes / 1024 / 1024).toFixed(0)} MB before, peak ${(after.maxRssBytes / 1024 / 1024).toFixed(0)} MB during a 200 MB upload (growth ${growthMb.toFixed(1)} MB, ${seconds.toFixed(1)} s)\n`,
      )
      expect(growthMb).toBeLessThan(100)

      child.kill('SIGTERM')
      expect(await exitCode(child)).toBe(0)
    },
  )
})
