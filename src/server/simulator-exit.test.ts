// When the simulator dies under the proxy: clear JSON errors, no hang, and `npm start` exits 1
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { createInterface } from 'node:readline'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { contactsImportRequest } from '#shared/testing/contacts-import.ts'
import { REQUESTED_BY, importForm, useSimulatorAndProxy, waitFor } from './test-helpers.ts'

// What the browser sees when the launcher's simulator child dies, and what `npm start` does.

describe('the simulator dies under a running proxy', () => {
  // the relay between proxy and simulator shows the create's bytes reaching the simulator
  const servers = useSimulatorAndProxy({ relay: true })

  it('answers clear JSON errors, an upload in flight included, and never hangs', async () => {
    // a warm keep-alive socket to the simulator (through the relay), as in real use
    expect((await fetch(`${servers.proxy.api}/crm/v3/imports`)).status).toBe(200)
    const warm = servers.relay.stats()

    const boundary = 'dying-boundary'
    const upload = http.request(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    const uploadAnswer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      upload.on('error', reject)
      upload.on('response', (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (text: string) => (body += text))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      })
    })
    upload.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n` +
        `${JSON.stringify(contactsImportRequest('dying.csv', ['email', 'firstname', 'lastname']))}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="dying.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\nemail,firstname,lastname\n' +
        'ada@example.com,Ada,Lovelace\n'.repeat(2_000),
    )
    // the simulator dies once the create is under way: its head and part of the file are there
    await waitFor(
      () =>
        servers.relay.stats().requestHeads > warm.requestHeads &&
        servers.relay.stats().bytesUp > warm.bytesUp + 16_384,
    )

    const exited = once(servers.simulator.child, 'exit')
    servers.simulator.child.kill('SIGKILL')
    await exited

    const started = Date.now()
    const upload502 = await uploadAnswer
    upload.destroy()
    // the simulator's port is gone: the relay stops listening too, so new connections are refused
    await servers.relay.close()
    expect(upload502.status, upload502.body).toBe(502)
    expect(JSON.parse(upload502.body)).toMatchObject({
      status: 'error',
      category: 'UPSTREAM_CONNECTION_RESET',
      message: expect.stringMatching(/no import was created/) as unknown,
    })

    const unavailable = {
      status: 'error',
      category: 'UPSTREAM_UNAVAILABLE',
      message: 'HubSpot could not be reached. Nothing was sent; try again shortly.',
    }
    for (const path of ['/crm/v3/imports', '/crm/v3/imports/123', '/crm/v3/properties/contacts']) {
      const response = await fetch(`${servers.proxy.api}${path}`)
      expect(response.status, path).toBe(503)
      expect(response.headers.get('content-type')).toBe('application/json')
      expect(await response.json()).toMatchObject(unavailable)
    }
    const create = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
      method: 'POST',
      headers: REQUESTED_BY,
      body: importForm(),
    })
    expect(create.status).toBe(503)
    expect(await create.json()).toMatchObject(unavailable)
    const cancel = await fetch(`${servers.proxy.api}/crm/v3/imports/123/cancel`, {
      method: 'POST',
      headers: REQUESTED_BY,
    })
    expect(cancel.status).toBe(503)
    expect(await cancel.json()).toMatchObject(unavailable)
    // the test proxy's retry delays are short: all of the above in a few seconds, no hang
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 30_000)
})

/** The pids of a process's children (Linux procfs). */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
}

describe.runIf(process.platform === 'linux')('npm start without a token', () => {
  it('exits 1 with a clear message when its simulator dies', async () => {
    const main = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--dev'], {
      env: { ...process.env, PORT: '0', HUBSPOT_ACCESS_TOKEN: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    const exited = once(main, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
    try {
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: main.stdout! }).on('line', (line) => {
          lines.push(line)
          if (/API ready at http:\/\//.test(line)) resolve()
        })
        createInterface({ input: main.stderr! }).on('line', (line) => lines.push(line))
        void exited.then(() => reject(new Error(`main exited early:\n${lines.join('\n')}`)))
      })
      // the launcher's child is the simulator itself: no tsx CLI in between to outlive it
      const [simulatorPid, ...others] = childrenOf(main.pid!)
      expect(others).toEqual([])
      expect(readFileSync(`/proc/${simulatorPid}/cmdline`, 'utf8')).toContain(
        'src/simulator/main.ts',
      )
      expect(childrenOf(simulatorPid!)).toEqual([])

      process.kill(simulatorPid!, 'SIGKILL')
      const [code] = await Promise.race([
        exited,
        sleep(10_000).then(() => {
          throw new Error(`main did not exit:\n${lines.join('\n')}`)
        }),
      ])
      expect(code).toBe(1)
      const stopped = lines
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>
          } catch {
            return {}
          }
        })
        .find((entry) => entry.msg === 'the HubSpot simulator stopped; stopping the proxy')
      expect(stopped).toMatchObject({ level: 'error', signal: 'SIGKILL' })
    } finally {
      if (main.exitCode === null && main.signalCode === null) main.kill('SIGTERM')
    }
  }, 60_000)
})
