// A reload on the second file's turn of a two-file import restores both files, mappings and the common column
import { companiesCsv, contactsCsv } from './data/two-files.ts'
import { expect, test } from './fixtures.ts'

test('a reload after the second file is mapped loses neither file, its mapping nor the common column', async ({
  page,
  wizard,
}) => {
  await wizard.start(contactsCsv())
  await wizard.addSecondFile(companiesCsv(), 'Nowhere Inc')
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await wizard.mappingFor('First Name').selectOption({ label: "Don't import" })
  await wizard.nextButton.click()
  await expect(wizard.secondMappingHeading('companies.csv')).toBeVisible()
  await expect(wizard.commonValuesIn('companies.csv')).toHaveValue('2')
  await wizard.mappingFor('Company domain').selectOption({ label: "Don't import" })
  // a common column other than the one guessed (First Name is not imported: the wizard says so)
  await wizard.commonColumn('contacts.csv').selectOption('First Name')
  await expect(
    page.getByText(/Map "First Name" of contacts\.csv to the contact property/),
  ).toBeVisible()
  await wizard.waitForSavedDraft(
    (state) =>
      state.secondPart === true &&
      state.second?.common?.first === 1 &&
      JSON.stringify(state.second?.mapping).includes(
        '"columnName":"Company domain","objectTypeId":null,"propertyName":null',
      ),
  )
  await page.reload()

  await expect(page.getByText('Restored your import in progress')).toBeVisible()
  await expect(wizard.secondMappingHeading('companies.csv')).toBeVisible()
  await expect(wizard.secondFileObject('companies.csv')).toHaveValue('0-2')
  await expect(wizard.commonColumn('contacts.csv')).toHaveValue('1')
  await expect(wizard.commonValuesIn('companies.csv')).toHaveValue('2')
  await expect(
    page.getByText(/Map "First Name" of contacts\.csv to the contact property/),
  ).toBeVisible()
  await expect(wizard.mappingFor('Company name')).toHaveValue('0-2/name')
  await expect(wizard.mappingFor('Company domain')).toHaveValue('')
  await wizard.commonColumn('contacts.csv').selectOption('Email')

  // both files' bytes came back: the first file's check and the cross-file check read every row
  await wizard.nextButton.click()
  await expect(wizard.heading('options')).toBeVisible()
  await wizard.next()
  await expect(wizard.scanStatus(/Checked 2 rows/)).toBeVisible()
  await wizard.nextButton.click()
  await expect(wizard.secondCheckHeading('companies.csv')).toBeVisible()
  await expect(wizard.unmatchedList.getByRole('listitem')).toHaveText([
    'Line 4: zed@nowhere.example',
  ])
  // and the first file's mapping: First Name stays out of the request
  await wizard.nextButton.click()
  await expect(wizard.heading('submit')).toBeVisible()
  await page.getByText('Import request that will be sent').click()
  const request = (await page.locator('.request-json pre').textContent()) ?? ''
  expect(request).toContain('"companies.csv"')
  expect(request).not.toContain('"firstname"')
})
