// Hands workbook bytes to the reader in a dedicated worker, as the wizard's worker will read them.
function readInWorker(base64: string): Promise<unknown> {
  const worker = new Worker(new URL('./reader.worker.ts', import.meta.url), { type: 'module' })
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'the worker failed to start'))
    }
    const buffer = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer
    worker.postMessage(buffer, [buffer])
  })
}

;(window as unknown as { readInWorker: typeof readInWorker }).readInWorker = readInWorker
