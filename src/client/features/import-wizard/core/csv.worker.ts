// The CSV module worker: wires the handler to the worker scope
import { createWorkerHandler } from './csv-worker-handler.ts'
import type { WorkerRequest, WorkerResponse } from './csv-worker-protocol.ts'

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
