// Playwright fixtures: each worker's own simulator and proxy on free ports, the simulator reset per test, the wizard page object
import { test as base, expect } from '@playwright/test'
import { SimulatorControl } from '../src/shared/testing/simulator-control.ts'
import { SIMULATOR_TOKEN, startProxy, startSimulator, type Child } from './bench/processes.ts'
import { ImportWizardPage } from './pages/import-wizard-page.ts'

/**
 * Every e2e proxy's environment: the simulator enforces 100/10 s and e2e shares that budget with
 * its own control calls; its request log is not read, so only warnings are written.
 */
const PROXY_ENV = { HUBSPOT_RATE_LIMIT: '100', LOG_LEVEL: 'warn' }

/** A proxy started for one spec; `url` is its origin (without BASE_PATH). */
export interface ExtraProxy {
  url: string
  close(): Promise<void>
}

interface WorkerFixtures {
  /** this worker's simulator: control routes on, importing as fast as it can */
  simulatorProcess: Child
  /** this worker's proxy serving the built app (`npm run test:e2e` builds it) */
  app: Child
  /** one more proxy of the same code in front of this worker's simulator, with `env` added (FRAME_ANCESTORS, BASE_PATH…) */
  startProxyWith: (env: Record<string, string>) => Promise<ExtraProxy>
}

interface TestFixtures {
  simulator: SimulatorControl
  wizard: ImportWizardPage
}

// each worker has its own servers, so workers run their spec files side by side
export const test = base.extend<TestFixtures, WorkerFixtures>({
  simulatorProcess: [
    // playwright reads fixture dependencies from the destructuring pattern, so it must be there
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const simulator = await startSimulator()
      await use(simulator)
      await simulator.stop()
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  app: [
    async ({ simulatorProcess }, use) => {
      const proxy = await startProxy(simulatorProcess.url, PROXY_ENV)
      await use(proxy)
      await proxy.stop()
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  startProxyWith: [
    async ({ simulatorProcess }, use) => {
      await use(async (env) => {
        const proxy = await startProxy(simulatorProcess.url, { ...PROXY_ENV, ...env })
        // the ready line shows the base path too
        return { url: new URL(proxy.url).origin, close: proxy.stop }
      })
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.url)
  },
  // auto: every test starts from an empty simulator, also one that never asks for `simulator`
  // (else it sees the imports of the spec before it)
  simulator: [
    async ({ simulatorProcess }, use) => {
      const simulator = new SimulatorControl({ url: simulatorProcess.url, token: SIMULATOR_TOKEN })
      await simulator.reset()
      await use(simulator)
    },
    { auto: true },
  ],
  wizard: async ({ page }, use) => {
    await use(new ImportWizardPage(page))
  },
})

export { expect }
export type { SimulatorControl }
