/**
 * The simulator's processing speed in fast mode (`SIMULATOR_ROWS_PER_SECOND=0`): a contacts import
 * of the generated file, sent straight to the simulator, timed from its STARTED answer to DONE.
 * Every column but the record ID (ignored: the file's IDs are not in the store) is mapped, so each
 * row is parsed, checked cell by cell, deduplicated by email and written.
 */
import { openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import { BENCH_HEADER } from './generate-csv.ts'
import { cpuSecondsOf, SIMULATOR_TOKEN, startSimulator } from './processes.ts'

const PROPERTIES: Record<string, string> = {
  Email: 'email',
  'First Name': 'firstname',
  'Last Name': 'lastname',
  'Company Name': 'company',
  'Job Title': 'jobtitle',
  'Phone Number': 'phone',
  City: 'city',
  Country: 'country',
  'Lifecycle Stage': 'lifecyclestage',
  'Date of birth': 'date_of_birth',
  'Annual Revenue': 'annualrevenue',
  Notes: 'message',
}

const POLL_MS = 100

export interface SimulatorSpeed {
  rows: number
  seconds: number
  rowsPerSecond: number
  /** rows per second of the simulator's own CPU time: steadier than the wall clock when the machine is busy */
  rowsPerCpuSecond: number
  errors: number
}

export async function measureSimulatorSpeed(csvPath: string): Promise<SimulatorSpeed> {
  // a private simulator: nothing else shares its CPU or its rate window
  const simulator = await startSimulator({ SIMULATOR_RATE_LIMIT: '100000' })
  const auth = { Authorization: `Bearer ${SIMULATOR_TOKEN}` }
  try {
    const fileName = basename(csvPath)
    const form = new FormData()
    form.append(
      'importRequest',
      JSON.stringify({
        name: 'bench simulator speed',
        importOperations: { '0-1': 'UPSERT' },
        dateFormat: 'YEAR_MONTH_DAY',
        files: [
          {
            fileName,
            fileFormat: 'CSV',
            fileImportPage: {
              hasHeader: true,
              columnMappings: BENCH_HEADER.map((columnName) =>
                PROPERTIES[columnName]
                  ? { columnObjectTypeId: '0-1', columnName, propertyName: PROPERTIES[columnName] }
                  : // only the legacy spelling has `ignored`
                    { columnObjectType: '0-1', columnName, ignored: true },
              ),
            },
          },
        ],
      }),
    )
    form.append('files', await openAsBlob(csvPath, { type: 'text/csv' }), fileName)
    const created = await fetch(`${simulator.url}/crm/v3/imports`, {
      method: 'POST',
      headers: auth,
      body: form,
    })
    if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`)
    const started = performance.now()
    const cpuBefore = cpuSecondsOf(simulator.pid)
    const { id } = (await created.json()) as { id: string }
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      const response = await fetch(`${simulator.url}/crm/v3/imports/${id}`, { headers: auth })
      const body = (await response.json()) as {
        state: string
        metadata: { counters: Record<string, number> }
      }
      if (body.state === 'PROCESSING' || body.state === 'STARTED' || body.state === 'DEFERRED')
        continue
      const seconds = (performance.now() - started) / 1000
      const cpuSeconds = cpuSecondsOf(simulator.pid) - cpuBefore
      if (body.state !== 'DONE') throw new Error(`the import ended ${body.state}`)
      const rows = body.metadata.counters.TOTAL_ROWS ?? 0
      return {
        rows,
        seconds,
        rowsPerSecond: rows / seconds,
        rowsPerCpuSecond: rows / cpuSeconds,
        errors: body.metadata.counters.ERRORS ?? 0,
      }
    }
  } finally {
    await simulator.stop()
  }
}
