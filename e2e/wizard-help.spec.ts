// Help in the wizard: a sample file per object built from the portal's properties, which imports as it is, and the mapping step's hints
import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { csvFile } from './pages/import-wizard-page.ts'
import { expectAccessible } from './accessibility.ts'
import { expect, test } from './fixtures.ts'

test('the sample contacts file maps itself, passes the check and imports as it is', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.open()
  await expectAccessible(page, 'the file step with its sample links')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'a sample contacts file' }).click()
  const sample = await download
  expect(sample.suggestedFilename()).toBe('sample-contacts.csv')
  const text = await readFile((await sample.path()) ?? '', 'utf8')
  const [header = [], ...rows] = Papa.parse<string[]>(text, {
    skipEmptyLines: true,
  }).data
  expect(header.slice(0, 3)).toEqual(['Email', 'Customer number', 'First Name'])
  expect(rows).toHaveLength(3)

  // the download is saved under a random name: hand it back under its own
  await wizard.fileInput.setInputFiles(csvFile(sample.suggestedFilename(), text))
  await expect(wizard.preview).toBeVisible()
  await wizard.next()
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await wizard.next()

  // every column found its property, and the hints say what HubSpot needs
  for (const column of header) await expect(wizard.mappingFor(column)).not.toHaveValue('')
  const hints = page.getByRole('region', { name: 'What HubSpot needs' })
  await expect(hints).toContainText(
    'A unique identifier is a property whose value belongs to one record only',
  )
  await expect(hints).toContainText(
    'Contacts: Create and update needs a unique identifier (Record ID, Email or Customer number) to find existing records, or Email to create new ones.',
  )

  await wizard.continueTo('options')
  await wizard.importName.fill('Sample contacts')
  await wizard.next()
  await expect(wizard.scanStatus(/Checked 3 rows: no problems found/)).toBeVisible()
  await wizard.next()
  await wizard.startImport()
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  const stored = await simulator.objects('contacts', ['email', 'firstname'])
  expect(stored.map((c) => `${c.properties.email} ${c.properties.firstname}`).sort()).toEqual([
    'ada@example.com Ada',
    'alan@example.com Alan',
    'grace@example.com Grace',
  ])
})

test('the mapping step offers the chosen object’s sample, which starts on that object', async ({
  page,
  wizard,
}) => {
  await wizard.open()
  const first = page.waitForEvent('download')
  await page.getByRole('button', { name: 'a sample companies file' }).click()
  const sample = await first
  const text = await readFile((await sample.path()) ?? '', 'utf8')
  await wizard.fileInput.setInputFiles(csvFile(sample.suggestedFilename(), text))
  await wizard.next()
  await expect(page.getByRole('radio', { name: 'Companies', exact: true })).toBeChecked()
  await wizard.next()
  await expect(wizard.mappingFor('Company name')).toHaveValue('0-2/name')
  await expect(page.getByRole('region', { name: 'What HubSpot needs' })).toContainText(
    'Companies: Create and update needs a unique identifier (Record ID or Company Domain Name)',
  )
  const again = page.waitForEvent('download')
  await page
    .getByRole('region', { name: 'What HubSpot needs' })
    .getByRole('button', { name: 'a sample companies file' })
    .click()
  expect((await again).suggestedFilename()).toBe('sample-companies.csv')
})
