import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

/** Presses Tab until the element has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`could not reach ${target} with the Tab key`)
}

test('the whole wizard works by keyboard alone', async ({ page, simulator }) => {
  await page.goto('/new')
  // the file chooser itself is the browser's dialog
  await page.getByLabel('Choose a CSV file').setInputFiles(messyContacts)
  await expect(page.getByRole('table', { name: /Preview/ })).toBeVisible()

  await tabTo(page, page.getByRole('button', { name: 'Next' }))
  await page.keyboard.press('Enter')

  // objects: arrow keys move between radios
  const companies = page.getByRole('radio', { name: 'Companies', exact: true })
  await tabTo(page, page.getByRole('radio', { name: 'Contacts', exact: true }))
  await page.keyboard.press('ArrowDown')
  await expect(companies).toBeChecked()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await tabTo(page, page.getByRole('button', { name: 'Next' }))
  await page.keyboard.press('Enter')

  // mapping: change a column with the arrow keys, then continue
  const firstName = page.getByLabel('HubSpot property for column First Name')
  await expect(firstName).toHaveValue('0-1/firstname')
  await tabTo(page, firstName)
  await page.keyboard.press('Home')
  await expect(firstName).toHaveValue('')
  await tabTo(page, page.getByRole('button', { name: 'Next' }))
  await page.keyboard.press('Enter')

  const name = page.getByLabel('Import name')
  await tabTo(page, name)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Keyboard import')
  await tabTo(page, page.getByRole('button', { name: 'Next' }))
  await page.keyboard.press('Enter')

  // check: fix a cell, apply a fix to all, exclude a row
  const bobEmail = page.getByLabel('Value for Email on line 3')
  await tabTo(page, bobEmail)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('bob@example.com')
  await page.keyboard.press('Enter')
  await expect(bobEmail).not.toHaveAttribute('aria-invalid', 'true')

  await tabTo(page, page.getByLabel('Value for Lifecycle Stage on line 3'))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('customer')
  await tabTo(page, page.getByRole('button', { name: /Apply to all equal values: "Customers"/ }))
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Value for Lifecycle Stage on line 5')).toHaveValue('customer')

  await tabTo(page, page.getByLabel('Exclude line 5'))
  await page.keyboard.press('Space')
  await expect(page.getByLabel('Exclude line 5')).toBeChecked()
  await expect(page.getByRole('status').filter({ hasText: /1 row excluded/ })).toBeVisible()
  await tabTo(page, page.getByRole('button', { name: 'Next' }))
  await page.keyboard.press('Enter')

  await tabTo(page, page.getByRole('button', { name: 'Start import' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/imports\/\d+$/)

  await expect
    .poll(async () => (await simulator.objects('contacts', ['email', 'firstname'])).length)
    .toBe(4)
  const contacts = await simulator.objects('contacts', ['email', 'firstname'])
  // First Name was set to "Don't import"
  expect(contacts.every((c) => !c.properties.firstname)).toBe(true)
})
