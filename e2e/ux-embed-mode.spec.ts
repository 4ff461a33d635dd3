// Embed mode: ?embed=1 leaves out the app's own header for the tab's session and fits a narrow frame
import { expectAccessible } from './accessibility.ts'
import { expect, test } from './fixtures.ts'

test('?embed=1 leaves out the header through in-app navigation, and ?embed=0 brings it back', async ({
  page,
  simulator,
}) => {
  const id = await simulator.startImport('Embedded', ['email'], [['Email'], ['a@example.com']])
  await page.setViewportSize({ width: 720, height: 700 })
  await page.goto(`/imports/${id}?embed=1`)
  await expect(page.getByRole('status', { name: 'Import state' })).toContainText('Done', {
    timeout: 30_000,
  })
  await expect(page.getByRole('banner')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  // the frame sets the width: the page never scrolls sideways in it
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0)
  await expectAccessible(page, 'the import page in embed mode')

  await page.getByRole('link', { name: '← All imports' }).click()
  await expect(page.getByRole('link', { name: /Embedded/ }).first()).toBeVisible()
  await expect(page.getByRole('banner')).toHaveCount(0)
  await page.goto('/new')
  await expect(page.getByRole('heading', { name: 'Choose a file' })).toBeVisible()
  await expect(page.getByRole('banner')).toHaveCount(0)

  await page.goto('/?embed=0')
  await expect(page.getByRole('banner')).toBeVisible()
})
