// The wizard's edges in the browser: a file that is not text, two files dropped at once, a step the stepper must not skip
import { csvFile } from './pages/import-wizard-page.ts'
import { expectAccessible } from './accessibility.ts'
import { expect, test } from './fixtures.ts'

const PNG_HEAD = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]

test('an image renamed .csv shows only the message: no preview, no read settings, no later step', async ({
  page,
  wizard,
}) => {
  await wizard.open()
  await wizard.fileInput.setInputFiles({
    name: 'logo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([...PNG_HEAD, ...Array.from({ length: 64 }, (_, i) => i)]),
  })
  await expect(page.getByRole('alert')).toContainText('binary data')
  await expect(wizard.nextButton).toBeDisabled()
  await expect(page.getByRole('region', { name: 'File preview' })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'How the file is read' })).toHaveCount(0)
  await expect(page.getByText(/Detected:/)).toHaveCount(0)
  for (const later of [/Choose objects/, /Map columns/, /Options/, /Check/]) {
    await expect(wizard.stepButton(later)).toBeDisabled()
  }
  await expectAccessible(page, 'the file step with a file that is not text')
})

test('two files dropped at once: the note says which one was read and where the other can go', async ({
  page,
  wizard,
}) => {
  await wizard.open()
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['Email\r\na@example.com\r\n'], 'first.csv', { type: 'text/csv' }))
    transfer.items.add(new File(['Name\r\nAcme\r\n'], 'second.csv', { type: 'text/csv' }))
    return transfer
  })
  await wizard.fileInput.dispatchEvent('drop', { dataTransfer })
  await expect(wizard.preview).toContainText('a@example.com')
  await expect(page.getByRole('status').filter({ hasText: /2 files were dropped/ })).toHaveText(
    '2 files were dropped; one file is read at a time, so "first.csv" was used. To import another file with it, choose "Add a second file" below.',
  )
  await expect(page.getByRole('button', { name: 'Add a second file' })).toBeVisible()
})

test('the stepper does not skip past a mapping that became invalid', async ({ page, wizard }) => {
  await wizard.start(
    csvFile('people.csv', 'Email,First Name\r\nann@example.com,Ann\r\nben@example.com,Ben\r\n'),
  )
  await wizard.continueTo('options')
  await expect(wizard.stepButton(/Options/)).toBeEnabled()

  // back to the mapping, where the only identifier is taken away: Next is blocked, and so is the stepper
  await wizard.stepButton(/Map columns/).click()
  await expect(wizard.heading('mapping')).toBeVisible()
  await wizard.mappingFor('Email').selectOption({ label: "Don't import" })
  await expect(page.getByText(/Fix the mapping to continue/)).toBeVisible()
  await expect(wizard.nextButton).toBeDisabled()
  await expect(wizard.stepButton(/Options/)).toBeDisabled()
  await expect(wizard.stepButton(/Check/)).toBeDisabled()

  // mapped again, the way forward opens again
  await wizard.mappingFor('Email').selectOption('0-1/email')
  await expect(wizard.stepButton(/Options/)).toBeEnabled()
  await wizard.stepButton(/Options/).click()
  await expect(wizard.heading('options')).toBeVisible()
})
