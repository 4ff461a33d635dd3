import { expect, test } from './fixtures.ts'

const text = [
  'Email,First Name,Company name,Company domain',
  'ada@analytical.example,Ada,Analytical Engines,analytical.example',
  'grace@cobol.example,Grace,Cobol Works,cobol.example',
  '',
].join('\n')

test('one file with contacts and their companies imports both objects', async ({
  page,
  simulator,
}) => {
  await page.goto('/new')
  await page.getByLabel('Choose a CSV file').setInputFiles({
    name: 'people-and-companies.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  })
  await page.getByRole('button', { name: 'Next' }).click()

  await page.getByRole('radio', { name: /One file with two objects/ }).check()
  await expect(page.getByLabel('First object')).toHaveValue('0-1')
  await expect(page.getByLabel('Second object')).toHaveValue('0-2')
  await expect(page.getByText(/HubSpot's default association/)).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(page.getByLabel('HubSpot property for column Email')).toHaveValue('0-1/email')
  await expect(page.getByLabel('HubSpot property for column Company name')).toHaveValue('0-2/name')
  // the closed select says which object the property belongs to, not only the optgroup
  await expect(
    page.getByLabel('HubSpot property for column Company name').locator('option:checked'),
  ).toHaveText('Company name — Companies')
  await expect(
    page.getByLabel('HubSpot property for column Email').locator('option:checked'),
  ).toHaveText('Email — Contacts')
  await expect(page.getByLabel('HubSpot property for column Company domain')).toHaveValue(
    '0-2/domain',
  )
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByLabel('Operation for Contacts')).toHaveValue('UPSERT')
  await expect(page.getByLabel('Operation for Companies')).toHaveValue('UPSERT')
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('status').filter({ hasText: /no problems/ })).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Start import' }).click()
  await expect(page).toHaveURL(/\/imports\/\d+$/)

  await expect
    .poll(async () =>
      (await simulator.objects('companies', ['name', 'domain']))
        .map((c) => c.properties.domain)
        .sort(),
    )
    .toEqual(['analytical.example', 'cobol.example'])
  expect((await simulator.objects('contacts', ['email'])).length).toBe(2)
})
