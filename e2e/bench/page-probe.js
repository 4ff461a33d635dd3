// Injected into the app's page before its own scripts (page.addInitScript), as plain JavaScript so
// no TypeScript helper leaks into the page. It records what a person waits for, without touching
// the app: every long main-thread task, the time of the last click or file choice, and when an
// awaited state is on screen (found in the DOM, then one frame painted).
;(() => {
  const probe = {
    /** { start, duration } of every main-thread task over 50 ms */
    longTasks: [],
    /** event time of the latest click or change (file chosen, box ticked) */
    lastAction: Number.NaN,
    /** name → { at, since }: when the state was on screen and the action that led to it */
    marks: {},
    armed: new Map(),
    arm(name, argument) {
      const test = probe.states[name]
      if (!test) throw new Error(`no state named ${name}`)
      const context = { argument, initial: probe.statusText() }
      probe.armed.set(name, () => test(context))
      probe.check()
    },
    check() {
      for (const [name, test] of probe.armed) {
        if (!test()) continue
        probe.armed.delete(name)
        const since = probe.lastAction
        // on screen: after the next frame is painted (a timer queued inside rAF runs after paint)
        requestAnimationFrame(() =>
          setTimeout(() => {
            probe.marks[name] = { at: performance.now(), since }
          }, 0),
        )
      }
    },
    /**
     * Scrolls `element`'s scrolling parent by `step` px a frame for `frames` frames; resolves with
     * every frame's requestAnimationFrame time, the distance scrolled and the start time.
     */
    scroll(element, frames, step) {
      const scroller = element.parentElement
      const stamps = []
      const started = performance.now()
      const top = scroller.scrollTop
      return new Promise((done) => {
        const frame = (time) => {
          stamps.push(time)
          if (stamps.length > frames) {
            done({ stamps, scrolledPx: scroller.scrollTop - top, started })
            return
          }
          scroller.scrollTop += step
          requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      })
    },
    statusText() {
      const status = [...document.querySelectorAll('[role=status]')].find((el) =>
        el.textContent.startsWith('Checked '),
      )
      return status ? status.textContent : undefined
    },
    states: {
      preview: () =>
        [...document.querySelectorAll('table caption')].some((c) =>
          c.textContent.startsWith('Preview'),
        ),
      mapping: () => document.querySelector('#map-columns-heading ~ form select') !== null,
      check: () => probe.statusText() !== undefined,
      // the counts changed after edits and no scan is running
      recheck: ({ initial }) =>
        probe.statusText() !== initial && document.getElementById('scan-progress-label') === null,
      // the progress bar is named by the label next to it (aria-labelledby)
      uploading: () =>
        [...document.querySelectorAll('progress[aria-labelledby]')].some(
          (bar) =>
            document.getElementById(bar.getAttribute('aria-labelledby'))?.textContent ===
            'Uploading',
        ),
      imported: () => /^\/imports\/\d+/.test(location.pathname),
    },
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  for (const type of ['click', 'change']) {
    document.addEventListener(type, (event) => (probe.lastAction = event.timeStamp), true)
  }
  new MutationObserver(() => {
    if (probe.armed.size) probe.check()
  }).observe(document, { subtree: true, childList: true, characterData: true })
  window.__benchProbe = probe
})()
