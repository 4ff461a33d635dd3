/**
 * An Idempotency-Key is bound to the request's content: the importRequest and the file bytes
 * (hashed while they stream). The same key with another file is refused with 409 and nothing is
 * sent; with the same file the first import is replayed. Real proxy and simulator over loopback.
 */
import { describe, expect, it } from 'vitest'
import {
  REQUESTED_BY,
  SAMPLE_CSV,
  importForm,
  isCreate,
  useSimulatorAndProxy,
  waitFor,
} from './test-helpers.ts'

const servers = useSimulatorAndProxy()

// same columns, same importRequest: one address corrected
const CORRECTED = SAMPLE_CSV.replace('grace@example.com', 'grace.hopper@example.com')

async function create(key: string, csv: string) {
  const response = await fetch(`${servers.proxy.api}/crm/v3/imports`, {
    method: 'POST',
    headers: { ...REQUESTED_BY, 'Idempotency-Key': key },
    body: importForm(csv),
  })
  const body = (await response.json()) as { id?: string; category?: string; message?: string }
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body }
}

const pendingFaults = async () =>
  (
    (await (await fetch(`${servers.simulator.url}/__simulator/faults`)).json()) as {
      faults: unknown[]
    }
  ).faults.length

const creates = async () => (await servers.simulator.requests()).filter(isCreate)

describe('the same Idempotency-Key and importRequest', () => {
  it('with the same file replays the first import; with a changed file gets 409 and imports nothing', async () => {
    const first = await create('k-done', SAMPLE_CSV)
    expect(first.status).toBe(200)

    const same = await create('k-done', SAMPLE_CSV)
    expect(same).toMatchObject({ status: 200, replayed: 'true', body: { id: first.body.id } })

    const changed = await create('k-done', CORRECTED)
    expect(changed.status).toBe(409)
    expect(changed.body.category).toBe('CONFLICT')
    expect(changed.body.message).toMatch(/different content.*not imported.*new import/)
    expect(await creates()).toHaveLength(1)
    expect(await servers.simulator.imports()).toHaveLength(1)
  })

  it('while the first is still uploading: a changed file waits for it, then gets 409', async () => {
    await servers.simulator.fault({ delayMs: 500, method: 'POST' })
    const first = create('k-pending', SAMPLE_CSV)
    // the simulator has taken the fault: the first create holds the key and is with HubSpot
    await waitFor(async () => (await pendingFaults()) === 0)
    const changed = await create('k-pending', CORRECTED)
    expect((await first).status).toBe(200)
    expect(changed.status).toBe(409)
    expect(await servers.simulator.imports()).toHaveLength(1)
  })

  it('after an unknown outcome whose import HubSpot has: a changed file gets 409, the same file the import', async () => {
    await servers.simulator.fault({ dropAnswerAfterBytes: 0, method: 'POST' })
    expect((await create('k-pinned', SAMPLE_CSV)).body.category).toBe('OUTCOME_UNKNOWN')
    const changed = await create('k-pinned', CORRECTED)
    expect(changed.status).toBe(409)
    const same = await create('k-pinned', SAMPLE_CSV)
    expect(same.status).toBe(200)
    expect((await servers.simulator.imports()).map((i) => i.id)).toEqual([same.body.id])
  })

  it('after an unknown outcome where HubSpot has none: a changed file is cut off before it ends, the same file goes through', async () => {
    await servers.simulator.fault({ status: 502, method: 'POST' })
    expect((await create('k-none', SAMPLE_CSV)).body.category).toBe('OUTCOME_UNKNOWN')
    const changed = await create('k-none', CORRECTED)
    expect(changed.status).toBe(409)
    expect(await servers.simulator.imports()).toHaveLength(0)
    const same = await create('k-none', SAMPLE_CSV)
    expect(same.status).toBe(200)
    expect((await servers.simulator.imports()).map((i) => i.id)).toEqual([same.body.id])
  })
})
