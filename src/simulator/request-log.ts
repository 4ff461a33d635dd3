// The log of HubSpot requests the simulator answered, bounded
import type { LoggedRequest } from '#shared/testing/simulator-control.ts'

export type { LoggedRequest }

/** Bounded, so a long-running dev simulator does not grow without limit; oldest entries go first. */
const MAX_ENTRIES = 10_000

/** Every HubSpot-path request, for tests that prove what did (or never) reach "HubSpot". */
export function createRequestLog() {
  let entries: LoggedRequest[] = []

  return {
    record(entry: LoggedRequest): void {
      entries.push(entry)
      if (entries.length > MAX_ENTRIES) entries = entries.slice(-MAX_ENTRIES)
    },
    list: (): LoggedRequest[] => [...entries],
    clear(): void {
      entries = []
    },
  }
}

export type RequestLog = ReturnType<typeof createRequestLog>
