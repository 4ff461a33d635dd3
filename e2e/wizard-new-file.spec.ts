import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const csv = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
})

const step = (page: Page, name: RegExp) =>
  page.getByRole('navigation', { name: 'Import steps' }).getByRole('button', { name })

test('choosing another file mid-wizard starts over from the file, keeping the objects', async ({
  page,
}) => {
  await page.goto('/new')
  await page
    .getByLabel('Choose a CSV file')
    .setInputFiles(csv('first.csv', 'Email,First Name\nada@x.example,Ada\n'))
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('radio', { name: 'Contacts', exact: true }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByLabel('Import name')).toHaveValue(/first/)
  await expect(step(page, /Options/)).toBeEnabled()

  await step(page, /Choose file/).click()
  await page
    .getByLabel('Choose a CSV file')
    .setInputFiles(csv('second.csv', 'E-mail,Given name,City\ngrace@x.example,Grace,Arlington\n'))
  await expect(page.getByRole('table', { name: /Preview/ })).toContainText('Grace')

  // what depended on the first file is gone: mapping, options and later steps
  await expect(step(page, /Options/)).toBeDisabled()
  await expect(step(page, /Check/)).toBeDisabled()
  await expect(step(page, /Import/)).toBeDisabled()
  await page.getByRole('button', { name: 'Next' }).click()
  // the object choice is kept
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByLabel('HubSpot property for column City')).toBeVisible()
  await expect(page.getByLabel('HubSpot property for column First Name')).toHaveCount(0)
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByLabel('Import name')).toHaveValue(/second/)
})
