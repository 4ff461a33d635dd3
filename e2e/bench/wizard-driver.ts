/**
 * Drives the built app's wizard as a person would, with `page-probe.js` timing each wait from the
 * click that starts it to the painted result.
 *
 * Elements are found by their visible text, not by role: Playwright computes roles and accessible
 * names in the page's main thread, over the whole DOM, and on the check step (hundreds of inputs)
 * that was a 100–250 ms task of its own, counted as the app's. Text lookups over a few elements
 * cost next to nothing.
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
  await fileInput(page).waitFor({ state: 'attached' })
  // Playwright compiles its injected script in the page's main world the first time an action
  // needs it (setInputFiles is the first): a 40–300 ms task that would count as the app's
  await fileInput(page).evaluate(() => undefined)
}

const fileInput = (page: Page) => page.locator('input[type=file]')
/** The step's main button: "Next" or "Start import". */
export const button = (page: Page, text: string) =>
  page.locator('button', { hasText: new RegExp(`^${text}$`) })
/** The mapping row of a file column: its property select (not the create-property form's). */
const mappingSelect = (page: Page, column: string) =>
  page
    .locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${column}$`) }) })
    .locator('select[name^="columns."]')

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
  await fileInput(page).setInputFiles(csvPath)
  const preview = await mark(page, 'preview')

  await button(page, 'Next').click()
  // objects: contacts is the default
  await page.locator('legend', { hasText: 'Object to import' }).waitFor()
  await arm(page, 'mapping')
  await button(page, 'Next').click()
  const mapping = await mark(page, 'mapping')

  for (const column of leaveOut) await mappingSelect(page, column).selectOption('')
  await button(page, 'Next').click()
  await page.locator('label', { hasText: 'Import name' }).waitFor()
  await arm(page, 'check')
  await button(page, 'Next').click()
  const check = await mark(page, 'check')
  return { preview, mapping, check }
}

/** The problem grid: the (ARIA) table of rows with problems. */
export const problemGrid = (page: Page) =>
  page.locator('[role=table][aria-label^="Rows with problems"]')

/** The cell inputs of one column in the problem grid (only cells with a problem are inputs). */
export const gridInputs = (page: Page, column: string) =>
  problemGrid(page).locator(`input[aria-label^="Value for ${column} on line "]`)

/** The rows' "Exclude" boxes in the problem grid. */
export const excludeBoxes = (page: Page) => problemGrid(page).locator('input[type=checkbox]')

/** The "Checked N rows: …" line. */
export const checkedStatus = (page: Page) => page.locator('[role=status]', { hasText: /^Checked / })
