// One line number everywhere: a row keeps the line of the person's file on the check step, the
// dashboard, the errors CSV and the re-import screen, even after an earlier row was excluded
import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

// header on line 1; line 3 is excluded in the wizard; line 15 holds an email HubSpot refuses
const rows = Array.from({ length: 18 }, (_, i) => {
  const line = i + 2
  if (line === 3) return 'not-an-email,Excluded'
  if (line === 15) return 'bea[at]example.com,Bea'
  return `person${line}@example.com,Person ${line}`
})
const kontakte = csvFile('kontakte.csv', ['Email,Vorname', ...rows].join('\r\n') + '\r\n')

test('a row is line 15 of kontakte.csv on the check step, the dashboard, the errors CSV and the re-import', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(kontakte)
  await wizard.continueTo('options')
  await wizard.importName.fill('Kontakte')
  await wizard.next()

  await expect(wizard.cell('Email', 15)).toHaveValue('bea[at]example.com')
  await wizard.excludeLine(3).check()
  await expect(wizard.scanStatus(/1 row excluded/)).toBeVisible()
  await wizard.next()
  const importId = await wizard.startImport()

  // the dashboard: HubSpot numbers the uploaded copy (line 14); the page shows line 15
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  const list = page.getByRole('region', { name: 'Row errors list' })
  const errorRow = list.getByRole('row').filter({ hasText: 'bea[at]example.com' })
  await expect(errorRow.getByRole('cell').first()).toHaveText('15')
  await expect(page.getByText('Line numbers are lines of kontakte.csv')).toBeVisible()

  // the errors CSV: line 15 of kontakte.csv, and HubSpot's own number beside it
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download errors as CSV' }).click()
  const text = await readFile((await (await download).path()) ?? '', 'utf8')
  const [header = [], ...records] = Papa.parse<string[]>(text.slice(1), {
    skipEmptyLines: true,
  }).data
  const record = records.find((cells) => cells.includes('bea[at]example.com')) ?? []
  const at = (column: string) => record[header.indexOf(column)]
  expect([at('Line'), at('Line of'), at('HubSpot line')]).toEqual(['15', 'kontakte.csv', '14'])

  // the re-import screen
  await page.getByRole('link', { name: 'Fix and re-import failed rows' }).click()
  await expect(wizard.heading('check')).toBeVisible()
  await expect(page.getByText(/Line 15: /)).toBeVisible()
  await expect(wizard.cell('Email', 15)).toHaveValue('bea[at]example.com')
  await expect(page.getByText('Line numbers are those of kontakte.csv')).toBeVisible()
  // the re-import keeps the same numbers: fix nothing, import again, line 15 once more
  await wizard.next()
  const reimportId = await wizard.startImport()
  expect(reimportId).not.toBe(importId)
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  await expect(
    page
      .getByRole('region', { name: 'Row errors list' })
      .getByRole('row')
      .filter({ hasText: 'bea[at]example.com' })
      .getByRole('cell')
      .first(),
  ).toHaveText('15')
  expect((await simulator.objects('contacts', ['email'])).length).toBe(16)
})

test("an import started elsewhere says its line numbers are HubSpot's", async ({
  page,
  simulator,
}) => {
  const id = await simulator.startImport('Elsewhere', ['email'], [['Email'], ['nope']])
  await page.goto(`/imports/${id}`)
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  await expect(page.getByText(/Line numbers are HubSpot's/)).toBeVisible()
})
