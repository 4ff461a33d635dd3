// Hundreds of problem rows: filter by type and column, exclude every row with one problem in one action, import, watch it finish
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

test.use({ locale: 'en-US' })

const ROWS = 2_000
// every 20th row from the 7th on has a bad email (100 rows), and so do rows 3 mod 10 (200): 300
const badEmail = (i: number) => i % 10 === 3 || i % 20 === 7
const lines = Array.from({ length: ROWS }, (_, i) => {
  const email = badEmail(i) ? `person${i}[at]example.com` : `person${i}@example.com`
  const stage = i % 400 === 1 ? 'Customers' : 'lead'
  return `${email},Person ${i},${stage}`
})
const contacts = csvFile(
  'contacts-2000.csv',
  ['Email,First Name,Lifecycle Stage', ...lines].join('\r\n') + '\r\n',
)
const BAD = Array.from({ length: ROWS }, (_, i) => i).filter(badEmail).length

test('300 bad emails: filtered, excluded in one action, the rest imported with progress to 100 %', async ({
  page,
  simulator,
  wizard,
}) => {
  expect(BAD).toBe(300)
  await simulator.configure({ holdProcessing: true, rowsPerSecond: 400 })
  await wizard.start(contacts)
  await wizard.continueTo('options')
  await wizard.importName.fill('Many problems')
  await wizard.next()
  await expect(wizard.scanStatus(/Checked 2,000 rows: 305 rows with problems/)).toBeVisible()

  // filter by type, then by column
  const filters = page.getByRole('search', { name: 'Filter rows with problems' })
  await filters.getByLabel('Problem type').selectOption({ label: 'The email address is not valid' })
  await expect(filters).toContainText(/Showing 300 rows of 305 listed/)
  await filters.getByLabel('Problem type').selectOption('')
  await filters.getByLabel('Column').selectOption({ label: 'Lifecycle Stage' })
  await expect(filters).toContainText(/Showing 5 rows of 305 listed/)
  // the dropdown fix box has a name
  await expect(
    page.getByRole('combobox', { name: 'Value for Lifecycle Stage on line 3' }),
  ).toHaveValue('Customers')
  // the page itself never scrolls sideways; the grid scrolls in its own box
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0)

  await page
    .getByRole('button', {
      name: 'Exclude every row with this problem: The email address is not valid (300 rows)',
    })
    .click()
  await expect(
    wizard.scanStatus(/Checked 1,700 rows \(300 rows excluded\): 5 rows with problems/),
  ).toBeVisible()
  await wizard.next()
  await expect(page.getByText(/300 rows excluded/)).toBeVisible()
  // the 5 rows left with problems go as they are, and the summary says what HubSpot does with them
  await expect(
    page.getByText(
      /^5 rows with problems that were not fixed or excluded will be sent as they are\. HubSpot still runs the import/,
    ),
  ).toBeVisible()
  await wizard.startImport()

  const bar = page.getByRole('progressbar', { name: 'Rows processed' })
  await expect(bar).toHaveAttribute('aria-valuetext', /^0 of 1,700 rows \(0 %\)/)
  await simulator.configure({ holdProcessing: false })
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 })
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done')

  const stored = await simulator.objects('contacts', ['email'])
  expect(stored).toHaveLength(1_700)
  expect(stored.some((c) => c.properties.email?.includes('[at]'))).toBe(false)
  const counts = page.getByLabel('Counts')
  const count = (term: string) =>
    counts.locator('div').filter({ has: page.getByRole('term').filter({ hasText: term }) })
  await expect(count('Rows in the file')).toContainText('1,700')
  await expect(count('Records created')).toContainText('1,700')
})
