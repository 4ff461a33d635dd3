// axe over the views issue 11 added: the create-property form, the filtered problem grid, the running import's progress bar and the re-import screen
import { csvFile } from './pages/import-wizard-page.ts'
import { expectAccessible } from './accessibility.ts'
import { expect, test } from './fixtures.ts'

test.use({ locale: 'en-US' })

test('the mapping step with the create-property form open is accessible', async ({
  page,
  wizard,
}) => {
  await wizard.openCreatePropertyForLeadSource()
  await expectAccessible(page, 'the mapping step with the create-property form open')
})

// 30 rows; line 4 has an email HubSpot refuses, line 6 a lifecycle stage it does not know
const rows = Array.from({ length: 30 }, (_, i) => {
  const line = i + 2
  const email = line === 4 ? 'cat[at]example.com' : `person${line}@example.com`
  return `${email},Person ${line},${line === 6 ? 'Customers' : 'lead'}`
})
const contacts = csvFile(
  'contacts-30.csv',
  ['Email,First Name,Lifecycle Stage', ...rows].join('\r\n') + '\r\n',
)

test('the filtered problem grid, the running import and the re-import screen are accessible', async ({
  page,
  simulator,
  wizard,
}) => {
  // axe runs four times on a busy two-core machine
  test.slow()
  await simulator.configure({ holdProcessing: true, rowsPerSecond: 50 })
  await wizard.start(contacts)
  await wizard.continueTo('options')
  await wizard.importName.fill('Accessible progress')
  await wizard.next()

  const filters = page.getByRole('search', { name: 'Filter rows with problems' })
  await filters.getByLabel('Problem type').selectOption({ label: 'The email address is not valid' })
  await expect(filters).toContainText(/Showing 1 row of 2 listed/)
  await expectAccessible(page, 'the check step filtered by problem type')
  await filters.getByLabel('Problem type').selectOption('')

  // both rows go as they are: HubSpot reports them, and the re-import brings them back
  await wizard.next()
  await wizard.startImport()
  const bar = page.getByRole('progressbar', { name: 'Rows processed' })
  await expect(bar).toHaveAttribute('aria-valuetext', /^0 of 30 rows \(0 %\)/)
  await expectAccessible(page, 'the import page with its progress bar')

  await simulator.configure({ holdProcessing: false })
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  await expect(bar).toHaveAttribute('aria-valuenow', '100')
  await page.getByRole('link', { name: 'Fix and re-import failed rows' }).click()
  await expect(wizard.heading('check')).toBeVisible()
  await expect(wizard.cell('Email', 4)).toHaveValue('cat[at]example.com')
  await expectAccessible(page, 'the re-import check step')
})
