// The CSV module worker: wires the handler to the worker scope, and warms the file inspection up
import { createWorkerHandler } from './csv-worker-handler.ts'
import type { WorkerRequest, WorkerResponse } from './csv-worker-protocol.ts'
import { inspectBytes } from './inspect-file.ts'

// our own module worker, not papaparse's `worker: true` (papaparse#1122 breaks in Vite 8 builds)
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void
  postMessage(message: WorkerResponse): void
}

const scope = self as unknown as WorkerScope
const handle = createWorkerHandler((message) => scope.postMessage(message))
scope.addEventListener('message', (event) => {
  void handle(event.data)
})

// The worker starts when the file step opens. A first inspection compiles the record reader and
// the detectors, so that cost is paid here, before a file is chosen, not by the person's preview.
const WARM_UP_ROWS = 400
const warmUp = [
  'Email,First Name,Last Name,Phone,Notes',
  ...Array.from(
    { length: WARM_UP_ROWS },
    (_, i) => `user${i}@example.com,Ann ${i},Lee,+1 555 01${i % 100},"said ""hi"", then left"`,
  ),
].join('\r\n')
inspectBytes(new TextEncoder().encode(warmUp), {
  fileName: 'warm-up.csv',
  fileSize: warmUp.length,
  sampled: true,
})
