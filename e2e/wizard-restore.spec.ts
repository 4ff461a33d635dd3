// A reload mid-wizard restores the import in progress from the draft saved in this browser
import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('a reload in the middle of mapping loses nothing', async ({ page, simulator, wizard }) => {
  await wizard.start(messyContacts)
  await wizard.continueTo('mapping')

  const lastName = wizard.mappingFor('Last Name')
  await expect(lastName).toHaveValue('0-1/lastname')
  await lastName.selectOption({ label: "Don't import" })
  await wizard.mappingFor('Date of birth').selectOption({ label: "Don't import" })
  // the draft is saved shortly after each change: wait until it holds both
  await wizard.waitForSavedMapping((mapping) =>
    ['Last Name', 'Date of birth'].every(
      (name) => mapping.find((column) => column.columnName === name)?.propertyName === null,
    ),
  )
  await page.reload()

  await expect(page.getByText('Restored your import in progress')).toBeVisible()
  await expect(wizard.heading('mapping')).toBeVisible()
  await expect(wizard.mappingFor('Last Name')).toHaveValue('')
  await expect(wizard.mappingFor('Date of birth')).toHaveValue('')
  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')

  // the file itself came back too: the check reads every row of it
  await wizard.continueTo('check')
  await expect(wizard.scanStatus(/Checked 5 rows/)).toBeVisible()

  await page.getByRole('button', { name: 'Start over' }).click()
  await expect(wizard.fileInput).toBeVisible()
  await page.reload()
  await expect(wizard.fileInput).toBeVisible()
  await expect(page.getByText('Restored your import in progress')).toBeHidden()
  expect(await simulator.objects('contacts', ['email'])).toEqual([])
})
