// Choosing another file mid-wizard: what depended on the first file goes, the object choice stays
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

test('choosing another file mid-wizard starts over from the file, keeping the objects', async ({
  page,
  wizard,
}) => {
  await wizard.start(csvFile('first.csv', 'Email,First Name\nada@x.example,Ada\n'))
  await wizard.next()
  await page.getByRole('radio', { name: 'Contacts', exact: true }).check()
  await wizard.continueTo('options')
  await expect(wizard.importName).toHaveValue(/first/)
  await expect(wizard.stepButton(/Options/)).toBeEnabled()

  await wizard.stepButton(/Choose file/).click()
  await wizard.fileInput.setInputFiles(
    csvFile('second.csv', 'E-mail,Given name,City\ngrace@x.example,Grace,Arlington\n'),
  )
  await expect(wizard.preview).toContainText('Grace')

  // what depended on the first file is gone: mapping, options and later steps
  await expect(wizard.stepButton(/Options/)).toBeDisabled()
  await expect(wizard.stepButton(/Check/)).toBeDisabled()
  await expect(wizard.stepButton(/Import/)).toBeDisabled()
  await wizard.next()
  // the object choice is kept
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await wizard.next()
  await expect(wizard.mappingFor('City')).toBeVisible()
  await expect(wizard.mappingFor('First Name')).toHaveCount(0)
  await wizard.next()
  await expect(wizard.importName).toHaveValue(/second/)
})
