// The two-file flow by keyboard alone, focus moved to each new step, and axe clean on the second file's screens
import { expectAccessible } from './accessibility.ts'
import { companiesCsv, contactsCsv } from './data/two-files.ts'
import { expect, test } from './fixtures.ts'
import { expectFocusVisible } from './pages/import-wizard-page.ts'

test('two files, one import, by keyboard alone; each second-file screen passes axe', async ({
  page,
  simulator,
  wizard,
}) => {
  // axe runs four times, after a whole import by keyboard: on a busy two-core machine, with
  // another worker's browser beside it, that takes more than the default minute
  test.slow()
  const { keyboard } = page
  await wizard.start(contactsCsv())

  // the file chooser itself is the browser's dialog; the button that opens its input is ours
  const addSecond = page.getByRole('button', { name: 'Add a second file' })
  await wizard.tabTo(addSecond)
  await expectFocusVisible(addSecond)
  await keyboard.press('Enter')
  const secondInput = page.getByLabel('Choose the second file')
  await expect(secondInput).toBeFocused()
  await secondInput.setInputFiles(companiesCsv())
  await expect(wizard.preview.nth(1)).toContainText('Nowhere Inc')
  await wizard.nextByKeyboard()

  await expect(wizard.heading('objects')).toBeFocused()
  await wizard.tabTo(page.getByRole('radio', { name: 'Contacts', exact: true }))
  await keyboard.press('Space')
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await wizard.nextByKeyboard()
  await expect(wizard.heading('mapping')).toBeFocused()
  await wizard.nextByKeyboard()

  // the second file's turn: focus starts on its heading
  await expect(wizard.secondMappingHeading('companies.csv')).toBeFocused()
  await expect(wizard.mappingFor('Company name')).toHaveValue('0-2/name')
  await expectAccessible(page, "the second file's mapping step")
  await wizard.tabTo(wizard.secondFileObject('companies.csv'))
  await expectFocusVisible(wizard.secondFileObject('companies.csv'))
  await expect(wizard.secondFileObject('companies.csv')).toHaveValue('0-2')

  // the common column by arrow keys: a column that can't join the files, then Email again
  const common = wizard.commonColumn('contacts.csv')
  await keyboard.press('Tab')
  await expectFocusVisible(common)
  await keyboard.press('ArrowDown')
  await expect(common).toHaveValue('1')
  await expect(page.getByText(/"First Name" can't be the common column/)).toBeVisible()
  await expectAccessible(page, 'the common column choice, with its problem')
  await keyboard.press('ArrowUp')
  await expect(common).toHaveValue('0')
  await expect(page.getByText(/contacts\.csv owns the common column \(Email\)/)).toBeVisible()
  await keyboard.press('Tab')
  await expectFocusVisible(wizard.commonValuesIn('companies.csv'))
  await expect(wizard.commonValuesIn('companies.csv')).toHaveValue('2')
  await wizard.nextByKeyboard()

  await expect(wizard.heading('options')).toBeFocused()
  await wizard.nextByKeyboard()
  await expect(wizard.heading('check')).toBeFocused()
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.nextByKeyboard()

  // the cross-file check
  await expect(wizard.secondCheckHeading('companies.csv')).toBeFocused()
  await expect(wizard.unmatchedList.getByRole('listitem')).toHaveText([
    'Line 4: zed@nowhere.example',
  ])
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await expectAccessible(page, 'the cross-file check with its unmatched values')
  await wizard.nextByKeyboard()

  await expect(wizard.heading('submit')).toBeFocused()
  await expect(page.getByText(/companies\.csv/).first()).toBeVisible()
  await expectAccessible(page, 'the two-file submit step')
  await wizard.tabTo(wizard.startImportButton)
  await expectFocusVisible(wizard.startImportButton)
  await keyboard.press('Enter')
  await expect(page).toHaveURL(/\/imports\/\d+$/)

  await expect.poll(async () => (await simulator.objects('companies', ['domain'])).length).toBe(3)
  const contacts = await simulator.objects('contacts', ['email'], ['companies'])
  expect(contacts.map((c) => c.associations?.companies?.results.length)).toEqual([1, 1])
})
