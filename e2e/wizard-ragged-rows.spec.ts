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
}) => {
  await page.goto('/new')
  await page.getByLabel('Choose a CSV file').setInputFiles({
    name: 'ragged.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  })
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('radio', { name: 'Contacts', exact: true }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()

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

  const next = page.getByRole('button', { name: 'Next' })
  await expect(next).toBeDisabled()
  await expect(next).toHaveAccessibleDescription(
    /exclude the 3 rows with the wrong number of cells/,
  )

  // one by one…
  await page.getByLabel('Exclude line 3').check()
  await expect(next).toHaveAccessibleDescription(/exclude the 2 rows/)
  await expect(next).toBeDisabled()
  // …or all at once
  await page
    .getByRole('button', { name: 'Exclude all 2 rows with the wrong number of cells' })
    .click()
  await expect(page.getByLabel('Exclude line 4')).toBeChecked()
  await expect(page.getByLabel('Exclude line 6')).toBeChecked()
  await expect(page.getByRole('status').filter({ hasText: /3 rows excluded/ })).toBeVisible()
  await expect(next).toBeEnabled()

  // bringing one back blocks again at once, before the next check runs
  await page.getByLabel('Exclude line 4').uncheck()
  await expect(next).toBeDisabled()
  await page.getByLabel('Exclude line 4').check()
  await expect(next).toBeEnabled()

  // the expected result reads one object per column, one line per header
  const expected = page.getByRole('table', { name: 'Expected result' })
  await expect(expected.getByRole('columnheader', { name: 'Contacts' })).toBeVisible()
  await expect(expected.getByRole('row', { name: /To create/ })).toBeVisible()
  for (const header of await expected.getByRole('rowheader').all()) {
    const box = await header.boundingBox()
    expect(box?.height ?? 0).toBeLessThan(40)
  }

  await next.click()
  await expect(page.getByRole('button', { name: 'Start import' })).toBeVisible()
})
