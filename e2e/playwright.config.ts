// Playwright's settings for the browser tests: Chromium, two workers, each with its own servers
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.ts'

// e2e runs the built app behind the real proxy, against the simulator over HTTP: nothing mocked.
// Each worker starts its own simulator and proxy on free ports (fixtures.ts), so no webServer here
// and spec files run side by side; `baseURL` is that worker's proxy.

const executablePath = chromiumExecutable()

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // files are spread over the workers; the tests of one file run in order in one worker
  fullyParallel: false,
  // two, as many as CI's cores: most of a test is spent waiting on the browser and the servers
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
})
