// The whole wizard by keyboard alone: Tab, arrows, Enter and Space, as a keyboard user works
import path from 'node:path'
import { expect, test } from './fixtures.ts'

const messyContacts = path.join(import.meta.dirname, 'data', 'messy-contacts.csv')

test('the whole wizard works by keyboard alone', async ({ page, simulator, wizard }) => {
  const next = () => wizard.nextByKeyboard()
  // the file chooser itself is the browser's dialog
  await wizard.start(messyContacts)

  await next()

  // objects: arrow keys move between radios
  const companies = page.getByRole('radio', { name: 'Companies', exact: true })
  await wizard.tabTo(page.getByRole('radio', { name: 'Contacts', exact: true }))
  await page.keyboard.press('ArrowDown')
  await expect(companies).toBeChecked()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await next()

  // mapping: change a column with the arrow keys, then continue
  const firstName = wizard.mappingFor('First Name')
  await expect(firstName).toHaveValue('0-1/firstname')
  await wizard.tabTo(firstName)
  await page.keyboard.press('Home')
  await expect(firstName).toHaveValue('')
  await next()

  const name = wizard.importName
  await wizard.tabTo(name)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('Keyboard import')
  await next()

  // check: fix a cell, apply a fix to all, exclude a row
  const bobEmail = wizard.cell('Email', 3)
  await wizard.tabTo(bobEmail)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('bob@example.com')
  await page.keyboard.press('Enter')
  await expect(bobEmail).not.toHaveAttribute('aria-invalid', 'true')

  await wizard.tabTo(wizard.cell('Lifecycle Stage', 3))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('customer')
  await wizard.tabTo(page.getByRole('button', { name: /Apply to all equal values: "Customers"/ }))
  await page.keyboard.press('Enter')
  await expect(wizard.cell('Lifecycle Stage', 5)).toHaveValue('customer')

  await wizard.tabTo(wizard.excludeLine(5))
  await page.keyboard.press('Space')
  await expect(wizard.excludeLine(5)).toBeChecked()
  await expect(wizard.scanStatus(/1 row excluded/)).toBeVisible()
  await next()

  await wizard.tabTo(wizard.startImportButton)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/imports\/\d+$/)

  await expect
    .poll(async () => (await simulator.objects('contacts', ['email', 'firstname'])).length)
    .toBe(4)
  const contacts = await simulator.objects('contacts', ['email', 'firstname'])
  // First Name was set to "Don't import"
  expect(contacts.every((c) => !c.properties.firstname)).toBe(true)
})
