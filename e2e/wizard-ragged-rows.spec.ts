// Rows with the wrong number of cells: shown with every cell, and excluded before the import
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

const text = [
  'Email,First Name,Last Name',
  'ada@x.example,Ada,Lovelace',
  'grace@x.example,Grace',
  'alan@x.example,Alan,Turing,Bletchley',
  'edsger@x.example,Edsger,Dijkstra',
  'barbara@x.example,Barbara,Liskov,MIT,extra',
  '',
].join('\n')

test('rows with the wrong number of cells are shown and must be excluded before importing', async ({
  page,
  wizard,
}) => {
  await wizard.start(csvFile('ragged.csv', text))
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.continueTo('check')

  await expect(
    page.getByRole('heading', { name: 'Rows with the wrong number of cells' }),
  ).toBeVisible()
  await expect(page.getByText(/3 rows have more or fewer cells than the header/)).toBeVisible()
  await expect(page.getByText(/HubSpot rejects such a row/)).toBeVisible()
  const table = page.getByRole('table', { name: /These rows, with every cell/ })
  // each row with its line and every cell, extra ones under their own headers
  await expect(table.getByRole('rowheader', { name: /Line 3/ })).toContainText('2 of 3 cells')
  await expect(table.getByRole('row', { name: /Line 3/ })).toContainText('(missing)')
  await expect(table.getByRole('columnheader', { name: 'Extra cell 2' })).toBeVisible()
  await expect(table.getByRole('row', { name: /Line 6/ })).toContainText('extra')

  const next = wizard.nextButton
  await expect(next).toBeDisabled()
  await expect(next).toHaveAccessibleDescription(
    /exclude the 3 rows with the wrong number of cells/,
  )

  // one by one…
  await wizard.excludeLine(3).check()
  await expect(next).toHaveAccessibleDescription(/exclude the 2 rows/)
  await expect(next).toBeDisabled()
  // …or all at once
  await page
    .getByRole('button', { name: 'Exclude all 2 rows with the wrong number of cells' })
    .click()
  await expect(wizard.excludeLine(4)).toBeChecked()
  await expect(wizard.excludeLine(6)).toBeChecked()
  await expect(wizard.scanStatus(/3 rows excluded/)).toBeVisible()
  await expect(next).toBeEnabled()

  // bringing one back blocks again at once, before the next check runs
  await wizard.excludeLine(4).uncheck()
  await expect(next).toBeDisabled()
  await wizard.excludeLine(4).check()
  await expect(next).toBeEnabled()

  // the expected result reads one object per column, one line per header
  const expected = page.getByRole('table', { name: 'Expected result' })
  await expect(expected.getByRole('columnheader', { name: 'Contacts' })).toBeVisible()
  // create and update matched by email: HubSpot decides per row, so only that outcome is listed
  await expect(
    expected.getByRole('row', { name: 'Create or update (HubSpot matches) 2' }),
  ).toBeVisible()
  await expect(expected.getByRole('row', { name: /To create|To update/ })).toHaveCount(0)
  for (const header of await expected.getByRole('rowheader').all()) {
    const box = await header.boundingBox()
    expect(box?.height ?? 0).toBeLessThan(40)
  }

  await wizard.next()
  await expect(wizard.startImportButton).toBeVisible()
})
