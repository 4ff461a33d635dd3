// Hostile text from a file, an import name and HubSpot's messages is shown as text: no script
// runs, no element is injected, and the page's CSP reports nothing (checklist A22, F9, G9)
import { expect, test } from './fixtures.ts'

const PAYLOAD_IMG = '<img src=x onerror=alert(1)>'
const PAYLOAD_SCRIPT = '<script>alert(2)</script>'
const PAYLOAD_URL = 'javascript:alert(3)'

test('script in an import name, cells and HubSpot error rows is shown as text and never runs', async ({
  page,
  simulator,
}) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      ),
    )
  })

  // HubSpot refuses the email cells, so its error rows carry the payloads back as row data
  const id = await simulator.startImport(
    `Import ${PAYLOAD_IMG}`,
    ['email', 'firstname'],
    [
      ['Email', 'First name'],
      [PAYLOAD_SCRIPT, PAYLOAD_URL],
      [PAYLOAD_IMG, PAYLOAD_SCRIPT],
    ],
  )
  await expect
    .poll(
      async () =>
        (
          (await (
            await fetch(`${simulator.url}/crm/v3/imports/${id}`, {
              headers: { Authorization: `Bearer ${simulator.token}` },
            })
          ).json()) as { state: string }
        ).state,
      { timeout: 30_000 },
    )
    .toBe('DONE')

  await page.goto('/')
  await expect(page.getByText(`Import ${PAYLOAD_IMG}`).first()).toBeVisible()
  await page.goto(`/imports/${id}`)
  const errors = page.getByRole('region', { name: 'Row errors list' })
  await expect(errors.getByText(PAYLOAD_SCRIPT).first()).toBeVisible()
  await expect(errors.getByText(PAYLOAD_IMG).first()).toBeVisible()

  // nothing was turned into markup or a link
  await expect(page.locator('img[src="x"], script:not([src]), a[href^="javascript:"]')).toHaveCount(
    0,
  )
  expect(dialogs).toEqual([])
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([])
})
