// Playwright fixtures: the simulator's control routes, reset before every test, and the wizard's page object
import { test as base, expect } from '@playwright/test'
import { SimulatorControl } from '../src/shared/testing/simulator-control.ts'
import { ImportWizardPage } from './pages/import-wizard-page.ts'
import { SIMULATOR_TOKEN, SIMULATOR_URL } from './playwright.config.ts'

export const test = base.extend<{ simulator: SimulatorControl; wizard: ImportWizardPage }>({
  // auto: every test starts from an empty simulator, also one that never asks for `simulator`
  // (else it sees the imports of the spec before it)
  simulator: [
    // playwright reads fixture dependencies from the destructuring pattern, so it must be there
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const simulator = new SimulatorControl({ url: SIMULATOR_URL, token: SIMULATOR_TOKEN })
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
