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
}) => {
  await page.goto('/new')
  await page.getByLabel('Choose a CSV file').setInputFiles({
    name: 'kontakte.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'latin1'),
  })

  await expect(page.getByLabel('Encoding')).toHaveValue('windows-1252')
  await expect(page.getByLabel('Delimiter')).toHaveValue(';')
  await expect(page.getByLabel('Header row')).toHaveValue('1')
  const preview = page.getByRole('table', { name: /Preview/ })
  await expect(preview).toContainText('François')
  await expect(preview).toContainText('Zürich')
  await expect(page.getByText(/a UTF-8 copy will be uploaded/)).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()

  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByLabel('HubSpot property for column E-Mail')).toHaveValue('0-1/email')
  await expect(page.getByLabel('HubSpot property for column Vorname')).toHaveValue('0-1/firstname')
  await expect(page.getByLabel('HubSpot property for column Nachname')).toHaveValue('0-1/lastname')
  await expect(page.getByLabel('HubSpot property for column City')).toHaveValue('0-1/city')
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('button', { name: 'Next' }).click()

  await expect(
    page.getByRole('status').filter({ hasText: /Checked 3 rows: no problems/ }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText(/a clean UTF-8 copy/)).toBeVisible()
  await page.getByRole('button', { name: 'Start import' }).click()
  await expect(page).toHaveURL(/\/imports\/\d+$/)

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
