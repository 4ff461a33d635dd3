// An Excel export from Western Europe: Windows-1252, semicolons and a title line, imported with its accents
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

// Excel on Windows in Western Europe: Windows-1252, semicolons, a title line above the header
const text = [
  'Kontakte Export März 2026;;;',
  'E-Mail;Vorname;Nachname;City',
  'jose@example.com;José;Muñoz;Málaga',
  'francois@example.com;François;Lefèvre;Genève',
  'zoe@example.com;Zoë;Brontë;Zürich',
  '',
].join('\r\n')

test('a Windows-1252 semicolon file with a title row imports with correct accents', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start(csvFile('kontakte.csv', text, 'latin1'))

  await expect(page.getByLabel('Encoding')).toHaveValue('windows-1252')
  await expect(page.getByLabel('Delimiter')).toHaveValue(';')
  await expect(page.getByLabel('Header row')).toHaveValue('1')
  await expect(wizard.preview).toContainText('François')
  await expect(wizard.preview).toContainText('Zürich')
  await expect(page.getByText(/a UTF-8 copy will be uploaded/)).toBeVisible()
  await wizard.continueTo('mapping')

  await expect(wizard.mappingFor('E-Mail')).toHaveValue('0-1/email')
  await expect(wizard.mappingFor('Vorname')).toHaveValue('0-1/firstname')
  await expect(wizard.mappingFor('Nachname')).toHaveValue('0-1/lastname')
  await expect(wizard.mappingFor('City')).toHaveValue('0-1/city')
  await wizard.continueTo('check')

  await expect(wizard.scanStatus(/Checked 3 rows: no problems/)).toBeVisible()
  await wizard.next()
  await expect(page.getByText(/a clean UTF-8 copy/)).toBeVisible()
  await wizard.startImport()

  await expect
    .poll(async () =>
      (await simulator.objects('contacts', ['email', 'firstname', 'lastname', 'city']))
        .map(({ properties: { email, firstname, lastname, city } }) => ({
          email,
          firstname,
          lastname,
          city,
        }))
        .sort((a, b) => String(a.email).localeCompare(String(b.email))),
    )
    .toEqual([
      { email: 'francois@example.com', firstname: 'François', lastname: 'Lefèvre', city: 'Genève' },
      { email: 'jose@example.com', firstname: 'José', lastname: 'Muñoz', city: 'Málaga' },
      { email: 'zoe@example.com', firstname: 'Zoë', lastname: 'Brontë', city: 'Zürich' },
    ])
})
