import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('fix and re-import starts at the check step with the failed rows and the same mapping', async ({
  page,
  simulator,
}) => {
  // import the messy file as it is: HubSpot reports the bad rows
  await page.goto('/new')
  await page.getByLabel('Choose a CSV file').setInputFiles(messyContacts)
  for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Import name').fill('Messy as is')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Start import' }).click()
  await expect(page).toHaveURL(/\/imports\/\d+$/)
  const importId = /\/imports\/(\d+)$/.exec(page.url())![1]!
  await expect
    .poll(async () => (await simulator.objects('contacts', ['email'])).length)
    .toBeGreaterThan(0)

  await page.goto(`/new?reimport=${importId}`)
  await expect(page.getByRole('heading', { name: 'Check the rows before importing' })).toBeVisible()
  await expect(page.getByText(/These rows failed in import/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  // the mapping came along: the failed rows' emails are checked as emails
  await expect(page.getByLabel('Value for Email on line 2')).toHaveValue('bob[at]example.com')
  await expect(page.getByLabel('Value for Email on line 2')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('table', { name: 'Expected result' })).toContainText('Contacts')
})
