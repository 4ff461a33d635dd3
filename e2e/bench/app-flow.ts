/**
 * What a person waits for in the built app, through the real proxy and simulator: choose a file,
 * see its preview, go to the mapping, leave one column out, see the check's results, fix two cells
 * and exclude a row, then start the import (the clean-CSV export and the upload) until the import's
 * page shows. Each wait runs from the click (or file choice) that starts it to the moment its result
 * is painted; the long tasks cover the whole flow, from the file choice to the import's page.
 */
import { statSync } from 'node:fs'
import { jsHeapMb, launchBrowser, profileMainThread, rendererPeakMb } from './browser.ts'
import { memoryOf, resetPeak } from './processes.ts'
import { blockingSummary } from './stats.ts'
import {
  arm,
  button,
  checkedStatus,
  excludeBoxes,
  gridInputs,
  longTasksSince,
  mark,
  openWizard,
  reachCheckResults,
  waited,
} from './wizard-driver.ts'

export interface FlowMeasurement {
  fileMb: number
  previewMs: number
  mappingMs: number
  checkMs: number
  recheckMs: number
  exportMs: number
  uploadMs: number
  longestTaskMs: number
  totalBlockingMs: number
  rendererPeakMb: number
  jsHeapAfterMb: number
  proxyRssGrowthMb: number
  checkedText: string
}

/** The column the flow leaves out of the import. */
export const LEFT_OUT_COLUMN = 'Notes'

export async function measureFlow(
  appUrl: string,
  csvPath: string,
  proxyPid: number,
  profilePath?: string,
): Promise<FlowMeasurement> {
  const browser = await launchBrowser()
  try {
    const page = await browser.browser.newPage()
    await openWizard(page, appUrl)
    const stopProfile = profilePath ? await profileMainThread(page, profilePath) : undefined
    const { preview, mapping, check } = await reachCheckResults(page, csvPath, [LEFT_OUT_COLUMN])

    // a few edits: two emails fixed, one row excluded; the counts come back after a re-check
    const emails = gridInputs(page, 'Email')
    const fixes = Math.min(2, await emails.count())
    for (let i = 0; i < fixes; i++) {
      const cell = emails.nth(i)
      await cell.fill(`fixed-${i}@example.com`)
      await cell.press('Enter')
    }
    await arm(page, 'recheck')
    await excludeBoxes(page).nth(2).check()
    const recheck = await mark(page, 'recheck')
    const checkedText = await checkedStatus(page).innerText()

    await button(page, 'Next').click()
    const start = button(page, 'Start import')
    await start.waitFor()
    const proxyBefore = memoryOf(proxyPid).rssMb
    resetPeak(proxyPid)
    await arm(page, 'uploading')
    await arm(page, 'imported')
    await start.click()
    const uploading = await mark(page, 'uploading')
    const imported = await mark(page, 'imported')
    const proxyPeak = memoryOf(proxyPid).peakMb
    await stopProfile?.()

    const { longestMs, totalBlockingMs } = blockingSummary(
      await longTasksSince(page, preview.since),
    )
    return {
      fileMb: statSync(csvPath).size / 1e6,
      previewMs: waited(preview),
      mappingMs: waited(mapping),
      checkMs: waited(check),
      recheckMs: waited(recheck),
      exportMs: waited(uploading),
      uploadMs: imported.at - uploading.at,
      longestTaskMs: longestMs,
      totalBlockingMs,
      rendererPeakMb: rendererPeakMb(browser.pid),
      jsHeapAfterMb: await jsHeapMb(page),
      proxyRssGrowthMb: proxyPeak - proxyBefore,
      checkedText,
    }
  } finally {
    await browser.close()
  }
}
