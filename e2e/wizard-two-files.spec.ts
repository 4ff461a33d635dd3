// Two files, one import: contacts and companies joined on the contact's email, associated once each
import { sheetBytes } from '../src/shared/spreadsheet/test-workbooks.ts'
import { csvFile } from './pages/import-wizard-page.ts'
import { CONTACTS, COMPANIES } from './data/two-files.ts'
import { expect, test, type SimulatorControl } from './fixtures.ts'

type StoredRecord = Awaited<ReturnType<SimulatorControl['objects']>>[number]

/** each contact's email → the ids of the companies it is associated with */
function companyIdsByEmail(contacts: StoredRecord[]): Record<string, string[]> {
  return Object.fromEntries(
    contacts.map((c) => [
      c.properties.email,
      (c.associations?.companies?.results ?? []).map((r) => r.id),
    ]),
  )
}

test('a contacts file and a companies file sharing an email column import as one import', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(csvFile('contacts.csv', CONTACTS))
  await page.getByRole('button', { name: 'Add a second file' }).click()
  await page.getByLabel('Choose the second file').setInputFiles(csvFile('companies.csv', COMPANIES))
  await expect(page.getByRole('table', { name: /Preview/ }).nth(1)).toContainText('Nowhere Inc')
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await expect(wizard.mappingFor('Email')).toHaveValue('0-1/email')
  await wizard.nextButton.click()

  // the second file's turn: its object, the common column, its columns
  await expect(
    page.getByRole('heading', { name: 'Map the second file: companies.csv' }),
  ).toBeVisible()
  await expect(page.getByLabel('Object in companies.csv')).toHaveValue('0-2')
  await expect(page.getByLabel('Common column in contacts.csv')).toHaveValue('0')
  await expect(page.getByLabel('Same values in companies.csv')).toHaveValue('2')
  await expect(page.getByText(/contacts\.csv owns the common column \(Email\)/)).toBeVisible()
  await expect(wizard.mappingFor('Company name')).toHaveValue('0-2/name')
  await expect(wizard.mappingFor('Company domain')).toHaveValue('0-2/domain')

  // a column that is not an identifier can't join the files, and the wizard says why
  await page.getByLabel('Common column in contacts.csv').selectOption('First Name')
  await expect(page.getByText(/"First Name" can't be the common column/)).toBeVisible()
  await page.getByLabel('Common column in contacts.csv').selectOption('Email')
  await wizard.nextButton.click()

  await expect(wizard.heading('options')).toBeVisible()
  await expect(page.getByLabel('Operation for Contacts')).toHaveValue('UPSERT')
  await expect(page.getByLabel('Operation for Companies')).toHaveValue('UPSERT')
  await wizard.next()
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.nextButton.click()

  // the cross-file check lists the company whose contact email matches no contact
  await expect(
    page.getByRole('heading', { name: 'Check the second file: companies.csv' }),
  ).toBeVisible()
  const unmatched = page.getByRole('list', { name: 'Common values with no match' })
  await expect(unmatched.getByRole('listitem')).toHaveText(['Line 4: zed@nowhere.example'])
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.nextButton.click()

  await expect(wizard.heading('submit')).toBeVisible()
  await page.getByText('Import request that will be sent').click()
  const request = JSON.parse((await page.locator('.request-json pre').textContent()) ?? '{}') as {
    files: { fileName: string; fileImportPage: { columnMappings: unknown[] } }[]
  }
  expect(request.files.map((f) => f.fileName)).toEqual(['contacts.csv', 'companies.csv'])
  expect(request.files[0]!.fileImportPage.columnMappings[0]).toMatchObject({
    columnName: 'Email',
    propertyName: 'email',
    associationIdentifierColumn: true,
  })
  expect(request.files[1]!.fileImportPage.columnMappings[2]).toEqual({
    columnObjectTypeId: '0-2',
    columnName: 'Contact email',
    toColumnObjectTypeId: '0-1',
    propertyName: null,
    foreignKeyType: { associationTypeId: 280, associationCategory: 'HUBSPOT_DEFINED' },
  })
  await wizard.startImport()

  // both objects once each, and each association once
  await expect.poll(async () => (await simulator.objects('companies', ['domain'])).length).toBe(3)
  const contacts = await simulator.objects('contacts', ['email'], ['companies'])
  const companies = await simulator.objects('companies', ['domain'], ['contacts'])
  expect(contacts.map((c) => c.properties.email).sort()).toEqual([
    'ada@analytical.example',
    'grace@cobol.example',
  ])
  const companyIdOf = Object.fromEntries(companies.map((c) => [c.properties.domain, c.id]))
  const linked = companyIdsByEmail(contacts)
  expect(linked).toEqual({
    'ada@analytical.example': [companyIdOf['analytical.example']],
    'grace@cobol.example': [companyIdOf['cobol.example']],
  })
  const nowhere = companies.find((c) => c.properties.domain === 'nowhere.example')
  expect(nowhere?.associations).toBeUndefined()
})

test('the second file may be an Excel workbook: it goes as it is, next to the CSV', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(csvFile('contacts.csv', CONTACTS))
  await page.getByRole('button', { name: 'Add a second file' }).click()
  await page.getByLabel('Choose the second file').setInputFiles({
    name: 'companies.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(
      await sheetBytes([
        ['Company name', 'Company domain', 'Contact email'],
        ['Analytical Engines', 'analytical.example', 'ada@analytical.example'],
        ['Cobol Works', 'cobol.example', 'grace@cobol.example'],
      ]),
    ),
  })
  await expect(page.getByRole('table', { name: /Preview/ }).nth(1)).toContainText('Cobol Works')
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await wizard.nextButton.click()
  await expect(page.getByText(/contacts\.csv owns the common column \(Email\)/)).toBeVisible()
  await wizard.nextButton.click()
  await wizard.next()
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.nextButton.click()
  await expect(page.getByRole('list', { name: 'Common values with no match' })).toHaveCount(0)
  await expect(
    page.getByText(/Every common value of companies\.xlsx \(2 rows\) matches/),
  ).toBeVisible()
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.nextButton.click()
  await expect(
    page.getByText(/companies\.xlsx \(Companies.*sent as it is, the Excel workbook/),
  ).toBeVisible()
  await wizard.startImport()

  await expect.poll(async () => (await simulator.objects('companies', ['domain'])).length).toBe(2)
  const contacts = await simulator.objects('contacts', ['email'], ['companies'])
  expect(contacts.map((c) => c.associations?.companies?.results.length)).toEqual([1, 1])
})

test('fix and re-import of a two-file import keeps the join: fixed rows are associated once, with the records already imported', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(
    csvFile(
      'contacts.csv',
      [
        'Email,First Name,Annual Revenue',
        'ada@analytical.example,Ada,1000',
        'bob@builder.example,Bob,lots',
        '',
      ].join('\r\n'),
    ),
  )
  await page.getByRole('button', { name: 'Add a second file' }).click()
  await page
    .getByLabel('Choose the second file')
    .setInputFiles(
      csvFile(
        'companies.csv',
        [
          'Company name,Company domain,Contact email',
          'Analytical Engines,not a domain,ada@analytical.example',
          'Builders,builder.example,bob@builder.example',
          '',
        ].join('\r\n'),
      ),
    )
  await expect(page.getByRole('table', { name: /Preview/ }).nth(1)).toContainText('Builders')
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await wizard.mappingFor('Annual Revenue').selectOption('0-1/annualrevenue')
  await wizard.nextButton.click()
  await expect(page.getByText(/contacts\.csv owns the common column \(Email\)/)).toBeVisible()
  await wizard.nextButton.click()
  await wizard.next()
  // both problems are sent as they are: HubSpot reports them
  await expect(wizard.scanStatus(/1 row/)).toBeVisible()
  await wizard.nextButton.click()
  await expect(
    page.getByRole('heading', { name: 'Check the second file: companies.csv' }),
  ).toBeVisible()
  await expect(wizard.scanStatus(/1 row/)).toBeVisible()
  await wizard.nextButton.click()
  const importId = await wizard.startImport()
  await expect
    .poll(async () => (await simulator.imports()).find((i) => i.id === importId)?.state)
    .toBe('DONE')
  // the company with a bad domain was not written, so it is not associated with Ada
  expect((await simulator.objects('companies', ['domain'])).length).toBe(1)

  await wizard.open(`/new?reimport=${importId}`)
  await expect(wizard.heading('check')).toBeVisible()
  await expect(
    page.getByText(/1 row of contacts\.csv holds only the common column \(Email\)/),
  ).toBeVisible()
  // the contacts file: Bob's failed row, then Ada's email alone, for the company's join
  await wizard.cell('Annual Revenue', 2).fill('2000')
  await expect(wizard.cell('Annual Revenue', 2)).not.toHaveAttribute('aria-invalid', 'true')
  await wizard.nextButton.click()
  await expect(
    page.getByRole('heading', { name: 'Check the second file: companies-failed-rows.csv' }),
  ).toBeVisible()
  await expect(page.getByRole('list', { name: 'Common values with no match' })).toHaveCount(0)
  await wizard.cell('Company domain', 2).fill('analytical.example')
  await expect(wizard.cell('Company domain', 2)).not.toHaveAttribute('aria-invalid', 'true')
  await wizard.nextButton.click()
  await expect(wizard.heading('submit')).toBeVisible()
  const reimportId = await wizard.startImport()
  await expect
    .poll(async () => (await simulator.imports()).find((i) => i.id === reimportId)?.state)
    .toBe('DONE')

  const contacts = await simulator.objects('contacts', ['email', 'annualrevenue'], ['companies'])
  const companies = await simulator.objects('companies', ['domain'], ['contacts'])
  expect(contacts.map((c) => [c.properties.email, c.properties.annualrevenue]).sort()).toEqual([
    ['ada@analytical.example', '1000'],
    ['bob@builder.example', '2000'],
  ])
  const companyIdOf = Object.fromEntries(companies.map((c) => [c.properties.domain, c.id]))
  expect(Object.keys(companyIdOf).sort()).toEqual(['analytical.example', 'builder.example'])
  const linked = companyIdsByEmail(contacts)
  expect(linked).toEqual({
    'ada@analytical.example': [companyIdOf['analytical.example']],
    'bob@builder.example': [companyIdOf['builder.example']],
  })
  expect(companies.map((c) => c.associations?.contacts?.results.length)).toEqual([1, 1])
})
