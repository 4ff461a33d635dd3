import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('a reload in the middle of mapping loses nothing', async ({ page, simulator }) => {
  await page.goto('/new')
  await page.getByLabel('Choose a CSV file').setInputFiles(messyContacts)
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()

  const lastName = page.getByLabel('HubSpot property for column Last Name')
  await expect(lastName).toHaveValue('0-1/lastname')
  await lastName.selectOption({ label: "Don't import" })
  await page
    .getByLabel('HubSpot property for column Date of birth')
    .selectOption({ label: "Don't import" })
  // the draft is saved shortly after each change
  await page.waitForTimeout(600)
  await page.reload()

  await expect(page.getByText('Restored your import in progress')).toBeVisible()
  await expect(
    page.getByRole('heading', { name: 'Map columns to HubSpot properties' }),
  ).toBeVisible()
  await expect(page.getByLabel('HubSpot property for column Last Name')).toHaveValue('')
  await expect(page.getByLabel('HubSpot property for column Date of birth')).toHaveValue('')
  await expect(page.getByLabel('HubSpot property for column Email')).toHaveValue('0-1/email')

  // the file itself came back too: the check reads every row of it
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Checked 5 rows/ })).toBeVisible()

  await page.getByRole('button', { name: 'Start over' }).click()
  await expect(page.getByLabel('Choose a CSV file')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Choose a CSV file')).toBeVisible()
  await expect(page.getByText('Restored your import in progress')).toBeHidden()
  expect(await simulator.objects('contacts', ['email'])).toEqual([])
})
