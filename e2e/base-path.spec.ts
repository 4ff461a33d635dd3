// The tool under a sub-path of a reverse proxy (BASE_PATH): the wizard's first steps and the dashboard
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test, type ExtraProxy } from './fixtures.ts'

const BASE = '/tools/import'

let proxy: ExtraProxy
let app = ''

test.beforeAll(async ({ startProxyWith }) => {
  proxy = await startProxyWith({ BASE_PATH: BASE })
  app = `${proxy.url}${BASE}`
})
test.afterAll(async () => {
  await proxy.close()
})

test('the wizard reads a file in its worker and loads the properties under the base path', async ({
  page,
  wizard,
}) => {
  const outside: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === proxy.url && !url.pathname.startsWith(`${BASE}/`)) outside.push(url.pathname)
  })
  await page.goto(`${app}/new`)
  await wizard.fileInput.setInputFiles(
    csvFile('based.csv', 'Email,First Name\nada@x.example,Ada\n'),
  )
  await expect(wizard.preview).toContainText('Ada')
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')
  expect(new URL(page.url()).pathname).toBe(`${BASE}/new`)
  expect(outside).toEqual([])
})

test('the dashboard lists imports, links under the base path and survives a reload', async ({
  page,
  simulator,
}) => {
  const id = await simulator.startImport(
    'Under a sub-path',
    ['email'],
    [['Email'], ['a@x.example']],
  )
  await page.goto(`${app}/`)
  await page.getByRole('link', { name: 'Under a sub-path' }).click()
  await expect(page).toHaveURL(`${app}/imports/${id}`)
  await expect(page.getByRole('heading', { name: 'Under a sub-path' })).toBeVisible()

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Under a sub-path' })).toBeVisible()
  await page.getByRole('link', { name: '← All imports' }).click()
  await expect(page).toHaveURL(`${app}/`)
  await expect(page.getByRole('link', { name: 'Under a sub-path' })).toBeVisible()
})
