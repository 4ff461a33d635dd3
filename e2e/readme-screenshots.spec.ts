// The README's screenshots, taken from the real app: each wizard step and the finished import's page (written only with UPDATE_SCREENSHOTS=1)
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots')
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1'
const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } })

/** Writes the screenshot when asked to; otherwise the walk only proves each view renders. */
async function shoot(page: Page, name: string) {
  if (UPDATE) await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

test('every step renders, and its screenshot is written when UPDATE_SCREENSHOTS=1', async ({
  page,
  wizard,
}) => {
  await wizard.start(messyContacts)
  await expect(wizard.preview).toContainText('Lovelace')
  await shoot(page, '1-choose-file')
  await wizard.next()
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await shoot(page, '2-choose-objects')
  await wizard.next()
  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')
  await shoot(page, '3-map-columns')
  await wizard.next()
  await wizard.importName.fill('Trade fair contacts')
  await shoot(page, '4-options')
  await wizard.next()
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  await shoot(page, '5-check')
  await wizard.next()
  await expect(wizard.startImportButton).toBeVisible()
  await shoot(page, '6-start-import')
  await wizard.startImport()
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  await expect(page.getByText(/errors loaded/).first()).toBeVisible()
  await shoot(page, '7-import-page')
})
