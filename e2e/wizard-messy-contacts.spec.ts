import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('a new user imports a messy contacts file, fixing problems in the grid', async ({
  page,
  simulator,
}) => {
  await page.goto('/new')
  await page.getByLabel('Choose a CSV file').setInputFiles(messyContacts)
  await expect(page.getByRole('table', { name: /Preview/ })).toContainText('Lovelace')
  await page.getByRole('button', { name: 'Next' }).click()

  // objects: contacts is the default
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await page.getByRole('button', { name: 'Next' }).click()

  // mapping: every column is matched exactly
  await expect(page.getByLabel('HubSpot property for column Email')).toHaveValue('0-1/email')
  await expect(page.getByLabel('HubSpot property for column Lifecycle Stage')).toHaveValue(
    '0-1/lifecyclestage',
  )
  await expect(page.getByLabel('HubSpot property for column Date of birth')).toHaveValue(
    '0-1/date_of_birth',
  )
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByLabel('Import name')).not.toHaveValue('')
  await page.getByLabel('Import name').fill('Messy contacts')
  await page.getByRole('button', { name: 'Next' }).click()

  // check: problems by type, then fix them in the grid
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  const bobEmail = page.getByLabel('Value for Email on line 3')
  await expect(bobEmail).toHaveAttribute('aria-invalid', 'true')
  await bobEmail.fill('bob@example.com')
  await bobEmail.press('Enter')
  await expect(bobEmail).not.toHaveAttribute('aria-invalid', 'true')

  const bobStage = page.getByLabel('Value for Lifecycle Stage on line 3')
  await bobStage.fill('customer')
  await page
    .getByRole('button', { name: /Apply to all equal values: "Customers" to "customer"/ })
    .click()
  await expect(page.getByLabel('Value for Lifecycle Stage on line 4')).toHaveValue('customer')
  await expect(page.getByLabel('Value for Lifecycle Stage on line 5')).toHaveValue('customer')

  // dave's email can't be saved: leave the row out
  await page.getByLabel('Exclude line 5').check()
  await expect(page.getByRole('status').filter({ hasText: /1 row excluded/ })).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByText(/a clean UTF-8 copy/)).toBeVisible()
  await page.getByText('Import request that will be sent').click()
  await expect(page.getByText('"name": "Messy contacts"')).toBeVisible()
  await page.getByRole('button', { name: 'Start import' }).click()
  await expect(page).toHaveURL(/\/imports\/\d+$/)

  await expect
    .poll(async () => {
      const contacts = await simulator.objects('contacts', [
        'email',
        'firstname',
        'lifecyclestage',
        'date_of_birth',
      ])
      return contacts
        .map((c) => c.properties)
        .map(({ email, firstname, lifecyclestage, date_of_birth }) => ({
          email,
          firstname,
          lifecyclestage,
          date_of_birth: date_of_birth ?? null,
        }))
        .sort((a, b) => String(a.email).localeCompare(String(b.email)))
    })
    .toEqual([
      {
        email: 'ada@example.com',
        firstname: 'Ada',
        lifecyclestage: 'lead',
        date_of_birth: '1985-12-10',
      },
      {
        email: 'bob@example.com',
        firstname: 'Bob',
        lifecyclestage: 'customer',
        date_of_birth: '1990-01-15',
      },
      // the bad date is left out by HubSpot; the rest of the row is written
      {
        email: 'carol@example.com',
        firstname: 'Carol',
        lifecyclestage: 'customer',
        date_of_birth: null,
      },
      {
        email: 'eve@example.com',
        firstname: 'Eve',
        lifecyclestage: 'subscriber',
        date_of_birth: null,
      },
    ])
})
