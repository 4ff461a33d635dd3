// A European Excel export (Windows-1252, semicolons, decimal commas, a non-ASCII file name) lands exactly
import { expect, test } from './fixtures.ts'

// Excel on a German Windows: Windows-1252, semicolons, decimal commas, a UTF-8-hostile file name
const FILE_NAME = 'Müller Kontakte (März).csv'
const ROWS = 60
const FIRST = ['Jürgen', 'Zoë', 'François', "D'Angelo", 'Åsa', 'Renée']
const CITIES = ['Köln', 'Málaga', 'Genève', 'Zürich', 'Frankfurt; Main', 'Søborg']

const contacts = Array.from({ length: ROWS }, (_, i) => ({
  email: `kunde${i}@beispiel.de`,
  firstname: `${FIRST[i % FIRST.length]} ${i}`,
  lastname: `Müller-${i}`,
  city: CITIES[i % CITIES.length]!,
  // decimal commas, thousands dots and the euro sign (0x80 in Windows-1252)
  message: i % 5 === 0 ? `${i + 1}.234,50 €` : `${i},${String(i % 100).padStart(2, '0')}`,
}))

/** The rows as Excel writes a semicolon CSV: quoted only where a cell holds a semicolon. */
const text = [
  'E-Mail;Vorname;Nachname;Stadt;Umsatz',
  ...contacts.map((c) =>
    [c.email, c.firstname, c.lastname, c.city, c.message]
      .map((cell) => (cell.includes(';') ? `"${cell}"` : cell))
      .join(';'),
  ),
  '',
].join('\r\n')

/** Windows-1252: Latin-1 plus € at 0x80 (the only character here outside Latin-1). */
function windows1252(value: string): Buffer {
  return Buffer.from([...value].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))))
}

test('a 60-row Windows-1252 semicolon file with decimal commas, named Müller Kontakte (März).csv, lands exactly', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.start({ name: FILE_NAME, mimeType: 'text/csv', buffer: windows1252(text) })

  await expect(page.getByLabel('Encoding')).toHaveValue('windows-1252')
  await expect(page.getByLabel('Delimiter')).toHaveValue(';')
  await expect(page.getByLabel('Header row')).toHaveValue('0')
  await expect(wizard.preview).toContainText('Jürgen 0')
  await expect(wizard.preview).toContainText('1.234,50 €')
  await wizard.continueTo('mapping')

  await expect(wizard.mappingFor('E-Mail')).toHaveValue('0-1/email')
  await expect(wizard.mappingFor('Vorname')).toHaveValue('0-1/firstname')
  await expect(wizard.mappingFor('Nachname')).toHaveValue('0-1/lastname')
  await wizard.mappingFor('Stadt').selectOption('0-1/city')
  await wizard.mappingFor('Umsatz').selectOption('0-1/message')
  await wizard.continueTo('check')

  await expect(wizard.scanStatus(new RegExp(`Checked ${ROWS} rows: no problems`))).toBeVisible()
  await wizard.next()
  await expect(page.getByText(/a clean UTF-8 copy/)).toBeVisible()
  await wizard.startImport()

  // the name arrived whole: HubSpot matched the file part to importRequest by it
  const imports = async () => {
    const list = await fetch(`${simulator.url}/crm/v3/imports`, {
      headers: { Authorization: `Bearer ${simulator.token}` },
    })
    const { results } = (await list.json()) as {
      results: { state: string; importRequestJson: { files: { fileName: string }[] } }[]
    }
    return results.map((r) => ({
      state: r.state,
      fileName: r.importRequestJson.files[0]?.fileName,
    }))
  }
  await expect.poll(imports).toEqual([{ state: 'DONE', fileName: FILE_NAME }])

  const properties = ['email', 'firstname', 'lastname', 'city', 'message'] as const
  expect(
    (await simulator.objects('contacts', [...properties]))
      .map(({ properties: p }) => Object.fromEntries(properties.map((name) => [name, p[name]])))
      .sort((a, b) => String(a.email).localeCompare(String(b.email), 'en', { numeric: true })),
  ).toEqual(contacts)
})
