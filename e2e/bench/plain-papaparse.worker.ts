// The parse bench's baseline worker: papaparse alone over the File, its rows counted and timed
import Papa from 'papaparse'

// the baseline: papaparse alone over the same File in a module worker, keeping no rows
self.onmessage = (event: MessageEvent<File>) => {
  const started = performance.now()
  let rows = 0
  Papa.parse<string[]>(event.data, {
    chunk: (results) => {
      rows += results.data.length
    },
    complete: () => self.postMessage({ rows, ms: performance.now() - started }),
    error: (error) => self.postMessage({ error: error.message }),
  })
}
