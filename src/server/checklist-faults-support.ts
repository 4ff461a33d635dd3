// Test support for the checklist-faults suites: the proxy settings both files run their cases against
import type { SimulatorAndProxyOptions } from './test-helpers.ts'

/** A 1 s response timeout and quick retries within 3 s, so a silent or cut HubSpot answer ends soon. */
export const CHECKLIST_FAULTS_SERVERS: SimulatorAndProxyOptions = {
  proxy: {
    responseTimeoutMs: 1_000,
    retry: { baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 500, deadlineMs: 3_000 },
  },
}
