// One file with contacts and their companies: both objects imported and associated
import { csvFile } from './pages/import-wizard-page.ts'
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
  wizard,
}) => {
  await wizard.start(csvFile('people-and-companies.csv', text))
  await wizard.next()

  await wizard.chooseObject(/One file with two objects/)
  await expect(page.getByLabel('First object')).toHaveValue('0-1')
  await expect(page.getByLabel('Second object')).toHaveValue('0-2')
  await expect(page.getByText(/HubSpot's default association/)).toBeVisible()
  await wizard.next()

  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')
  await expect(wizard.mappingFor('Company name')).toHaveValue('0-2/name')
  // the closed select says which object the property belongs to, not only the optgroup
  await expect(wizard.mappingFor('Company name').locator('option:checked')).toHaveText(
    'Company name — Companies',
  )
  await expect(wizard.mappingFor('Email').locator('option:checked')).toHaveText('Email — Contacts')
  await expect(wizard.mappingFor('Company domain')).toHaveValue('0-2/domain')
  await wizard.next()
  await expect(page.getByLabel('Operation for Contacts')).toHaveValue('UPSERT')
  await expect(page.getByLabel('Operation for Companies')).toHaveValue('UPSERT')
  await wizard.next()
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.next()
  await wizard.startImport()

  await expect
    .poll(async () =>
      (await simulator.objects('companies', ['name', 'domain']))
        .map((c) => c.properties.domain)
        .sort(),
    )
    .toEqual(['analytical.example', 'cobol.example'])
  expect((await simulator.objects('contacts', ['email'])).length).toBe(2)
})
