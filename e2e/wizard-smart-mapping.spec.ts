// Mapping that reads values as well as names: a German export maps itself, a company file starts on Companies
import { csvFile } from './pages/import-wizard-page.ts'
import { expect, test } from './fixtures.ts'

const german = csvFile(
  'kontakte.csv',
  [
    'Vorname;Nachname;E-Mail;Lebenszyklusphase;Geburtstag;Notiz',
    'Anna;Müller;anna@example.de;Lead;10.01.1980;Messe',
    'Jörg;Schäfer;joerg@example.de;Customer;23.11.1975;Rückruf',
    'Eva;Klein;eva@example.de;Subscriber;02.02.1990;',
  ].join('\r\n'),
)

test('a German export maps Lebenszyklusphase and Geburtstag, and the Match column follows a manual choice', async ({
  page,
  wizard,
}) => {
  await wizard.start(german)
  await wizard.next()
  await expect(page.getByRole('radio', { name: 'Contacts', exact: true })).toBeChecked()
  await wizard.next()

  await expect(wizard.mappingFor('Vorname')).toHaveValue('0-1/firstname')
  await expect(wizard.mappingFor('Lebenszyklusphase')).toHaveValue('0-1/lifecyclestage')
  await expect(wizard.mappingFor('Geburtstag')).toHaveValue('0-1/date_of_birth')
  const notiz = page.getByRole('row').filter({ has: wizard.mappingFor('Notiz') })
  await expect(notiz).toContainText('No match found')
  await wizard.mappingFor('Notiz').selectOption({ label: 'Message' })
  await expect(notiz).toContainText('Chosen by you')
  await expect(notiz).not.toContainText('No match found')
})

test('a file of company names and domains starts on Companies', async ({ page, wizard }) => {
  await wizard.start(
    csvFile(
      'firms.csv',
      'Company name,Company Domain Name\r\nAcme,acme.com\r\nGlobex,globex.com\r\n',
    ),
  )
  await wizard.next()
  await expect(page.getByRole('radio', { name: 'Companies', exact: true })).toBeChecked()
  await expect(page.getByText(/headers look like companies/)).toBeVisible()
  await wizard.next()
  await expect(wizard.mappingFor('Company name')).toHaveValue('0-2/name')
  await expect(wizard.mappingFor('Company Domain Name')).toHaveValue('0-2/domain')
})

test('a property created from the mapping step receives the column’s values', async ({
  page,
  simulator,
  wizard,
}) => {
  await wizard.openCreatePropertyForLeadSource()
  await expect(page.getByLabel('Field type')).toHaveValue('select')
  await expect(page.getByLabel('Internal name')).toHaveValue('lead_source')
  await page.getByRole('button', { name: 'Create property in HubSpot' }).click()
  await expect(wizard.mappingFor('Lead Source')).toHaveValue('0-1/lead_source')

  await wizard.continueTo('options')
  await wizard.importName.fill('Fair leads')
  await wizard.continueTo('submit')
  await wizard.startImport()
  await expect
    .poll(async () =>
      (await simulator.objects('contacts', ['email', 'lead_source']))
        .map((c) => `${c.properties.email}=${c.properties.lead_source}`)
        .sort(),
    )
    .toEqual(['ann@example.com=Web', 'ben@example.com=Fair', 'cy@example.com=Web'])
})
