// Excel workbooks in the wizard: cells read by type in the worker, an unchanged workbook uploaded as it is, one sheet of several picked
import {
  dateCell,
  sheetBytes,
  workbookBytes,
  type SheetData,
} from '../src/shared/spreadsheet/test-workbooks.ts'
import { expect, test } from './fixtures.ts'

// far from UTC, where a date read through local time would move a day
test.use({ timezoneId: 'Pacific/Kiritimati' })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const CONTACTS: SheetData = [
  ['Email', 'First Name', 'Date of birth', 'Annual revenue'],
  [
    'zoe@example.com',
    'Zoë',
    dateCell('1990-01-31T00:00:00', 'dd/mm/yyyy'),
    { value: 1234.5, format: '[$$-409]#,##0.00' },
  ],
  [null, null, null, null],
  ['bjorn@example.com', 'Björn Müller', dateCell('2001-02-03T00:00:00', 'mm/dd/yy'), 0.1 + 0.2],
]

const workbookFile = async (name: string, bytes: Promise<Uint8Array>) => ({
  name,
  mimeType: XLSX,
  buffer: Buffer.from(await bytes),
})

test('an .xlsx with a date, a number, accents and an empty row imports the values its cells hold', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(await workbookFile('Kontakte März.xlsx', sheetBytes(CONTACTS, 'Kontakte')))
  // typed cells, not display text: the date as a date, the currency cell as its number
  await expect(wizard.preview.getByRole('row', { name: /zoe@example.com/ })).toContainText(
    '1990-01-31',
  )
  await expect(wizard.preview.getByRole('row', { name: /zoe@example.com/ })).toContainText('1234.5')
  // the empty row is no row: Björn keeps his row number in the sheet
  await expect(wizard.preview.getByRole('rowheader', { name: '4' })).toBeVisible()
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await wizard.mappingFor('Date of birth').selectOption('0-1/date_of_birth')
  await wizard.mappingFor('Annual revenue').selectOption('0-1/annualrevenue')
  await wizard.continueTo('check')
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.next()
  await expect(
    page.getByText(/Kontakte März\.xlsx \(sent as it is, the Excel workbook/),
  ).toBeVisible()
  await page.getByText('Import request that will be sent').click()
  await expect(page.getByText(/"fileFormat": "SPREADSHEET"/)).toBeVisible()
  await wizard.startImport()

  await expect
    .poll(async () =>
      (
        await simulator.objects('contacts', [
          'email',
          'firstname',
          'date_of_birth',
          'annualrevenue',
        ])
      )
        .map(({ properties: p }) => [p.email, p.firstname, p.date_of_birth, p.annualrevenue])
        .sort(),
    )
    .toEqual([
      ['bjorn@example.com', 'Björn Müller', '2001-02-03', '0.3'],
      ['zoe@example.com', 'Zoë', '1990-01-31', '1234.5'],
    ])
})

test('a workbook with two sheets asks which one, and uploads that sheet named after it', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.open()
  await wizard.fileInput.setInputFiles(
    await workbookFile(
      'book.xlsx',
      workbookBytes([
        { name: 'Read me', data: [['Contacts are on the next sheet']] },
        {
          name: 'Contacts',
          data: [
            ['Email', 'First Name'],
            ['ada@x.example', 'Ada'],
          ],
        },
      ]),
    ),
  )
  const sheets = page.getByRole('group', {
    name: 'Which sheet of book.xlsx do you want to import?',
  })
  await expect(sheets.getByRole('radio')).toHaveCount(2)
  await expect(wizard.nextButton).toBeDisabled()
  await sheets.getByRole('radio', { name: 'Contacts' }).check()
  await expect(wizard.preview).toContainText('ada@x.example')
  await expect(page.getByText(/book\.xlsx.*sheet Contacts/)).toBeVisible()
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.continueTo('check')
  await expect(wizard.scanStatus(/no problems/)).toBeVisible()
  await wizard.next()
  await expect(
    page.getByText(/book \(Contacts\)\.csv \(a clean UTF-8 copy of sheet Contacts of book\.xlsx/),
  ).toBeVisible()
  await wizard.startImport()
  await expect
    .poll(async () =>
      (await simulator.objects('contacts', ['firstname'])).map((c) => c.properties.firstname),
    )
    .toEqual(['Ada'])
})

test('an .xls workbook gets a clear message to save it as .xlsx or .csv', async ({
  page,
  wizard,
}) => {
  await wizard.open()
  await wizard.fileInput.setInputFiles({
    name: 'old.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  })
  await expect(page.getByRole('alert')).toContainText(
    '"old.xls" is an Excel 97–2003 workbook (.xls), which cannot be read: save it as an Excel workbook (.xlsx) or as CSV',
  )
  await expect(wizard.preview).toHaveCount(0)
  await expect(wizard.nextButton).toBeDisabled()
})

test('fix and re-import of an Excel import opens the failed rows, by sheet row, with the same mapping', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(
    await workbookFile(
      'team.xlsx',
      sheetBytes([
        ['Email', 'First Name', 'Date of birth'],
        ['zoe@example.com', 'Zoë', dateCell('1990-01-31T00:00:00')],
        [null, null, null],
        ['bob[at]example.com', 'Bob', dateCell('1985-06-15T00:00:00')],
      ]),
    ),
  )
  await wizard.next()
  await wizard.chooseObject('Contacts')
  await wizard.next()
  await wizard.mappingFor('Date of birth').selectOption('0-1/date_of_birth')
  await wizard.continueTo('submit')
  await expect(page.getByText(/team\.xlsx \(sent as it is, the Excel workbook/)).toBeVisible()
  const importId = await wizard.startImport()
  await expect.poll(async () => (await simulator.objects('contacts', ['email'])).length).toBe(1)

  await wizard.open(`/new?reimport=${importId}`)
  await expect(wizard.heading('check')).toBeVisible()
  // Bob is on row 4 of the sheet (an empty row above him), and his email is checked as an email
  await expect(wizard.cell('Email', 4)).toHaveValue('bob[at]example.com')
  await expect(wizard.cell('Email', 4)).toHaveAttribute('aria-invalid', 'true')
  await wizard.cell('Email', 4).fill('bob@example.com')
  await expect(wizard.cell('Email', 4)).not.toHaveAttribute('aria-invalid', 'true')
  await wizard.continueTo('submit')
  await wizard.startImport()
  await expect
    .poll(async () =>
      (await simulator.objects('contacts', ['email', 'date_of_birth']))
        .map((c) => [c.properties.email, c.properties.date_of_birth])
        .sort(),
    )
    .toEqual([
      ['bob@example.com', '1985-06-15'],
      ['zoe@example.com', '1990-01-31'],
    ])
})
