/**
 * Drives the built app's wizard as a person would (by role and label), with `page-probe.js`
 * timing each wait from the click that starts it to the painted result.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'

const PROBE = join(import.meta.dirname, 'page-probe.js')
const WAIT_MS = 10 * 60_000

export interface Mark {
  /** page time the awaited state was painted */
  at: number
  /** page time of the click or file choice before it */
  since: number
}

export type MarkName = 'preview' | 'mapping' | 'check' | 'recheck' | 'uploading' | 'imported'

interface BenchWindow {
  __benchProbe: {
    arm(name: MarkName): void
    marks: Partial<Record<MarkName, Mark>>
    longTasks: { start: number; duration: number }[]
  }
}

export const waited = (m: Mark) => m.at - m.since

/** Opens the new-import page with the probe installed. */
export async function openWizard(page: Page, appUrl: string): Promise<void> {
  await page.addInitScript({ path: PROBE })
  await page.goto(`${appUrl}/new`)
  await page.getByLabel('Choose a CSV file').waitFor()
}

/** Starts watching for a state; arm before the click that leads to it. */
export async function arm(page: Page, name: MarkName): Promise<void> {
  await page.evaluate((n) => (window as unknown as BenchWindow).__benchProbe.arm(n), name)
}

/** Waits until the armed state is on screen. */
export async function mark(page: Page, name: MarkName): Promise<Mark> {
  const handle = await page.waitForFunction(
    (n) => (window as unknown as BenchWindow).__benchProbe.marks[n],
    name,
    { timeout: WAIT_MS, polling: 50 },
  )
  return (await handle.jsonValue()) as Mark
}

/** Main-thread tasks over 50 ms since page time `since`. */
export async function longTasksSince(page: Page, since: number): Promise<number[]> {
  const tasks = await page.evaluate(() => (window as unknown as BenchWindow).__benchProbe.longTasks)
  return tasks.filter((t) => t.start >= since).map((t) => t.duration)
}

export interface CheckReached {
  preview: Mark
  mapping: Mark
  check: Mark
}

/**
 * File → preview → contacts → mapping (leaving `leaveOut` columns out) → options → the check's
 * results on screen.
 */
export async function reachCheckResults(
  page: Page,
  csvPath: string,
  leaveOut: readonly string[] = [],
): Promise<CheckReached> {
  await arm(page, 'preview')
  await page.getByLabel('Choose a CSV file').setInputFiles(csvPath)
  const preview = await mark(page, 'preview')

  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByRole('radio', { name: 'Contacts', exact: true }).waitFor()
  await arm(page, 'mapping')
  await page.getByRole('button', { name: 'Next' }).click()
  const mapping = await mark(page, 'mapping')

  for (const column of leaveOut) {
    await page.getByLabel(`HubSpot property for column ${column}`).selectOption('')
  }
  await page.getByRole('button', { name: 'Next' }).click()
  await page.getByLabel('Import name').waitFor()
  await arm(page, 'check')
  await page.getByRole('button', { name: 'Next' }).click()
  const check = await mark(page, 'check')
  return { preview, mapping, check }
}

/** The problem grid: the table of rows with problems. */
export const problemGrid = (page: Page) => page.getByRole('table', { name: /Rows with problems/ })

/** The "Checked N rows: …" line. */
export const checkedStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^Checked / })
