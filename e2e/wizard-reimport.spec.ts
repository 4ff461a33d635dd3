// "Fix and re-import" opens the wizard at its check step with the failed rows and the same mapping
import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('fix and re-import starts at the check step with the failed rows and the same mapping', async ({
  page,
  simulator,
  wizard,
}) => {
  // import the messy file as it is: HubSpot reports the bad rows
  await wizard.start(messyContacts)
  await wizard.continueTo('options')
  await wizard.importName.fill('Messy as is')
  await wizard.next()
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  await wizard.next()
  const importId = await wizard.startImport()
  await expect
    .poll(async () => (await simulator.objects('contacts', ['email'])).length)
    .toBeGreaterThan(0)

  await wizard.open(`/new?reimport=${importId}`)
  await expect(wizard.heading('check')).toBeVisible()
  await expect(page.getByText(/These rows failed in import/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Problems by type' })).toBeVisible()
  // the mapping came along: the failed rows' emails are checked as emails; Bob keeps his line of
  // messy-contacts.csv (3), not his line in the file of failed rows
  await expect(wizard.cell('Email', 3)).toHaveValue('bob[at]example.com')
  await expect(wizard.cell('Email', 3)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('table', { name: 'Expected result' })).toContainText('Contacts')
})
