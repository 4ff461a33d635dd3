// Page object for the import wizard: its steps, controls and saved draft, located as a person finds them
import { expect, type Locator, type Page } from '@playwright/test'

export type WizardStep = 'file' | 'objects' | 'mapping' | 'options' | 'check' | 'submit'

/** Each step's heading: the page object waits for it, so a spec never clicks ahead of the app. */
const STEP_HEADINGS: Record<WizardStep, string> = {
  file: 'Choose a file',
  objects: 'What does the file hold?',
  mapping: 'Map columns to HubSpot properties',
  options: 'Import options',
  check: 'Check the rows before importing',
  submit: 'Start the import',
}
const ORDER = Object.keys(STEP_HEADINGS) as WizardStep[]

/** A CSV handed to the file input from memory. */
export const csvFile = (name: string, text: string, encoding: BufferEncoding = 'utf8') => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, encoding),
})

export class ImportWizardPage {
  readonly fileInput: Locator
  readonly nextButton: Locator
  readonly startImportButton: Locator
  readonly stepper: Locator
  readonly preview: Locator
  readonly importName: Locator

  constructor(readonly page: Page) {
    this.fileInput = page.getByLabel('Choose a CSV or Excel file')
    this.nextButton = page.getByRole('button', { name: 'Next' })
    this.startImportButton = page.getByRole('button', { name: 'Start import' })
    this.stepper = page.getByRole('navigation', { name: 'Import steps' })
    this.preview = page.getByRole('table', { name: /Preview/ })
    this.importName = page.getByLabel('Import name')
  }

  async open(path = '/new') {
    await this.page.goto(path)
  }

  /** Opens the wizard and chooses a file: a path on disk or a CSV from memory (`csvFile`). */
  async start(file: Parameters<Locator['setInputFiles']>[0]) {
    await this.open()
    await this.fileInput.setInputFiles(file)
    await expect(this.preview).toBeVisible()
  }

  heading(step: WizardStep): Locator {
    return this.page.getByRole('heading', { name: STEP_HEADINGS[step] })
  }

  /** The stepper's button for a step, e.g. `stepButton(/Options/)`. */
  stepButton(name: RegExp): Locator {
    return this.stepper.getByRole('button', { name })
  }

  /** Clicks Next and waits for the step after the current one. */
  async next() {
    const current = await this.currentStep()
    await this.nextButton.click()
    const following = ORDER[ORDER.indexOf(current) + 1]
    if (following) await expect(this.heading(following)).toBeVisible()
  }

  /** Clicks Next, step after step, until `step` is on screen. */
  async continueTo(step: WizardStep) {
    while ((await this.currentStep()) !== step) await this.next()
  }

  /** The step whose heading is on screen. */
  async currentStep(): Promise<WizardStep> {
    for (const step of ORDER) if (await this.heading(step).isVisible()) return step
    throw new Error('no wizard step is on screen')
  }

  chooseObject(label: string | RegExp): Promise<void> {
    return this.page.getByRole('radio', { name: label, exact: typeof label === 'string' }).check()
  }

  mappingFor(column: string): Locator {
    return this.page.getByLabel(`HubSpot property for column ${column}`)
  }

  /** A cell of the problem grid. */
  cell(column: string, line: number): Locator {
    return this.page.getByLabel(`Value for ${column} on line ${line}`)
  }

  excludeLine(line: number): Locator {
    return this.page.getByLabel(`Exclude line ${line}`)
  }

  /** The check step's summary ("Checked 5 rows: …"). */
  scanStatus(text: RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text })
  }

  /**
   * Starts a leads file whose "Lead Source" column matches no HubSpot property, goes to the mapping
   * step and opens the create-property form for that column, its options read from the values.
   */
  async openCreatePropertyForLeadSource() {
    await this.start(
      csvFile(
        'fair-leads.csv',
        'Email,Lead Source\r\nann@example.com,Web\r\nben@example.com,Fair\r\ncy@example.com,Web\r\n',
      ),
    )
    await this.continueTo('mapping')
    await expect(this.mappingFor('Lead Source')).toHaveValue('')
    await this.page.getByText('Create a property for Lead Source').click()
    await expect(this.page.getByLabel('Options, one per line')).toHaveValue('Web\nFair')
  }

  /** Adds the second file of a two-file import on the file step and waits for its preview. */
  async addSecondFile(file: Parameters<Locator['setInputFiles']>[0], expectedText: string) {
    await this.page.getByRole('button', { name: 'Add a second file' }).click()
    await this.page.getByLabel('Choose the second file').setInputFiles(file)
    await expect(this.preview.nth(1)).toContainText(expectedText)
  }

  /** The second file's mapping step ("Map the second file: …"). */
  secondMappingHeading(fileName: string): Locator {
    return this.page.getByRole('heading', { name: `Map the second file: ${fileName}` })
  }

  /** The second file's check step, with the cross-file check ("Check the second file: …"). */
  secondCheckHeading(fileName: string): Locator {
    return this.page.getByRole('heading', { name: `Check the second file: ${fileName}` })
  }

  secondFileObject(fileName: string): Locator {
    return this.page.getByLabel(`Object in ${fileName}`)
  }

  /** The common column's choice in the first file (`firstFile`) or its values in the second. */
  commonColumn(firstFile: string): Locator {
    return this.page.getByLabel(`Common column in ${firstFile}`)
  }

  commonValuesIn(secondFile: string): Locator {
    return this.page.getByLabel(`Same values in ${secondFile}`)
  }

  /** The cross-file check's list of common values that match no row of the first file. */
  get unmatchedList(): Locator {
    return this.page.getByRole('list', { name: 'Common values with no match' })
  }

  /** Presses Tab until `target` has focus, as a keyboard user would. */
  async tabTo(target: Locator, max = 80) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return
      await this.page.keyboard.press('Tab')
    }
    throw new Error(`could not reach ${target} with the Tab key`)
  }

  /** Tabs to Next and presses Enter. */
  async nextByKeyboard() {
    await this.tabTo(this.nextButton)
    await expectFocusVisible(this.nextButton)
    await this.page.keyboard.press('Enter')
  }

  /** Starts the import and waits for its page; returns the new import's id. */
  async startImport(): Promise<string> {
    await this.startImportButton.click()
    await expect(this.page).toHaveURL(/\/imports\/\d+$/)
    return /\/imports\/(\d+)$/.exec(this.page.url())?.[1] ?? ''
  }

  /**
   * Waits until the wizard's saved draft (IndexedDB) holds what `expected` asks of its mapping:
   * the condition itself, instead of a sleep longer than the autosave delay.
   */
  async waitForSavedMapping(
    expected: (mapping: { columnName: string; propertyName: string | null }[]) => boolean,
  ) {
    await this.waitForSavedDraft((state) => {
      const mapping = state.mapping as
        { columnName: string; propertyName: string | null }[] | undefined
      return mapping !== undefined && expected(mapping)
    })
  }

  /** Waits until the saved draft's wizard state satisfies `expected` (e.g. the second file's turn). */
  async waitForSavedDraft(expected: (state: SavedWizardState) => boolean) {
    await expect
      .poll(async () => {
        const state = await this.page.evaluate(readSavedState)
        return state !== undefined && expected(state)
      })
      .toBe(true)
  }
}

/** The element has focus and shows it: the browser's focus-visible outline is drawn. */
export async function expectFocusVisible(target: Locator) {
  await expect(target).toBeFocused()
  expect(
    await target.evaluate(
      (el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none',
    ),
  ).toBe(true)
}

/** The saved draft's wizard state, loosely typed: the specs read a few of its fields. */
export type SavedWizardState = Record<string, unknown> & {
  step?: string
  second?: { objectTypeId?: string; common?: { first: number; second: number }; mapping?: unknown }
}

/** Runs in the page: the saved draft's state, without creating the database if it is not there. */
async function readSavedState(): Promise<SavedWizardState | undefined> {
  const databases = await indexedDB.databases()
  if (!databases.some((database) => database.name === 'hubspot-import-wizard')) return undefined
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('hubspot-import-wizard')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('drafts')) {
        db.close()
        resolve(undefined)
        return
      }
      const read = db.transaction('drafts').objectStore('drafts').get('draft')
      read.onerror = () => reject(read.error)
      read.onsuccess = () => {
        db.close()
        resolve(read.result?.state)
      }
    }
  })
}
