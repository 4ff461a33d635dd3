// The CSV module worker: wires the handler to the worker scope, and warms the file inspection up while no request is waiting
import { createWorkerHandler } from './csv-worker-handler.ts'
import type { WorkerRequest, WorkerResponse } from './csv-worker-protocol.ts'
import { warmUpInspections, warmUpWhileIdle } from './inspect-warm-up.ts'

// our own module worker, not papaparse's `worker: true` (papaparse#1122 breaks in Vite 8 builds)
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void
  postMessage(message: WorkerResponse): void
}

const scope = self as unknown as WorkerScope
const handle = createWorkerHandler((message) => scope.postMessage(message))
let requested = false
scope.addEventListener('message', (event) => {
  requested = true
  void handle(event.data)
})

// The worker starts when the file step opens. Inspecting sample heads until the code runs
// optimised pays the first inspection's cost (the interpreter, compiling, type feedback) here,
// before a file is chosen, not in the person's preview. One sample per task, and none once a
// request has come: a worker asked at once (a file chosen as the step opens) starts on it.
warmUpWhileIdle(warmUpInspections(), () => requested)
