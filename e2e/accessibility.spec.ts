// axe (WCAG 2 A and AA) over the imports list, every wizard step and the import page with errors
import path from 'node:path'
import { expectAccessible } from './accessibility.ts'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('the empty imports list has no serious accessibility violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByText('No imports yet.')).toBeVisible()
  await expectAccessible(page, 'the empty imports list')
})

test('every wizard step, the import page with errors and the imports list are accessible', async ({
  page,
  wizard,
}) => {
  // axe runs over eight pages here: on a busy two-core machine that takes more than the default minute
  test.slow()
  await wizard.start(messyContacts)
  await expect(wizard.preview).toContainText('Lovelace')
  await expectAccessible(page, 'the wizard with a file chosen')
  await wizard.next()

  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await expectAccessible(page, 'the objects step')
  await wizard.next()

  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')
  await expectAccessible(page, 'the mapping step')
  await wizard.next()

  await expect(wizard.importName).not.toHaveValue('')
  await wizard.importName.fill('Accessible contacts')
  await expectAccessible(page, 'the options step')
  await wizard.next()

  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  await expect(wizard.cell('Email', 3)).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'the check step with problems')

  // fix what must be fixed; the bad date of birth is left for HubSpot to report as a row error
  const bobEmail = wizard.cell('Email', 3)
  await bobEmail.fill('bob@example.com')
  await bobEmail.press('Enter')
  await wizard.cell('Lifecycle Stage', 3).fill('customer')
  await page
    .getByRole('button', { name: /Apply to all equal values: "Customers" to "customer"/ })
    .click()
  await wizard.excludeLine(5).check()
  await expect(wizard.scanStatus(/1 row excluded/)).toBeVisible()
  await wizard.next()

  await expect(wizard.startImportButton).toBeVisible()
  await expectAccessible(page, 'the import step')
  await wizard.startImport()

  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  await expect(page.getByText(/errors loaded/).first()).toBeVisible()
  await expectAccessible(page, 'the import page with errors')

  await page.goto('/')
  await expect(page.getByRole('link', { name: /Accessible contacts/ }).first()).toBeVisible()
  await expectAccessible(page, 'the imports list with one import')
})
