// The dashboard against the simulator: live states, DEFERRED, cancel, paged row errors, re-import, paging, notices
import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { expect, test, type SimulatorControl } from './fixtures.ts'

// the dashboard formats counts with the browser's locale
test.use({ locale: 'en-US' })

const CONTACT_PROPERTIES = ['email', 'firstname', 'lifecyclestage']

const auth = (simulator: SimulatorControl) => ({ Authorization: `Bearer ${simulator.token}` })

async function importState(
  simulator: SimulatorControl,
  id: string,
): Promise<{ state: string; counters: Record<string, number> }> {
  const response = await fetch(`${simulator.url}/crm/v3/imports/${id}`, {
    headers: auth(simulator),
  })
  const body = (await response.json()) as {
    state: string
    metadata: { counters: Record<string, number> }
  }
  return { state: body.state, counters: body.metadata.counters }
}

async function waitForState(simulator: SimulatorControl, id: string, state: string) {
  await expect
    .poll(async () => (await importState(simulator, id)).state, { timeout: 30_000 })
    .toBe(state)
}

/** Every error of an import, read from the simulator directly (the reference the UI must match). */
async function simulatorErrors(simulator: SimulatorControl, id: string) {
  const all: { errorType: string; sourceData: { lineNumber: number } }[] = []
  let after: string | undefined
  do {
    const url = new URL(`/crm/v3/imports/${id}/errors`, simulator.url)
    url.searchParams.set('limit', '100')
    url.searchParams.set('includeErrorMessage', 'true')
    url.searchParams.set('includeRowData', 'true')
    if (after) url.searchParams.set('after', after)
    const response = await fetch(url, { headers: auth(simulator) })
    const page = (await response.json()) as {
      results: { errorType: string; sourceData: { lineNumber: number } }[]
      paging?: { next?: { after: string } }
    }
    all.push(...page.results)
    after = page.paging?.next?.after
  } while (after)
  return all
}

const statusCalls = async (simulator: SimulatorControl, id: string) =>
  (await simulator.requests()).filter(
    (request) => request.method === 'GET' && request.path === `/crm/v3/imports/${id}`,
  ).length

const contactRows = (count: number, prefix = 'person') => [
  ['Email', 'First name', 'Lifecycle stage'],
  ...Array.from({ length: count }, (_, i) => [`${prefix}${i}@example.com`, `Name ${i}`, 'lead']),
]

test('an import moves STARTED → PROCESSING → DONE on screen, then polling stops', async ({
  page,
  simulator,
}) => {
  await simulator.configure({ paused: true })
  const id = await simulator.startImport('Live status', CONTACT_PROPERTIES, contactRows(5))
  // the page's clock runs as usual until the test moves it on
  await page.clock.install()
  await page.goto(`/imports/${id}`)
  const state = page.getByRole('status', { name: 'Import state' })
  await expect(state).toContainText('Starting')

  await simulator.configure({ paused: false, holdProcessing: true })
  await expect(state).toContainText('Importing')

  await simulator.configure({ holdProcessing: false })
  await expect(state).toContainText('Done')
  await expect(page.getByRole('definition').filter({ hasText: /^5$/ }).first()).toBeVisible()

  // no status calls once DONE: a minute of the page's timers at once, far past the 2 s interval
  const before = await statusCalls(simulator, id)
  const statusRequests: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith(`/crm/v3/imports/${id}`)) {
      statusRequests.push(request.url())
    }
  })
  await page.clock.runFor(60_000)
  expect(statusRequests).toEqual([])
  expect(await statusCalls(simulator, id)).toBe(before)
})

test('a fourth concurrent import waits as DEFERRED, then runs', async ({ page, simulator }) => {
  await simulator.configure({ holdProcessing: true })
  const ids: string[] = []
  for (const n of [1, 2, 3, 4])
    ids.push(
      await simulator.startImport(`Concurrent ${n}`, CONTACT_PROPERTIES, contactRows(3, `c${n}-`)),
    )
  const fourth = ids[3] ?? ''
  await waitForState(simulator, fourth, 'DEFERRED')

  await page.goto('/')
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Concurrent 4' }) })
  await expect(row).toContainText('Waiting')
  await expect(row).toContainText('HubSpot runs at most three imports at once')

  await row.getByRole('link', { name: 'Concurrent 4' }).click()
  const state = page.getByRole('status', { name: 'Import state' })
  await expect(state).toContainText('Waiting: HubSpot runs at most three imports at once.')

  await simulator.configure({ holdProcessing: false })
  // DEFERRED polls every 10 s
  await expect(state).toContainText('Done', { timeout: 25_000 })

  await page.getByRole('link', { name: '← All imports' }).click()
  for (const n of [1, 2, 3, 4]) {
    const listed = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Concurrent ${n}` }) })
    await expect(listed).toContainText('Done')
  }
})

test('cancel asks first, sends one request, and shows CANCELED', async ({ page, simulator }) => {
  await simulator.configure({ holdProcessing: true })
  const id = await simulator.startImport('To cancel', CONTACT_PROPERTIES, contactRows(20))
  await waitForState(simulator, id, 'PROCESSING')
  await page.goto(`/imports/${id}`)
  const state = page.getByRole('status', { name: 'Import state' })
  await expect(state).toContainText('Importing')

  const opener = page.getByRole('button', { name: 'Cancel import…' })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: 'Cancel this import?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Keep importing' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()

  await opener.click()
  await dialog.getByRole('button', { name: 'Yes, cancel import' }).dblclick()
  await expect(dialog).toBeHidden()
  await expect(state).toContainText('Cancelled')
  await expect(page.getByRole('button', { name: 'Cancel import…' })).toHaveCount(0)

  const cancels = (await simulator.requests()).filter(
    (request) => request.method === 'POST' && request.path === `/crm/v3/imports/${id}/cancel`,
  )
  expect(cancels).toHaveLength(1)
  expect((await importState(simulator, id)).state).toBe('CANCELED')
})

/** 1,000 rows with an unusable email (not written) and 500 with an unknown lifecycle stage. */
function rowsWithErrors() {
  const rows = [['Email', 'First name', 'Lifecycle stage']]
  for (let i = 0; i < 1_000; i++)
    rows.push([`not-an-email-${i}`, i % 2 ? `=HYPERLINK("x${i}")` : `+49 ${i}`, 'lead'])
  for (let i = 0; i < 500; i++)
    rows.push([`ok${i}@example.com`, i % 2 ? `@cmd${i}` : `-${i}`, 'no-such-stage'])
  for (let i = 0; i < 20; i++) rows.push([`fine${i}@example.com`, `Fine ${i}`, 'customer'])
  return rows
}

test('1,500 row errors page through, counts by type match, and the CSV is complete and safe', async ({
  page,
  simulator,
}) => {
  const id = await simulator.startImport('Many errors', CONTACT_PROPERTIES, rowsWithErrors())
  await waitForState(simulator, id, 'DONE')
  const reference = await simulatorErrors(simulator, id)
  expect(reference.length).toBeGreaterThanOrEqual(1_500)
  const byType = new Map<string, number>()
  for (const error of reference) byType.set(error.errorType, (byType.get(error.errorType) ?? 0) + 1)
  const total = reference.length.toLocaleString('en-US')

  await page.goto(`/imports/${id}`)
  await expect(page.getByText(`100 of ${total} errors loaded`).first()).toBeVisible()
  await page.getByRole('button', { name: 'Load more errors' }).click()
  await expect(page.getByText(`200 of ${total} errors loaded`).first()).toBeVisible()
  await page.getByRole('button', { name: 'Load all errors' }).click()
  await expect(page.getByText(`${total} of ${total} errors loaded`).first()).toBeVisible({
    timeout: 30_000,
  })
  await expect(page.getByRole('button', { name: 'Load more errors' })).toHaveCount(0)

  const counts = page.getByRole('table', { name: /Errors by type/ })
  for (const [errorType, count] of byType) {
    const row = counts.getByRole('row').filter({ hasText: errorType })
    await expect(row.getByRole('cell').last()).toHaveText(count.toLocaleString('en-US'))
  }

  // filters narrow the list
  const [firstType, firstCount] = [...byType.entries()][0] ?? ['', 0]
  await page.getByLabel('Error type').selectOption(firstType)
  await expect(
    page.getByText(`Showing ${firstCount.toLocaleString('en-US')} of ${total} loaded errors`),
  ).toBeVisible()
  await page.getByLabel('Error type').selectOption('')
  await page.getByLabel('Search').fill('not-an-email-999')
  await expect(page.getByText(`Showing 1 of ${total} loaded errors`)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Row errors list' })).toContainText(
    'not-an-email-999',
  )

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download errors as CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`import-${id}-errors.csv`)
  const text = await readFile((await file.path()) ?? '', 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  const [header, ...records] = parsed.data
  expect(header?.slice(0, 8)).toEqual([
    'Line',
    'Line of',
    'Column',
    'Error type',
    'Error code',
    'Message',
    'Invalid value',
    'HubSpot line',
  ])
  expect(header?.slice(8)).toEqual(['Email', 'First name', 'Lifecycle stage'])
  expect(records).toHaveLength(reference.length)
  const exportedLines = records.map((record) => Number(record[0])).sort((a, b) => a - b)
  expect(exportedLines).toEqual(
    reference.map((error) => error.sourceData.lineNumber).sort((a, b) => a - b),
  )
  // one assertion over every cell (13,500 separate ones crawl on a busy machine with tracing on)
  expect(parsed.data.flat().filter((cell) => /^[=+\-@\t\r\n]/.test(cell))).toEqual([])

  // every page the browser asked for carried the row data and messages
  const errorCalls = (await simulator.requests()).filter(
    (request) => request.path === `/crm/v3/imports/${id}/errors`,
  )
  expect(errorCalls.length).toBeGreaterThanOrEqual(Math.ceil(reference.length / 100))
  for (const call of errorCalls) {
    expect(call).toMatchObject({ query: { includeRowData: 'true', includeErrorMessage: 'true' } })
  }
  expect(records.some((record) => record.includes(`'=HYPERLINK("x1")`))).toBe(true)
})

test('fix and re-import of the failed rows leaves every original row stored exactly once', async ({
  page,
  simulator,
  wizard,
}) => {
  const rows = [
    ['Email', 'First name', 'Lifecycle stage'],
    ['ann@example.com', 'Ann', 'lead'],
    ['bob@example.com', 'Bob', 'no-such-stage'],
    ['cy@example', 'Cy', 'lead'],
    ['dee@example.com', 'Dee', 'customer'],
  ]
  const id = await simulator.startImport('To fix', CONTACT_PROPERTIES, rows)
  await waitForState(simulator, id, 'DONE')
  expect((await simulatorErrors(simulator, id)).length).toBeGreaterThan(0)

  await page.goto(`/imports/${id}`)
  await page.getByRole('link', { name: 'Fix and re-import failed rows' }).click()
  await expect(page).toHaveURL(new RegExp(`/new\\?reimport=${id}$`))
  await expect(
    page.getByRole('heading', { name: `Fix and re-import (import ${id})` }),
  ).toBeVisible()

  // the wizard opens at its check step with only the failed rows; fix them in its grid
  await expect(wizard.heading('check')).toBeVisible({ timeout: 20_000 })
  const stage = page.getByLabel(/^Value for Lifecycle stage on line \d+$/)
  await expect(stage).toHaveValue('no-such-stage')
  await stage.fill('lead')
  await stage.press('Enter')
  const email = page.getByLabel(/^Value for Email on line \d+$/)
  await expect(email).toHaveValue('cy@example')
  await email.fill('cy@example.com')
  await email.press('Enter')
  // the check runs again once the fixes settle; Next waits for it
  await expect(wizard.scanStatus(/no problems found/)).toBeVisible()
  await wizard.next()
  await wizard.startImportButton.click()

  await expect(page).toHaveURL(/\/imports\/\d+$/, { timeout: 30_000 })
  const newId = /\/imports\/(\d+)$/.exec(page.url())?.[1] ?? ''
  const state = page.getByRole('status', { name: 'Import state' })
  await expect(state).toContainText('Done', { timeout: 30_000 })
  await expect(page.getByRole('link', { name: `import ${id}` })).toBeVisible()

  const stored = await simulator.objects('contacts', ['email', 'firstname', 'lifecyclestage'])
  const emails = stored.map((record) => record.properties.email).sort()
  expect(emails).toEqual([
    'ann@example.com',
    'bob@example.com',
    'cy@example.com',
    'dee@example.com',
  ])
  expect(
    stored.find((record) => record.properties.email === 'bob@example.com')?.properties
      .lifecyclestage,
  ).toBe('lead')

  await page.goto(`/imports/${id}`)
  await expect(page.getByRole('link', { name: `import ${newId}` })).toBeVisible()
})

test('the imports list pages forward and back with HubSpot cursors', async ({
  page,
  simulator,
}) => {
  await simulator.configure({ paused: true })
  for (let n = 1; n <= 22; n++)
    await simulator.startImport(
      `Paged ${String(n).padStart(2, '0')}`,
      CONTACT_PROPERTIES,
      contactRows(1, `p${n}-`),
    )
  await page.goto('/')
  // newest first: page 1 holds 22…3, page 2 holds 2 and 1
  await expect(page.getByRole('link', { name: 'Paged 22' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Paged 02' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled()

  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('link', { name: 'Paged 02' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Paged 22' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()

  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(page.getByRole('link', { name: 'Paged 22' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'New import' }).first()).toBeVisible()
})

test('an import started in this browser announces that it finished', async ({
  page,
  simulator,
}) => {
  await simulator.configure({ holdProcessing: true })
  const id = await simulator.startImport('Mine', CONTACT_PROPERTIES, contactRows(2, 'mine-'))
  await page.goto('/')
  await page.evaluate((importId) => {
    localStorage.setItem('started-imports', JSON.stringify([{ id: importId, notified: false }]))
  }, id)
  await page.goto(`/imports/${id}`)
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Importing')

  await simulator.configure({ holdProcessing: false })
  const notice = page.getByRole('status').filter({ hasText: 'Import “Mine” has finished.' })
  await expect(notice).toBeVisible()
  await expect(page).toHaveTitle(/^✓ Import “Mine” has finished\./)

  // announced once: a reload shows the state but no second notice
  await page.reload()
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done')
  await expect(notice).toHaveCount(0)
})
