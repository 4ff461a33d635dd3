// A new user's first import: a messy contacts file, fixed in the grid, lands in HubSpot as fixed
import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('a new user imports a messy contacts file, fixing problems in the grid', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(messyContacts)
  await expect(wizard.preview).toContainText('Lovelace')
  await wizard.next()

  // objects: contacts is the default
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await wizard.next()

  // mapping: every column is matched exactly
  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')
  await expect(wizard.mappingFor('Lifecycle Stage')).toHaveValue('0-1/lifecyclestage')
  await expect(wizard.mappingFor('Date of birth')).toHaveValue('0-1/date_of_birth')
  await wizard.next()

  await expect(wizard.importName).not.toHaveValue('')
  await wizard.importName.fill('Messy contacts')
  await wizard.next()

  // check: problems by type, then fix them in the grid
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  const bobEmail = wizard.cell('Email', 3)
  await expect(bobEmail).toHaveAttribute('aria-invalid', 'true')
  await bobEmail.fill('bob@example.com')
  await bobEmail.press('Enter')
  await expect(bobEmail).not.toHaveAttribute('aria-invalid', 'true')

  const bobStage = wizard.cell('Lifecycle Stage', 3)
  await bobStage.fill('customer')
  await page
    .getByRole('button', { name: /Apply to all equal values: "Customers" to "customer"/ })
    .click()
  await expect(wizard.cell('Lifecycle Stage', 4)).toHaveValue('customer')
  await expect(wizard.cell('Lifecycle Stage', 5)).toHaveValue('customer')

  // dave's email can't be saved: leave the row out
  await wizard.excludeLine(5).check()
  await expect(wizard.scanStatus(/1 row excluded/)).toBeVisible()
  await wizard.next()

  await expect(page.getByText(/a clean UTF-8 copy/)).toBeVisible()
  await page.getByText('Import request that will be sent').click()
  await expect(page.getByText('"name": "Messy contacts"')).toBeVisible()
  await wizard.startImport()

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
