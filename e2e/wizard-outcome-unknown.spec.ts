// Never twice, in the browser: HubSpot's answer to the upload is lost, the wizard says the outcome
// is unknown, and its retry checks HubSpot first and opens the one import that exists
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

const isCreate = (r: { method: string; path: string }) =>
  r.method === 'POST' && /^\/crm\/v3\/imports\/?$/.test(r.path)

test('a lost answer: the wizard says so, checks HubSpot on retry and opens the import it made', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(csvFile('lost-answer.csv', 'Email,First Name\nada@x.example,Ada\n'))
  await wizard.continueTo('submit')

  // HubSpot makes the import, then the connection breaks before its answer
  await simulator.fault({ dropAnswerAfterBytes: 0, method: 'POST' })
  await wizard.startImportButton.click()
  await expect(page.getByRole('alert')).toContainText(
    'HubSpot may have started this import, but its answer was lost',
  )

  // HubSpot's list is slow, so the check can be seen
  await simulator.fault({ delayMs: 1_500, method: 'GET', pathPrefix: '/crm/v3/imports' })
  await page.getByRole('button', { name: 'Check and try again' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Checking with HubSpot' })).toBeVisible()
  await expect(page).toHaveURL(/\/imports\/\d+$/)

  const creates = (await simulator.requests()).filter(isCreate)
  expect(creates).toHaveLength(1)
  const id = /\/imports\/(\d+)$/.exec(page.url())?.[1]
  const listed = await simulator.importIds()
  expect(listed).toEqual([id])
})
