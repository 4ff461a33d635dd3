/**
 * A fresh headless Chromium per measurement (Debian's, with the e2e flags), so each renderer's
 * peak memory is that measurement's own, plus the memory readings: the renderer's VmHWM from
 * procfs and the page's JS heap from CDP.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.ts'

export interface BenchBrowser {
  browser: Browser
  pid: number
  close(): Promise<void>
}

export async function launchBrowser(): Promise<BenchBrowser> {
  const executablePath = chromiumExecutable()
  const server = await chromium.launchServer({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  })
  const browser = await chromium.connect(server.wsEndpoint())
  return {
    browser,
    pid: server.process().pid!,
    close: async () => {
      await browser.close().catch(() => {})
      await server.close()
    },
  }
}

/** Peak resident memory (VmHWM) of the renderer processes under a browser process, in MB. */
export function rendererPeakMb(browserPid: number): number {
  const parentOf = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parentOf.set(Number(entry), ppid)
    } catch {
      // the process ended while we looked
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === browserPid) return true
    }
    return false
  }
  let peak = 0
  for (const pid of parentOf.keys()) {
    if (!descends(pid)) continue
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (hwm?.[1]) peak = Math.max(peak, (Number(hwm[1]) * 1024) / 1e6)
    } catch {
      // gone
    }
  }
  return peak
}

/**
 * Records a sampling CPU profile of the page's main thread until the returned function is called,
 * which writes it to `path` (open it in Chrome DevTools' Performance panel or any .cpuprofile viewer).
 */
export async function profileMainThread(page: Page, path: string): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(path, JSON.stringify(profile))
    await cdp.detach()
  }
}

/** The page's JS heap in use now (CDP Performance.getMetrics), in MB. */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN
    return used / 1e6
  } finally {
    await cdp.detach()
  }
}
