/**
 * Scrolling the check step's problem grid: a file where every row has a problem, checked in the
 * built app, then the grid is scrolled in a requestAnimationFrame loop (100 px a frame, a fast
 * fling of 6,000 px/s, so every frame brings new rows in) and each frame's time is recorded.
 */
import type { Page } from '@playwright/test'
import { launchBrowser, profileMainThread } from './browser.ts'
import { blockingSummary, frameSummary } from './stats.ts'
import {
  checkedStatus,
  longTasksSince,
  openWizard,
  problemGrid,
  reachCheckResults,
} from './wizard-driver.ts'

const FRAMES = 300
const PIXELS_PER_FRAME = 100

export interface ScrollMeasurement {
  problemRows: string
  fps: number
  medianFrameMs: number
  p95FrameMs: number
  longestFrameMs: number
  slowFrames: number
  longestTaskMs: number
  scrolledPx: number
}

interface ScrollRun {
  stamps: number[]
  scrolledPx: number
  started: number
}

async function scrollGrid(page: Page): Promise<ScrollRun> {
  const table = await problemGrid(page).elementHandle()
  if (!table) throw new Error('no problem grid on the check step')
  return table.evaluate(
    (grid, { frames, step }) =>
      (
        window as unknown as {
          __benchProbe: { scroll(e: Element, f: number, s: number): Promise<ScrollRun> }
        }
      ).__benchProbe.scroll(grid, frames, step),
    { frames: FRAMES, step: PIXELS_PER_FRAME },
  )
}

export async function measureGridScroll(
  appUrl: string,
  csvPath: string,
  profilePath?: string,
): Promise<ScrollMeasurement> {
  const browser = await launchBrowser()
  try {
    const page = await browser.browser.newPage()
    await openWizard(page, appUrl)
    await reachCheckResults(page, csvPath)
    const problemRows = await checkedStatus(page).innerText()
    await problemGrid(page).waitFor()
    const stopProfile = profilePath ? await profileMainThread(page, profilePath) : undefined
    const { stamps, scrolledPx, started } = await scrollGrid(page)
    await stopProfile?.()
    const frames = frameSummary(stamps)
    const { longestMs } = blockingSummary(await longTasksSince(page, started))
    return { problemRows, ...frames, longestTaskMs: longestMs, scrolledPx }
  } finally {
    await browser.close()
  }
}
