import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.ts'

// e2e runs the built app behind the real proxy, against the simulator over HTTP: nothing mocked
export const SIMULATOR_PORT = Number(process.env.E2E_SIMULATOR_PORT ?? 3199)
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3198)
export const SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`
export const SIMULATOR_TOKEN = 'pat-e2e-simulator-token'

const executablePath = chromiumExecutable()

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // one simulator is shared: tests reset it, so they run one at a time
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: 'npx tsx src/simulator/main.ts',
      cwd: '..',
      url: `${SIMULATOR_URL}/__simulator/requests`,
      reuseExistingServer: false,
      env: {
        SIMULATOR_PORT: String(SIMULATOR_PORT),
        SIMULATOR_TOKEN,
        SIMULATOR_CONTROL: '1',
        SIMULATOR_ROWS_PER_SECOND: '0',
      },
      stdout: 'ignore',
    },
    {
      command: 'npx tsx src/server/main.ts',
      cwd: '..',
      url: `http://127.0.0.1:${APP_PORT}/api/config`,
      reuseExistingServer: false,
      env: {
        PORT: String(APP_PORT),
        HUBSPOT_BASE_URL: SIMULATOR_URL,
        HUBSPOT_ACCESS_TOKEN: SIMULATOR_TOKEN,
        // the simulator enforces 100/10 s; e2e shares that budget with its own control calls
        HUBSPOT_RATE_LIMIT: '100',
      },
      stdout: 'ignore',
    },
  ],
})
