// The running import's page: a progress bar of the file's rows from 0 to 100 %, time left, counters named for what they are
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

test.use({ locale: 'en-US' })

const ROWS = 2_000
const contacts = csvFile(
  'contacts-2000.csv',
  ['Email,First Name', ...Array.from({ length: ROWS }, (_, i) => `p${i}@example.com,P${i}`)].join(
    '\n',
  ) + '\n',
)

test('the progress bar moves from 0 to 100 % of the rows the wizard counted', async ({
  page,
  simulator,
  wizard,
}) => {
  // admitted but held before its first row, then 250 rows a second: about 8 s of progress
  await simulator.configure({ holdProcessing: true, rowsPerSecond: 250 })
  await wizard.start(contacts)
  await wizard.continueTo('options')
  await wizard.importName.fill('Two thousand')
  await wizard.next()
  await expect(wizard.scanStatus(/2,000 rows/)).toBeVisible()
  await wizard.next()
  await wizard.startImport()
  // focus moves to the import page's heading, not the page body
  await expect(page.getByRole('heading', { name: 'Two thousand', level: 1 })).toBeFocused()

  const bar = page.getByRole('progressbar', { name: 'Rows processed' })
  await expect(bar).toHaveAttribute('aria-valuetext', /^0 of 2,000 rows \(0 %\)/)

  await simulator.configure({ holdProcessing: false })
  const now = async () => Number(await bar.getAttribute('aria-valuenow'))
  await expect.poll(now, { timeout: 30_000 }).toBeGreaterThan(0)
  await expect.poll(now).toBeLessThan(100)
  // HubSpot's count so far is not called the file's
  const counts = page.getByLabel('Counts')
  await expect(counts.getByRole('term').filter({ hasText: 'Rows processed' })).toBeVisible()
  await expect(bar).toHaveAttribute('aria-valuetext', /left/, { timeout: 15_000 })
  await expect.poll(now, { timeout: 30_000 }).toBe(100)

  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done')
  await expect(bar).toHaveAttribute('aria-valuetext', /^2,000 of 2,000 rows \(100 %\)$/)
  const count = (term: string) =>
    counts.locator('div').filter({ has: page.getByRole('term').filter({ hasText: term }) })
  await expect(count('Rows in the file')).toContainText('2,000')
  const stored = await simulator.objects('contacts', ['email'])
  expect(stored).toHaveLength(ROWS)
  await expect(count('Records created')).toContainText(stored.length.toLocaleString('en-US'))
})

test('an import started elsewhere says its total is known when HubSpot finishes', async ({
  page,
  simulator,
}) => {
  await simulator.configure({ holdProcessing: true })
  const id = await simulator.startImport('Elsewhere', ['email'], [['Email'], ['a@example.com']])
  await page.goto(`/imports/${id}`)
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Importing')
  await expect(page.getByText(/row count is known when HubSpot finishes/)).toBeVisible()
  await simulator.configure({ holdProcessing: false })
  await expect(page.getByRole('progressbar', { name: 'Rows processed' })).toHaveAttribute(
    'aria-valuetext',
    '1 of 1 rows (100 %)',
  )
})
