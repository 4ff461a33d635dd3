/**
 * After fault tests the proxy leaves nothing running (checklist H2): once it is closed, no socket,
 * server or timer it opened is still active in this process. The faults: a browser that leaves
 * mid-upload, HubSpot dropping a create mid-upload and after it, GETs retried through drops, a
 * stalled upload cut by the idle timer.
 */
import http from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  REQUESTED_BY,
  SAMPLE_CSV,
  importForm,
  startSimulator,
  startTestProxy,
  type TestSimulator,
} from './test-helpers.ts'

let simulator: TestSimulator

beforeAll(async () => {
  simulator = await startSimulator()
})
afterAll(() => simulator?.stop())

/** Active handles of this process by kind (sockets, servers, timers). */
function activeByKind(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  return counts
}
const WATCHED = ['TCPSocketWrap', 'TCPServerWrap', 'Timeout']
const excess = (before: Map<string, number>) =>
  WATCHED.map(
    (kind) => [kind, (activeByKind().get(kind) ?? 0) - (before.get(kind) ?? 0)] as const,
  ).filter(([, extra]) => extra > 0)

async function post(url: string, body: string | FormData, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...REQUESTED_BY, connection: 'close', ...headers },
    body,
  })
  await response.arrayBuffer()
  return response.status
}

it('no socket, server or timer of the proxy outlives it after fault tests', async () => {
  // the test's own fetch keeps sockets alive; none of them is counted against the proxy
  const before = activeByKind()
  const proxy = await startTestProxy(simulator, {
    uploadIdleTimeoutMs: 300,
    retry: { baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 50, deadlineMs: 1_000 },
  })
  const creates = `${proxy.api}/crm/v3/imports`

  // the browser leaves mid-upload
  await new Promise<void>((resolve) => {
    const boundary = 'leak-boundary'
    const request = http.request(creates, {
      method: 'POST',
      agent: false,
      headers: { ...REQUESTED_BY, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    request.on('error', () => resolve())
    request.on('close', () => resolve())
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="importRequest"\r\n\r\n{"name":"x",`,
      () => request.destroy(),
    )
  })
  // a stalled upload, cut by the idle timer
  await new Promise<void>((resolve) => {
    const request = http.request(creates, {
      method: 'POST',
      agent: false,
      headers: { ...REQUESTED_BY, 'content-type': 'multipart/form-data; boundary=b' },
    })
    request.on('response', (response) => response.resume().on('end', resolve))
    request.on('error', () => resolve())
    request.write('--b\r\n')
  })
  // HubSpot drops the create mid-upload, then after it (an unknown outcome), then a retry
  await simulator.fault({ drop: true, dropAfterBytes: 100, method: 'POST' })
  await post(creates, importForm(SAMPLE_CSV))
  await simulator.fault({ dropAnswerAfterBytes: 0, method: 'POST' })
  expect(await post(creates, importForm(), { 'Idempotency-Key': 'leak' })).toBe(502)
  expect(await post(creates, importForm(), { 'Idempotency-Key': 'leak' })).toBe(200)
  // GETs retried through dropped connections and 503s
  await simulator.fault({ drop: true, count: 2, method: 'GET' })
  await simulator.fault({ status: 503, count: 2, method: 'GET' })
  expect(
    (await fetch(`${proxy.api}/crm/v3/imports`, { headers: { connection: 'close' } })).status,
  ).toBe(200)

  await proxy.close()
  const until = Date.now() + 5_000
  // sockets close on their own schedule: poll until the proxy's are gone
  while (excess(before).length > 0 && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 50))
  expect(excess(before)).toEqual([])
})
