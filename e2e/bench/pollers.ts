/**
 * Many dashboards watching one running import: each poller asks the proxy for the import's status
 * at the dashboard's own interval for a running import, starting at a random moment in the first
 * interval. The simulator holds the import in PROCESSING, and its request log says how many status
 * calls reached "HubSpot" while they polled.
 */
import { POLLING } from '../../src/client/api/imports/import-polling.ts'
import { SimulatorControl } from '../../src/shared/testing/simulator-control.ts'
import { SIMULATOR_TOKEN, startProxy, startSimulator } from './processes.ts'
import { uploadForm } from './proxy-upload.ts'

export const POLL_INTERVAL_MS = POLLING.running

export interface PollMeasurement {
  polls: number
  failedPolls: number
  upstreamCalls: number
  upstreamCallsPerInterval: number
}

async function pollUntil(url: string, deadline: number, offsetMs: number) {
  let polls = 0
  let failed = 0
  const start = performance.now() + offsetMs
  for (let k = 0; ; k++) {
    const due = start + k * POLL_INTERVAL_MS
    if (due >= deadline) break
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())))
    polls++
    const response = await fetch(url).catch(() => undefined)
    if (!response?.ok) failed++
    await response?.arrayBuffer()
  }
  return { polls, failed }
}

export async function measurePollers(pollers: number, seconds: number): Promise<PollMeasurement> {
  const simulator = await startSimulator()
  const proxy = await startProxy(simulator.url)
  try {
    const control = new SimulatorControl({ url: simulator.url, token: SIMULATOR_TOKEN })
    await control.configure({ holdProcessing: true })
    const created = await uploadForm(`${proxy.url}/api/hubspot/crm/v3/imports`, 0.1)
    const importId = (JSON.parse(created.body) as { id: string }).id
    const path = `/crm/v3/imports/${importId}`
    await control.clearRequests()

    const started = performance.now()
    const deadline = started + seconds * 1000
    const results = await Promise.all(
      Array.from({ length: pollers }, () =>
        pollUntil(`${proxy.url}/api/hubspot${path}`, deadline, Math.random() * POLL_INTERVAL_MS),
      ),
    )
    const upstreamCalls = (await control.requests()).filter(
      (r) => r.method === 'GET' && r.path === path,
    ).length
    return {
      polls: results.reduce((sum, r) => sum + r.polls, 0),
      failedPolls: results.reduce((sum, r) => sum + r.failed, 0),
      upstreamCalls,
      upstreamCallsPerInterval: upstreamCalls / ((seconds * 1000) / POLL_INTERVAL_MS),
    }
  } finally {
    await proxy.stop()
    await simulator.stop()
  }
}
